import { describe, expect, it } from 'vitest';
import { nextSeq, suggestName } from './codes.ts';

describe('nextSeq', () => {
  const grids = [
    { code: '410104001001001' },
    { code: '410104001001004' },
    { code: '410104001001001002' },
    { code: '410104001002001' },
  ];

  it('follows the highest unit-grid sequence of the village', () => {
    expect(nextSeq(grids, '410104001001')).toBe('005');
  });

  it('counts micro-grids under their unit grid only', () => {
    expect(nextSeq(grids, '410104001001001')).toBe('003');
    expect(nextSeq(grids, '410104001001004')).toBe('001');
  });

  it('starts at 001 in an empty village', () => {
    expect(nextSeq(grids, '410104002001')).toBe('001');
  });
});

describe('suggestName', () => {
  it('names unit grids and micro-grids', () => {
    expect(suggestName('明德社区', '005', false)).toBe('明德社区第5网格');
    expect(suggestName('明德社区第1网格', '003', true)).toBe('明德社区第1网格微网格3');
  });
});
