import type { FigureCounts, RateKey } from './api.ts';

/**
 * The counts behind each rate (domain.md "Assessment"), shown beside it so a small unit's 100% reads
 * as "1/1". Satisfaction weighs 基本满意 at 0.9, so only its base (the number rated) is given.
 */
export function rateBasis(key: RateKey, c: FigureCounts): { num: number | null; den: number } {
  switch (key) {
    case 'closure':
      return { num: c.closed, den: c.due };
    case 'onTimeClosure':
      return { num: c.closedOnTime, den: c.due };
    case 'overdue':
      return { num: c.closedOverdue + c.openOverdue, den: c.due };
    case 'rework':
      return { num: c.reworked, den: c.handled };
    case 'dispatchAccuracy':
      return { num: c.dispatched - c.returned - c.mismatched, den: c.dispatched };
    case 'onTimeDispatch':
      return { num: c.dispatchedOnTime, den: c.dispatched };
    case 'validReports':
      return { num: c.accepted, den: c.reported };
    case 'solvedWithinArea':
      return { num: c.closedWithinLevel, den: c.closed };
    case 'response':
      return { num: c.contactedInTime, den: c.rated };
    case 'resolution':
      return { num: c.resolved, den: c.rated };
    case 'satisfaction':
      return { num: null, den: c.rated };
  }
}

/** "7/8", or "n=5" when the rate is weighted. */
export function formatBasis(b: { num: number | null; den: number }): string {
  return b.num === null ? `n=${b.den}` : `${b.num}/${b.den}`;
}

/** A rate as a whole percentage for the chart (null → 0, drawn as no bar). */
export function chartPercent(rate: number | null): number {
  return rate === null ? 0 : Math.round(rate * 1000) / 10;
}
