import { describe, expect, it } from 'vitest';
import { lightAt } from './calendar.ts';
import {
  DEFAULT_VISIT_INTERVALS,
  dueFigures,
  effectiveIntervals,
  intervalsProblem,
  isVisitOverdue,
  nextVisitDue,
  retimedPlan,
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

  it('month ends: due days and deadlines (hand table, Beijing 24:00 = 16:00 UTC)', () => {
    const table: [from: string, days: number, due: string, deadlineUtc: string][] = [
      ['2027-01-31', 1, '2027-02-01', '2027-02-01T16:00:00.000Z'],
      ['2027-01-31', 30, '2027-03-02', '2027-03-02T16:00:00.000Z'], // 2027 is not a leap year
      ['2028-01-31', 30, '2028-03-01', '2028-03-01T16:00:00.000Z'], // 2028 is
      ['2026-04-30', 1, '2026-05-01', '2026-05-01T16:00:00.000Z'],
      ['2026-12-31', 7, '2027-01-07', '2027-01-07T16:00:00.000Z'],
      ['2026-11-30', 15, '2026-12-15', '2026-12-15T16:00:00.000Z'],
    ];
    for (const [from, days, due, deadline] of table) {
      expect(nextVisitDue(from, days), `${from}+${days}`).toBe(due);
      expect(visitDeadline(due).toISOString()).toBe(deadline);
    }
    // Due on the last day of February 2027: the day ends at 02-28 16:00 UTC (03-01 00:00 Beijing).
    expect(isVisitOverdue('2027-02-28', new Date('2027-02-28T15:59:59Z'))).toBe(false);
    expect(isVisitOverdue('2027-02-28', new Date('2027-02-28T16:00:01Z'))).toBe(true);
    // Yellow from the start of the day before, across a month end: due 03-01 → yellow from 02-28 00:00 Beijing.
    expect(visitClock('2027-03-01').warnAt.toISOString()).toBe('2027-02-27T16:00:00.000Z');
  });

  it('public holidays do not move a due day (natural days): 国庆 and 春节 (hand table)', () => {
    const table: [from: string, days: number, due: string][] = [
      ['2026-09-24', 7, '2026-10-01'], // 国庆节 2026: still due 10-01
      ['2026-09-30', 7, '2026-10-07'], // the last day of the 国庆 holiday
      ['2026-02-10', 7, '2026-02-17'], // 春节 2026 (正月初一)
      ['2025-12-31', 1, '2026-01-01'], // 元旦
    ];
    for (const [from, days, due] of table) expect(nextVisitDue(from, days), `${from}+${days}`).toBe(due);
    expect(isVisitOverdue('2026-10-01', new Date('2026-10-01T16:00:00.001Z'))).toBe(true);
    expect(isVisitOverdue('2026-02-17', new Date('2026-02-17T15:00:00Z'))).toBe(false);
  });

  it("a county's edits lie over the defaults, the rest unchanged", () => {
    const i = effectiveIntervals([{ kind: 'drug_user', riskLevel: 'high', days: 5 }]);
    expect(i.drug_user).toEqual({ high: 5, medium: 15, low: 30 });
    expect(i.released_prisoner).toEqual({ high: 15, medium: 30, low: 90 });
    expect(DEFAULT_VISIT_INTERVALS.drug_user.high).toBe(7);
  });

  it('figures count due and overdue plans by the one definition', () => {
    const at = new Date('2026-12-10T16:00:00.000Z'); // 12-10 24:00 Beijing
    const days = [
      { day: '2026-12-09', n: 2 }, // ended yesterday: overdue
      { day: '2026-12-10', n: 3 }, // ends exactly now: not yet
      { day: '2026-12-11', n: 1 },
    ];
    expect(dueFigures(days, at)).toEqual({ due: 6, overdue: 2 });
  });
});

describe('retimedPlan (a county edits its intervals)', () => {
  it('a plan on the old interval takes the new one, counted from its last visit', () => {
    expect(retimedPlan({ intervalDays: 30, fromDay: '2026-12-01' }, 30, 10)).toEqual({
      intervalDays: 10,
      nextVisitDue: '2026-12-11',
    });
    // Across a month and a year end: 2026-12-25 + 14 days.
    expect(retimedPlan({ intervalDays: 7, fromDay: '2026-12-25' }, 7, 14)).toEqual({
      intervalDays: 14,
      nextVisitDue: '2027-01-08',
    });
  });
  it('a plan with an interval of its own, or an unchanged interval, is left alone', () => {
    expect(retimedPlan({ intervalDays: 20, fromDay: '2026-12-01' }, 30, 10)).toBeNull();
    expect(retimedPlan({ intervalDays: 30, fromDay: '2026-12-01' }, 30, 30)).toBeNull();
  });
});
