import { describe, expect, it } from 'vitest';
import {
  chineseCount,
  documentNumberSchema,
  formatChineseDate,
  formatDocumentNumber,
  mediationAgreementDocumentSchema,
} from './documents.ts';

describe('formatChineseDate', () => {
  it('writes the year in full and month and day without a leading zero (GB/T 9704-2012)', () => {
    expect(formatChineseDate('2026-12-04')).toBe('2026年12月4日');
    expect(formatChineseDate('2026-01-31')).toBe('2026年1月31日');
    expect(formatChineseDate('2030-10-10')).toBe('2030年10月10日');
  });
  it('refuses what is not a YYYY-MM-DD date', () => {
    expect(() => formatChineseDate('2026-1-4')).toThrow(RangeError);
    expect(() => formatChineseDate('2026-12-04T00:00:00Z')).toThrow(RangeError);
  });
});

describe('chineseCount', () => {
  it('writes counts as in 一式三份 and 第十二条', () => {
    const expected: [number, string][] = [
      [1, '一'],
      [2, '二'],
      [3, '三'],
      [9, '九'],
      [10, '十'],
      [11, '十一'],
      [12, '十二'],
      [20, '二十'],
      [21, '二十一'],
      [30, '三十'],
      [99, '九十九'],
    ];
    for (const [n, s] of expected) expect(chineseCount(n), String(n)).toBe(s);
  });
  it('refuses 0, 100 and fractions', () => {
    for (const n of [0, 100, 2.5, -1]) expect(() => chineseCount(n), String(n)).toThrow(RangeError);
  });
});

describe('document numbers', () => {
  it('are written 〔year〕agency字第N号', () => {
    expect(formatDocumentNumber({ year: 2026, agency: '格调', serial: 1 })).toBe('〔2026〕格调字第1号');
    expect(formatDocumentNumber({ year: 2027, agency: '管信复', serial: 112 })).toBe('〔2027〕管信复字第112号');
  });
  it('refuse an agency code with brackets, digits or spaces, and serial 0', () => {
    for (const agency of ['格〔调', '格调1', '格 调', '', '一二三四五六七八九十一']) {
      expect(documentNumberSchema.safeParse({ year: 2026, agency, serial: 1 }).success, agency).toBe(false);
    }
    expect(documentNumberSchema.safeParse({ year: 2026, agency: '格调', serial: 0 }).success).toBe(false);
  });
});

describe('mediationAgreementDocumentSchema', () => {
  const base = {
    number: { year: 2026, agency: '格调', serial: 1 },
    committee: '格物街道明德社区人民调解委员会',
    facts: '邻里漏水纠纷。',
    terms: [{ text: '乙方赔偿甲方500元。' }],
    performance: '当场履行。',
    mediators: ['周敏'],
  };
  const a = { kind: 'person', side: 'a', name: '张三' } as const;
  const b = { kind: 'organisation', side: 'b', name: '某物业公司' } as const;

  it('accepts a person against an organisation, a person defaulting to 当事人', () => {
    const parsed = mediationAgreementDocumentSchema.parse({ ...base, parties: [a, b] });
    expect(parsed.parties[0]).toEqual({ kind: 'person', side: 'a', role: 'principal', name: '张三' });
  });
  it('needs a party on each of 甲方 and 乙方, an agent counting for none', () => {
    const r = mediationAgreementDocumentSchema.safeParse({
      ...base,
      parties: [a, { kind: 'person', side: 'b', role: 'agent', name: '李四' }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['缺少乙方当事人', '代理人所代理的一方没有当事人']);
  });
});
