import { describe, expect, it } from 'vitest';
import { checkRegionCode, childLevel, fullRegionCode, regionLevelOfCode } from './regions.ts';
import { caseTierOfPath } from './cases.ts';

describe('region codes (GB/T 2260 + 12-digit statistical code)', () => {
  it('accepts a child code extending its parent', () => {
    expect(checkRegionCode('township', '410104003', '410104')).toBeNull();
    expect(checkRegionCode('village', '410104001201', '410104001')).toBeNull();
  });
  it('refuses wrong length, a foreign prefix and an all-zero segment', () => {
    expect(checkRegionCode('township', '41010400', '410104')).toMatch(/9位数字/);
    expect(checkRegionCode('township', '410105001', '410104')).toMatch(/410104/);
    expect(checkRegionCode('village', '410104001000', '410104001')).toMatch(/全为 0/);
    expect(checkRegionCode('county', '4101a4', '4101')).toMatch(/6位数字/);
  });
  it('knows the level below and pads to 12 digits', () => {
    expect(childLevel('township')).toBe('village');
    expect(childLevel('village')).toBeNull();
    expect(fullRegionCode('410104')).toBe('410104000000');
  });
});

describe('the level of a region code, and the tier of whoever sits at a path (one home: regions.ts, cases.ts)', () => {
  it('reads the level from the number of significant digits (GB/T 2260 + 统计用区划代码)', () => {
    expect(regionLevelOfCode('41')).toBe('province');
    expect(regionLevelOfCode('4101')).toBe('city');
    expect(regionLevelOfCode('410104')).toBe('county');
    expect(regionLevelOfCode('410104001')).toBe('township');
    expect(regionLevelOfCode('410104001001')).toBe('village');
    expect(regionLevelOfCode('41010400')).toBeNull();
    expect(regionLevelOfCode('')).toBeNull();
  });

  it('gives the case tier of a unit at a region path: province and city act as the city tier', () => {
    expect(caseTierOfPath('/41/')).toBe('city');
    expect(caseTierOfPath('/41/4101/')).toBe('city');
    expect(caseTierOfPath('/41/4101/410104/')).toBe('county');
    expect(caseTierOfPath('/41/4101/410104/410104001/')).toBe('township');
    expect(caseTierOfPath('/41/4101/410104/410104001/410104001001/')).toBe('village');
    // Below a village (a grid's own code) still counts as the village tier.
    expect(caseTierOfPath('/41/4101/410104/410104001/410104001001/410104001001001/')).toBe('village');
  });
});
