import { describe, expect, it } from 'vitest';
import {
  ADMISSION_STATES,
  CASE_STAGES,
  DEPARTMENT_KINDS,
  DEPARTMENT_KIND_LABELS,
  ITEM_CATEGORIES,
  canTransitionAdmission,
  catalogueItemSchema,
  itemCodeSchema,
  itemFieldSchema,
  timeLimits,
  type CatalogueItem,
} from './items.ts';
import { STARTER_CATALOGUE, findCatalogueItem } from './items-catalogue.ts';

const base = STARTER_CATALOGUE[0] as CatalogueItem;

describe('starter catalogue', () => {
  it('has at least 64 items, at least 3 in every category but 其他', () => {
    expect(STARTER_CATALOGUE.length).toBeGreaterThanOrEqual(64);
    for (const c of ITEM_CATEGORIES.filter((c) => c.code !== '99')) {
      expect(STARTER_CATALOGUE.filter((i) => i.categoryCode === c.code).length, c.name).toBeGreaterThanOrEqual(3);
    }
  });

  it('has unique codes', () => {
    const codes = STARTER_CATALOGUE.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('parses every item unchanged', () => {
    for (const item of STARTER_CATALOGUE) {
      const r = catalogueItemSchema.safeParse(item);
      expect(r.success, `${item.code} ${item.name}: ${r.error?.message}`).toBe(true);
      expect(r.data).toEqual(item);
    }
  });

  it('keeps negative-list items off grids and minor items on them', () => {
    for (const item of STARTER_CATALOGUE) {
      if (item.negativeList) expect(item.gridEligible, item.code).toBe(false);
      if (item.minor) expect(item.gridEligible, item.code).toBe(true);
    }
  });

  it('has a realistic mix: about a quarter grid-eligible, some minor, some negative-list, some extra fields', () => {
    const n = STARTER_CATALOGUE.length;
    const grid = STARTER_CATALOGUE.filter((i) => i.gridEligible).length;
    expect(grid / n).toBeGreaterThan(0.15);
    expect(grid / n).toBeLessThan(0.4);
    expect(STARTER_CATALOGUE.filter((i) => i.minor).length).toBeGreaterThanOrEqual(3);
    expect(STARTER_CATALOGUE.filter((i) => i.negativeList).length).toBeGreaterThanOrEqual(4);
    const types = new Set(STARTER_CATALOGUE.flatMap((i) => i.fields.map((f) => f.type)));
    for (const t of ['string', 'number', 'datetime', 'singlevaluelist', 'multivaluelist'] as const)
      expect(types.has(t), t).toBe(true);
  });

  it('only lets residents report items that are not on the negative list', () => {
    for (const item of STARTER_CATALOGUE) if (item.negativeList) expect(item.publicReport, item.code).toBe(false);
  });

  it('finds items by code', () => {
    expect(findCatalogueItem('01001')?.name).toBe('暴露垃圾');
    expect(findCatalogueItem('99999')).toBeUndefined();
  });
});

describe('catalogueItemSchema', () => {
  it('rejects a bad code', () => {
    expect(catalogueItemSchema.safeParse({ ...base, code: '0101' }).success).toBe(false);
    expect(catalogueItemSchema.safeParse({ ...base, code: '01a01' }).success).toBe(false);
    expect(itemCodeSchema.safeParse('010011').success).toBe(false);
    expect(itemCodeSchema.safeParse('01001').success).toBe(true);
  });

  it('rejects a category that does not match the code or is unknown', () => {
    const mismatch = catalogueItemSchema.safeParse({ ...base, categoryCode: '02' });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error?.issues.some((i) => i.path.join('.') === 'categoryCode')).toBe(true);
    expect(catalogueItemSchema.safeParse({ ...base, code: '13001', categoryCode: '13' }).success).toBe(false);
  });

  it('enforces negativeList ⇒ !gridEligible and minor ⇒ gridEligible', () => {
    expect(
      catalogueItemSchema.safeParse({ ...base, negativeList: true, gridEligible: true, minor: false }).success,
    ).toBe(false);
    expect(catalogueItemSchema.safeParse({ ...base, gridEligible: false, minor: true }).success).toBe(false);
  });

  it('has exactly one 不确定/其他 item, 99000, reportable and never for grids', () => {
    expect(
      STARTER_CATALOGUE.filter((i) => i.unclassified).map((i) => [i.code, i.publicReport, i.gridEligible]),
    ).toEqual([['99000', true, false]]);
  });

  it('defaults fields to [] and caps keywords at 30', () => {
    const { fields: _fields, ...noFields } = base;
    expect(catalogueItemSchema.parse(noFields).fields).toEqual([]);
    expect(
      catalogueItemSchema.safeParse({ ...base, keywords: Array.from({ length: 31 }, (_, i) => `k${i}`) }).success,
    ).toBe(false);
  });

  it('rejects duplicate field codes within an item', () => {
    const f = { code: 'plate_no', label: '车牌号', type: 'string', required: false, order: 1 };
    expect(catalogueItemSchema.safeParse({ ...base, fields: [f, { ...f, order: 2 }] }).success).toBe(false);
  });

  it('needs a limit for every stage, in a known unit', () => {
    const { verify: _verify, ...four } = base.limits;
    expect(catalogueItemSchema.safeParse({ ...base, limits: four }).success).toBe(false);
    expect(timeLimits.safeParse({ ...base.limits, handle: { amount: 3, unit: 'hours' } }).success).toBe(false);
    expect(timeLimits.safeParse({ ...base.limits, handle: { amount: 0, unit: 'work_days' } }).success).toBe(false);
    expect(Object.keys(timeLimits.shape)).toEqual([...CASE_STAGES]);
  });
});

describe('itemFieldSchema', () => {
  const list = {
    code: 'cover_type',
    label: '井盖类型',
    type: 'singlevaluelist',
    required: true,
    options: [
      { key: 'rain', name: '雨水' },
      { key: 'sewage', name: '污水' },
    ],
    order: 1,
  };

  it('accepts a list field with options and a plain field without', () => {
    expect(itemFieldSchema.safeParse(list).success).toBe(true);
    expect(
      itemFieldSchema.safeParse({ code: 'seen_at', label: '发现时间', type: 'datetime', required: true, order: 1 })
        .success,
    ).toBe(true);
  });

  it('rejects a list field without options', () => {
    expect(itemFieldSchema.safeParse({ ...list, options: undefined }).success).toBe(false);
    expect(itemFieldSchema.safeParse({ ...list, type: 'multivaluelist', options: [] }).success).toBe(false);
  });

  it('rejects duplicate option keys', () => {
    const r = itemFieldSchema.safeParse({ ...list, options: [...list.options, { key: 'rain', name: '雨水2' }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['options', 2, 'key']);
  });

  it('rejects options on a non-list field', () => {
    expect(itemFieldSchema.safeParse({ ...list, type: 'string' }).success).toBe(false);
  });

  it('rejects a bad field code', () => {
    expect(itemFieldSchema.safeParse({ ...list, code: 'CoverType' }).success).toBe(false);
    expect(itemFieldSchema.safeParse({ ...list, code: '1cover' }).success).toBe(false);
    expect(itemFieldSchema.safeParse({ ...list, code: 'a'.repeat(33) }).success).toBe(false);
  });
});

describe('departments and admission', () => {
  it('labels every department kind in Chinese', () => {
    for (const k of DEPARTMENT_KINDS) expect(DEPARTMENT_KIND_LABELS[k]).toMatch(/\p{Script=Han}/u);
  });

  it('moves admission proposed → active → withdrawn, or proposed → rejected', () => {
    expect(ADMISSION_STATES).toEqual(['proposed', 'active', 'rejected', 'withdrawn']);
    expect(canTransitionAdmission('proposed', 'active')).toBe(true);
    expect(canTransitionAdmission('proposed', 'rejected')).toBe(true);
    expect(canTransitionAdmission('active', 'withdrawn')).toBe(true);
    expect(canTransitionAdmission('withdrawn', 'active')).toBe(false);
    expect(canTransitionAdmission('rejected', 'active')).toBe(false);
  });
});
