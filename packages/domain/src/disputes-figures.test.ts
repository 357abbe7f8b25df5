import { describe, expect, it } from 'vitest';
import { DISPUTE_FIGURES, disputeRates, screeningComplianceRate } from './disputes-figures.ts';

/* Each figure's numerator and denominator as its definition names them, on counts written by hand. */
describe('dispute figures', () => {
  const counts = {
    registered: 12,
    agreed: 7,
    failed: 3,
    confirmed: 2,
    agreedVillage: 4,
    agreedTownship: 2,
    agreedCounty: 1,
    followedUp: 5,
    performed: 4,
  };

  it('divides what the definitions say, with the counts beside each rate', () => {
    expect(disputeRates(counts)).toEqual({
      // 7 agreed of 7 + 3 concluded
      successRate: { numerator: 7, denominator: 10, rate: 0.7 },
      performanceRate: { numerator: 4, denominator: 5, rate: 0.8 },
      confirmationRate: { numerator: 2, denominator: 7, rate: 0.2857 },
      // village 4 + township 2 of 7 agreed
      localRate: { numerator: 6, denominator: 7, rate: 0.8571 },
    });
  });

  it('gives no rate when nothing was due (small units are not ranked on noise)', () => {
    const none = {
      ...counts,
      agreed: 0,
      failed: 0,
      confirmed: 0,
      agreedVillage: 0,
      agreedTownship: 0,
      agreedCounty: 0,
    };
    expect(disputeRates(none).successRate).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(
      screeningComplianceRate({ reportsDue: 0, reportedOnTime: 0, reportedLate: 0, missing: 0, zeroOnTime: 0 }).rate,
    ).toBeNull();
    expect(
      screeningComplianceRate({ reportsDue: 24, reportedOnTime: 21, reportedLate: 1, missing: 2, zeroOnTime: 15 }),
    ).toEqual({
      numerator: 21,
      denominator: 24,
      rate: 0.875,
    });
  });

  it('writes every definition out in Chinese', () => {
    for (const f of Object.values(DISPUTE_FIGURES)) expect(f.definition).toMatch(/÷/);
  });
});
