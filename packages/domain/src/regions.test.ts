import { describe, expect, it } from 'vitest';
import { checkRegionCode, childLevel, fullRegionCode } from './regions.ts';

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
