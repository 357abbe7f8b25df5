import { describe, expect, it } from 'vitest';
import { lightAt } from './calendar.ts';
import {
  decisionPublicationDueOn,
  isNoticeOverdue,
  noticeCadence,
  noticeDueInstants,
  noticeDueOn,
  periodEndOn,
} from './notices.ts';

const FEW = { manyFinanceTransactions: false };
const MANY = { manyFinanceTransactions: true };

describe('the cadence of 村委会组织法 art. 30', () => {
  it('ordinary items quarterly, finances monthly only with many transactions, major matters at once', () => {
    expect(noticeCadence('party', MANY)).toEqual({ kind: 'quarter' });
    expect(noticeCadence('village', MANY)).toEqual({ kind: 'quarter' });
    expect(noticeCadence('finance', FEW)).toEqual({ kind: 'quarter' });
    expect(noticeCadence('finance', MANY)).toEqual({ kind: 'month' });
    expect(noticeCadence('resolution', FEW)).toEqual({ kind: 'at_once', days: 5 });
    expect(noticeCadence('result', MANY)).toEqual({ kind: 'at_once', days: 5 });
  });
});

describe('period ends on exact dates', () => {
  // [date, unit, periods ahead, last day] — written out by hand from the calendar.
  const TABLE: [string, 'month' | 'quarter', number, string][] = [
    ['2026-01-01', 'quarter', 0, '2026-03-31'],
    ['2026-03-31', 'quarter', 0, '2026-03-31'],
    ['2026-04-01', 'quarter', 0, '2026-06-30'],
    ['2026-08-15', 'quarter', 0, '2026-09-30'],
    ['2026-12-31', 'quarter', 0, '2026-12-31'],
    ['2026-11-20', 'quarter', 1, '2027-03-31'],
    ['2026-02-10', 'quarter', 1, '2026-06-30'],
    ['2026-01-31', 'month', 1, '2026-02-28'],
    ['2028-01-15', 'month', 1, '2028-02-29'], // leap February
    ['2100-01-15', 'month', 1, '2100-02-28'], // a century that is not a leap year
    ['2000-01-15', 'month', 1, '2000-02-29'], // one that is
    ['2026-12-05', 'month', 1, '2027-01-31'],
    ['2026-04-30', 'month', 0, '2026-04-30'],
    ['2026-09-01', 'month', 0, '2026-09-30'],
  ];
  it.each(TABLE)('%s, %s + %i → %s', (date, unit, ahead, end) => {
    expect(periodEndOn(date, unit, ahead)).toBe(end);
  });
});

describe('the next due date of each category from the last publication', () => {
  // [category, settings, last published, today, due]
  const TABLE: [Parameters<typeof noticeDueOn>[0], typeof FEW, string | null, string, string | null][] = [
    ['village', FEW, '2026-02-10', '2026-05-01', '2026-06-30'],
    ['village', FEW, '2026-03-31', '2026-04-01', '2026-06-30'],
    ['party', FEW, '2026-10-01', '2026-10-02', '2027-03-31'],
    ['party', FEW, null, '2026-05-20', '2026-06-30'], // never published: by the end of this quarter
    ['finance', FEW, '2026-01-31', '2026-02-01', '2026-06-30'],
    ['finance', MANY, '2026-01-31', '2026-02-01', '2026-02-28'],
    ['finance', MANY, '2028-01-05', '2028-01-06', '2028-02-29'],
    ['finance', MANY, '2026-12-31', '2027-01-01', '2027-01-31'],
    ['finance', MANY, null, '2026-02-14', '2026-02-28'],
    ['resolution', MANY, '2026-02-10', '2026-05-01', null],
    ['result', FEW, null, '2026-05-01', null],
  ];
  it.each(TABLE)('%s %o last %s today %s → %s', (category, settings, last, today, due) => {
    expect(noticeDueOn(category, last, today, settings)).toBe(due);
  });

  it('a major matter is due five days after the decision', () => {
    expect(decisionPublicationDueOn('2026-02-26')).toBe('2026-03-03');
    expect(decisionPublicationDueOn('2028-02-26')).toBe('2028-03-02');
  });
});

describe('overdue, once', () => {
  it('is overdue from the day after the due date', () => {
    expect(isNoticeOverdue('2026-06-30', '2026-06-29')).toBe(false);
    expect(isNoticeOverdue('2026-06-30', '2026-06-30')).toBe(false);
    expect(isNoticeOverdue('2026-06-30', '2026-07-01')).toBe(true);
  });

  it("the clock's instants in Beijing time agree with it and light yellow before", () => {
    const clock = noticeDueInstants('2026-06-30', 'quarter', 480);
    expect(clock).toEqual({
      warnAt: new Date('2026-06-14T16:00:00.000Z'), // 00:00 Beijing of 06-15
      deadline: new Date('2026-06-30T16:00:00.000Z'), // 24:00 Beijing of 06-30
    });
    const AT: [string, string][] = [
      ['2026-06-14T15:59:59.999Z', 'green'],
      ['2026-06-14T16:00:00.000Z', 'yellow'],
      ['2026-06-30T15:59:59.999Z', 'yellow'], // 23:59:59 of the due date
      ['2026-06-30T16:00:00.001Z', 'red'], // just past 24:00 Beijing: 07-01, overdue
    ];
    for (const [at, light] of AT) expect([at, lightAt(clock, new Date(at))]).toEqual([at, light]);
    expect(noticeDueInstants('2026-02-28', 'month', 480).warnAt).toEqual(new Date('2026-02-22T16:00:00.000Z'));
  });
});
