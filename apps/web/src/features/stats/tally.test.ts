import { describe, expect, it } from 'vitest';
import { pivotRisk } from './tally.ts';

describe('pivotRisk', () => {
  it('puts each township on one row with a column per risk level', () => {
    const rows = pivotRisk([
      { townshipId: 't1', townshipName: '格物街道', riskLevel: 'high', count: 2 },
      { townshipId: 't1', townshipName: '格物街道', riskLevel: 'low', count: 5 },
      { townshipId: 't2', townshipName: '知行街道', riskLevel: 'medium', count: 1 },
    ]);
    expect(rows).toEqual([
      { townshipId: 't1', townshipName: '格物街道', low: 5, medium: 0, high: 2, total: 7 },
      { townshipId: 't2', townshipName: '知行街道', low: 0, medium: 1, high: 0, total: 1 },
    ]);
  });
});
