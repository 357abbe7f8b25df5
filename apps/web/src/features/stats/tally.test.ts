import { describe, expect, it } from 'vitest';
import { pivotRisk } from './tally.ts';

describe('pivotRisk', () => {
  it('puts each township on one row with a column per risk level', () => {
    const rows = pivotRisk([
      { townshipId: 't1', townshipCode: '410104001', townshipName: '格物街道', riskLevel: 'high', count: 2 },
      { townshipId: 't1', townshipCode: '410104001', townshipName: '格物街道', riskLevel: 'low', count: 5 },
      { townshipId: 't2', townshipCode: '410104002', townshipName: '知行街道', riskLevel: 'medium', count: 1 },
    ]);
    expect(rows).toEqual([
      { townshipCode: '410104001', townshipName: '格物街道', low: 5, medium: 0, high: 2, total: 7 },
      { townshipCode: '410104002', townshipName: '知行街道', low: 0, medium: 1, high: 0, total: 1 },
    ]);
  });

  it('keeps a township whose code names no region (id null) on its own row', () => {
    const rows = pivotRisk([
      { townshipId: null, townshipCode: '410104009', townshipName: '410104009', riskLevel: 'low', count: 1 },
      { townshipId: null, townshipCode: '410104008', townshipName: '410104008', riskLevel: 'high', count: 3 },
    ]);
    expect(rows).toEqual([
      { townshipCode: '410104009', townshipName: '410104009', low: 1, medium: 0, high: 0, total: 1 },
      { townshipCode: '410104008', townshipName: '410104008', low: 0, medium: 0, high: 3, total: 3 },
    ]);
  });
});
