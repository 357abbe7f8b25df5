import { describe, expect, it } from 'vitest';
import { mapHeader, parseDateCell, splitCategories } from './imports.columns.ts';

describe('import columns', () => {
  it('parses the date forms people type into spreadsheets', () => {
    expect(parseDateCell('2020-01-31')).toBe('2020-01-31');
    expect(parseDateCell('2020/1/5')).toBe('2020-01-05');
    expect(parseDateCell('20200131')).toBe('2020-01-31');
    expect(parseDateCell('2020年1月31日')).toBe('2020-01-31');
    expect(parseDateCell('28313')).toBe('1977-07-07');
    expect(parseDateCell('2020-02-30')).toBeNull();
    expect(parseDateCell('昨天')).toBeNull();
  });
  it('maps Chinese headers and reports unknown, duplicate and missing columns', () => {
    expect(mapHeader('houses', ['\uFEFF地址', '用途', '村（社区）代码']).errors).toEqual([]);
    const bad = mapHeader('houses', ['地址', '地址', '颜色']);
    expect(bad.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/重复/),
      expect.stringMatching(/未知的列「颜色」/),
      '缺少必填列「用途」',
      '缺少必填列「村（社区）代码」',
    ]);
  });
  it('splits categories on Chinese and Latin separators', () => {
    expect(splitCategories('户籍人口、独居老人，残疾人 户籍人口')).toEqual({
      values: ['registered', 'elderly_alone', 'disabled'],
      unknown: [],
    });
    expect(splitCategories('神仙;户籍人口').unknown).toEqual(['神仙']);
  });
});
