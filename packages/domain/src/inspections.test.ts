import { describe, expect, it } from 'vitest';
import { STARTER_CATALOGUE } from './items-catalogue.ts';
import {
  DEFAULT_INSPECTION_TEMPLATES,
  type InspectionItem,
  answersProblem,
  outcomeOf,
  templateProblem,
} from './inspections.ts';

const pf = (key: string, photoOnFail = true, required = true): InspectionItem => ({
  key,
  text: key,
  answer: { kind: 'pass_fail' },
  required,
  photoOnFail,
  caseItem: { code: '08002' },
  source: 'local practice',
});
const num = (key: string, min: number | null, max: number | null): InspectionItem => ({
  ...pf(key),
  answer: { kind: 'number', unit: '具', min, max },
});

describe('inspection templates (隐患排查)', () => {
  it('ships fire (九小场所), gas, rental housing and old buildings, every 九小 type covered by the fire template', () => {
    expect(DEFAULT_INSPECTION_TEMPLATES.map((t) => t.key)).toEqual([
      'fire_small_place',
      'gas',
      'rental_housing',
      'old_building',
    ]);
    expect(DEFAULT_INSPECTION_TEMPLATES[0]?.placeTypes).toHaveLength(9);
    for (const t of DEFAULT_INSPECTION_TEMPLATES) expect(templateProblem(t), t.key).toBe(null);
  });

  it('maps each failed item to a real catalogue item, with the fields that item requires', () => {
    const byCode = new Map(STARTER_CATALOGUE.map((i) => [i.code, i]));
    for (const t of DEFAULT_INSPECTION_TEMPLATES)
      for (const i of t.items) {
        const item = byCode.get(i.caseItem.code);
        expect(item, `${t.key}.${i.key}`).toBeDefined();
        for (const f of item?.fields.filter((f) => f.required) ?? [])
          expect(i.caseItem.fields?.[f.code], `${t.key}.${i.key} ${f.code}`).toBeDefined();
      }
    // Hand-picked: a gas leak is 燃气安全隐患 (08001), a blocked exit 消防通道堵塞 (08002), a wall crack 房屋安全隐患 (05003).
    const gas = DEFAULT_INSPECTION_TEMPLATES.find((t) => t.key === 'gas');
    expect(gas?.items.find((i) => i.key === 'no_leak')?.caseItem).toEqual({
      code: '08001',
      fields: { hazard: 'leak' },
    });
    expect(DEFAULT_INSPECTION_TEMPLATES[0]?.items.find((i) => i.key === 'exits_clear')?.caseItem.code).toBe('08002');
    const old = DEFAULT_INSPECTION_TEMPLATES.find((t) => t.key === 'old_building');
    expect(old?.items.find((i) => i.key === 'walls_ok')?.caseItem).toEqual({
      code: '05003',
      fields: { parts: ['wall_crack'] },
    });
  });

  it('reads a number answer against its range, both ends inclusive', () => {
    const atLeast2 = num('ext', 2, null);
    expect(outcomeOf(atLeast2, { value: 1 })).toBe('fail');
    expect(outcomeOf(atLeast2, { value: 2 })).toBe('pass');
    expect(outcomeOf(atLeast2, { value: 7 })).toBe('pass');
    expect(outcomeOf(atLeast2, { result: 'na' })).toBe('na');
    expect(outcomeOf(atLeast2, {})).toBe(null);
    const band = num('t', 16, 26);
    expect(outcomeOf(band, { value: 15.9 })).toBe('fail');
    expect(outcomeOf(band, { value: 26 })).toBe('pass');
    expect(outcomeOf(band, { value: 26.1 })).toBe('fail');
    expect(outcomeOf(pf('a'), { result: 'fail' })).toBe('fail');
    expect(outcomeOf(pf('a'), { value: 3 })).toBe(null);
  });

  it('refuses unknown, duplicate, malformed and missing answers, and a failure without its photo', () => {
    const items = [pf('a'), pf('b', false), pf('c', true, false), num('n', 2, null)];
    const ok = (key: string, result: 'pass' | 'fail' | 'na' = 'pass', photoIds: string[] = []) => ({
      key,
      result,
      photoIds,
    });
    const all = [ok('a'), ok('b'), { key: 'n', value: 3, photoIds: [] }];
    expect(answersProblem(items, all)).toBe(null);
    expect(answersProblem(items, [...all, ok('zz')])).toEqual({ code: 'unknown_item', keys: ['zz'] });
    expect(answersProblem(items, [...all, ok('a')])).toEqual({ code: 'duplicate_item', keys: ['a'] });
    expect(answersProblem(items, [ok('a'), ok('b'), { key: 'n', photoIds: [] }])).toEqual({
      code: 'bad_answer',
      keys: ['n'],
    });
    expect(answersProblem(items, [ok('a')])).toEqual({ code: 'missing_items', keys: ['b', 'n'] });
    // b fails without a photo but needs none; a and n need one.
    expect(answersProblem(items, [ok('a', 'fail'), ok('b', 'fail'), { key: 'n', value: 1, photoIds: [] }])).toEqual({
      code: 'photo_required',
      keys: ['a', 'n'],
    });
    expect(
      answersProblem(items, [ok('a', 'fail', ['p']), ok('b', 'na'), { key: 'n', result: 'na' as const, photoIds: [] }]),
    ).toBe(null);
  });

  it('refuses a template edit with duplicate keys or a range upside down', () => {
    expect(templateProblem({ items: [] })).toBe('检查表至少需要一项');
    expect(templateProblem({ items: [pf('a'), pf('a')] })).toBe('检查项编码重复：a');
    expect(templateProblem({ items: [num('n', 5, 1)] })).toBe('合格范围下限大于上限：n');
    expect(templateProblem({ items: [num('n', null, null)] })).toBe('数值检查项须有合格范围：n');
  });
});
