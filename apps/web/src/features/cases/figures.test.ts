import { describe, expect, it } from 'vitest';
import type { FigureCounts } from './api.ts';
import { chartPercent, formatBasis, rateBasis } from './figures.ts';

const counts: FigureCounts = {
  reported: 10,
  accepted: 8,
  closed: 6,
  closedOnTime: 5,
  closedOverdue: 1,
  closedWithinLevel: 4,
  openOverdue: 2,
  handled: 7,
  reworked: 1,
  rated: 5,
  satisfied: 3,
  basicallySatisfied: 1,
  resolved: 4,
  contactedInTime: 5,
  due: 8,
  dispatched: 9,
  dispatchedOnTime: 7,
  returned: 2,
  mismatched: 1,
};

describe('rateBasis', () => {
  it('gives each rate its numerator and denominator', () => {
    expect(rateBasis('closure', counts)).toEqual({ num: 6, den: 8 });
    expect(rateBasis('overdue', counts)).toEqual({ num: 3, den: 8 });
    expect(rateBasis('dispatchAccuracy', counts)).toEqual({ num: 6, den: 9 }); // 9 − 2 returned − 1 to another department
    expect(rateBasis('rework', counts)).toEqual({ num: 1, den: 7 });
    expect(rateBasis('validReports', counts)).toEqual({ num: 8, den: 10 });
    expect(rateBasis('solvedWithinArea', counts)).toEqual({ num: 4, den: 6 });
  });

  it('gives only the base of the weighted satisfaction rate', () => {
    expect(formatBasis(rateBasis('satisfaction', counts))).toBe('n=5');
    expect(formatBasis(rateBasis('resolution', counts))).toBe('4/5');
  });
});

describe('chartPercent', () => {
  it('draws nothing for a rate with nothing due', () => {
    expect(chartPercent(null)).toBe(0);
    expect(chartPercent(0.875)).toBe(87.5);
  });
});
