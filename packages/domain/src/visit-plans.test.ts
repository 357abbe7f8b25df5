import { describe, expect, it } from 'vitest';
import { lightAt } from './calendar.ts';
import {
  DEFAULT_VISIT_INTERVALS,
  intervalsProblem,
  isVisitOverdue,
  nextVisitDue,
  visitClock,
  visitDeadline,
  visitTiming,
} from './visit-plans.ts';

describe('visit plans (特殊人群走访)', () => {
  it('high-risk 严重精神障碍 is visited weekly by default, and no kind visits higher risk less often', () => {
    expect(DEFAULT_VISIT_INTERVALS.severe_mental_disorder.high).toBe(7);
    for (const i of Object.values(DEFAULT_VISIT_INTERVALS)) expect(intervalsProblem(i)).toBe(null);
  });

  it('refuses edited intervals out of range or against the risk order', () => {
    const cases: [Record<'low' | 'medium' | 'high', number>, string | null][] = [
      [{ high: 7, medium: 7, low: 7 }, null],
      [{ high: 1, medium: 30, low: 365 }, null],
      [{ high: 0, medium: 15, low: 30 }, 'out_of_range'],
      [{ high: 7, medium: 15, low: 366 }, 'out_of_range'],
      [{ high: 7.5, medium: 15, low: 30 }, 'out_of_range'],
      [{ high: 15, medium: 7, low: 30 }, 'risk_order'],
      [{ high: 7, medium: 31, low: 30 }, 'risk_order'],
    ];
    for (const [i, want] of cases) expect(intervalsProblem(i), JSON.stringify(i)).toBe(want);
  });

  it('the next visit is due the interval after the last one, across months and years', () => {
    expect(nextVisitDue('2026-12-03', 7)).toBe('2026-12-10');
    expect(nextVisitDue('2026-12-28', 7)).toBe('2027-01-04');
    expect(nextVisitDue('2027-02-20', 15)).toBe('2027-03-07');
    expect(nextVisitDue('2028-02-20', 15)).toBe('2028-03-06'); // leap year
  });

  it('overdue once the due day has ended in China time (after 16:00 UTC), not a moment before', () => {
    expect(visitDeadline('2026-12-10').toISOString()).toBe('2026-12-10T16:00:00.000Z');
    expect(isVisitOverdue('2026-12-10', new Date('2026-12-10T16:00:00.000Z'))).toBe(false);
    expect(isVisitOverdue('2026-12-10', new Date('2026-12-10T16:00:00.001Z'))).toBe(true);
    const clock = visitClock('2026-12-10');
    // Light at: hand-picked instants (UTC) → Beijing time in the comment.
    const table: [string, string][] = [
      ['2026-12-08T15:59:59Z', 'green'], // 12-08 23:59:59
      ['2026-12-08T16:00:00Z', 'yellow'], // 12-09 00:00, the day before the due day
      ['2026-12-10T15:59:59Z', 'yellow'], // 12-10 23:59:59, the due day's last second
      ['2026-12-10T16:00:00.000Z', 'yellow'], // 24:00 on the due day: the day's end, not yet past
      ['2026-12-10T16:00:00.001Z', 'red'], // just after
    ];
    for (const [at, light] of table) expect(lightAt(clock, new Date(at)), at).toBe(light);
  });

  it('a visit recorded late is accepted with a reason and counted late; one made late is late', () => {
    const due = '2026-12-10';
    const table: [string, string, object][] = [
      // visited (UTC), recorded (UTC), timing
      ['2026-12-10T08:00:00Z', '2026-12-10T09:00:00Z', { counted: 'on_time', reasonRequired: false }],
      ['2026-12-10T15:00:00Z', '2026-12-10T16:00:00Z', { counted: 'on_time', reasonRequired: false }],
      // Made on the due day, written down the next morning (offline all day): late, with a reason.
      ['2026-12-10T08:00:00Z', '2026-12-11T01:00:00Z', { counted: 'late', reasonRequired: true }],
      ['2026-12-11T02:00:00Z', '2026-12-11T02:05:00Z', { counted: 'late', reasonRequired: true }],
      ['2026-12-10T09:00:00Z', '2026-12-10T08:00:00Z', { problem: 'visited_after_recorded' }],
    ];
    for (const [visited, recorded, want] of table)
      expect(visitTiming(due, new Date(visited), new Date(recorded)), `${visited} ${recorded}`).toEqual(want);
  });
});
