import { describe, expect, it } from 'vitest';
import {
  addLimit,
  defaultWorkCalendar,
  isWorkingDay,
  localDateOf,
  nextWorkingMoment,
  timeLimitSchema,
  lightAt,
  warningAt,
  workCalendarSchema,
  workingMsBetween,
  type TimeLimit,
  type WorkCalendar,
} from './calendar.ts';
import { CHINA_HOLIDAY_YEARS, holidayOverrides } from './holidays.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const cal = defaultWorkCalendar();

/** Beijing wall time 'YYYY-MM-DD HH:MM' → instant; the explicit offset keeps the machine's zone out. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
/** Instant → Beijing wall time 'YYYY-MM-DD HH:MM'. */
const bj = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
const hours = (amount: number): TimeLimit => ({ amount, unit: 'work_hours' });
const workDays = (amount: number): TimeLimit => ({ amount, unit: 'work_days' });
const due = (start: string, limit: TimeLimit, c: WorkCalendar = cal) => bj(addLimit(at(start), limit, c));

/** Deterministic PRNG (mulberry32) so the property tests replay identically. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('work_hours deadlines (08:30–12:00, 14:00–17:30, Mon–Fri)', () => {
  it('stays within one working interval', () => {
    expect(due('2026-03-10 09:00', hours(2))).toBe('2026-03-10 11:00');
    expect(due('2026-03-10 14:00', hours(3.5))).toBe('2026-03-10 17:30');
  });
  it('skips the lunch break', () => {
    expect(due('2026-03-10 11:00', hours(2))).toBe('2026-03-10 15:00');
    expect(due('2026-03-10 11:45', hours(0.5))).toBe('2026-03-10 14:15');
  });
  it('carries over the end of the day: 17:00 + 2 h is 10:00 next morning (0.5 h + 1.5 h)', () => {
    expect(due('2026-03-10 17:00', hours(2))).toBe('2026-03-11 10:00');
    expect(due('2026-03-10 16:30', hours(7))).toBe('2026-03-11 16:30');
  });
  it('is due at the interval end when the limit fits exactly, not at the next start', () => {
    expect(due('2026-03-10 16:30', hours(1))).toBe('2026-03-10 17:30');
    expect(due('2026-03-10 11:00', hours(1))).toBe('2026-03-10 12:00');
    expect(due('2026-03-10 08:30', hours(7))).toBe('2026-03-10 17:30');
  });
  it('starts counting at the next working moment when started outside working time', () => {
    expect(due('2026-03-10 07:00', hours(1))).toBe('2026-03-10 09:30');
    expect(due('2026-03-10 12:00', hours(1))).toBe('2026-03-10 15:00');
    expect(due('2026-03-10 13:10', hours(0.25))).toBe('2026-03-10 14:15');
    expect(due('2026-03-10 17:30', hours(1))).toBe('2026-03-11 09:30');
    expect(due('2026-03-10 22:00', hours(1))).toBe('2026-03-11 09:30');
  });
  it('goes from Friday evening to Monday', () => {
    expect(due('2026-03-13 17:00', hours(1))).toBe('2026-03-16 09:00');
    expect(due('2026-03-13 18:00', hours(3))).toBe('2026-03-16 11:30');
    expect(due('2026-03-14 10:00', hours(4))).toBe('2026-03-16 14:30');
  });
  it('spans several days: 24 working hours from Monday 08:30 end Thursday 11:30', () => {
    expect(due('2026-03-09 08:30', hours(24))).toBe('2026-03-12 11:30');
  });
  it('skips 国庆 2026 (Oct 1–7) and works the 调休 Saturday Oct 10 and Sunday Sep 20', () => {
    expect(due('2026-09-30 17:00', hours(2))).toBe('2026-10-08 10:00');
    expect(due('2026-10-09 17:00', hours(2))).toBe('2026-10-10 10:00');
    expect(due('2026-10-10 17:00', hours(1))).toBe('2026-10-12 09:00');
    expect(due('2026-09-18 17:00', hours(1))).toBe('2026-09-20 09:00');
    expect(due('2026-09-19 10:00', hours(1))).toBe('2026-09-20 09:30');
    expect(due('2026-10-03 10:00', hours(1))).toBe('2026-10-08 09:30');
  });
  it('skips 中秋 2026 (Sep 25–27, Fri–Sun)', () => {
    expect(due('2026-09-24 17:00', hours(1))).toBe('2026-09-28 09:00');
  });
  it('skips 春节 2026 (Feb 15–23) and works Saturdays Feb 14 and Feb 28', () => {
    expect(due('2026-02-13 17:00', hours(1))).toBe('2026-02-14 09:00');
    expect(due('2026-02-14 17:00', hours(1))).toBe('2026-02-24 09:00');
    expect(due('2026-02-27 17:00', hours(1))).toBe('2026-02-28 09:00');
    expect(due('2026-02-28 17:30', hours(1))).toBe('2026-03-02 09:30');
  });
  it('works 2025 调休 days (Sunday Jan 26, Saturday Oct 11) and skips 国庆中秋 2025 (Oct 1–8)', () => {
    expect(due('2025-01-24 17:30', hours(1))).toBe('2025-01-26 09:30');
    expect(due('2025-09-30 17:00', hours(1))).toBe('2025-10-09 09:00');
    expect(due('2025-10-10 17:00', hours(1))).toBe('2025-10-11 09:00');
  });
});

describe('work_days deadlines: counting starts the next working day, due at its 17:30', () => {
  it('never counts the start day, whatever the hour', () => {
    expect(due('2026-03-10 10:00', workDays(1))).toBe('2026-03-11 17:30');
    expect(due('2026-03-10 07:00', workDays(1))).toBe('2026-03-11 17:30');
    expect(due('2026-03-10 23:59', workDays(1))).toBe('2026-03-11 17:30');
    expect(due('2026-03-09 09:00', workDays(5))).toBe('2026-03-16 17:30');
  });
  it('skips weekends; a weekend start counts from Monday', () => {
    expect(due('2026-03-13 16:00', workDays(1))).toBe('2026-03-16 17:30');
    expect(due('2026-03-14 10:00', workDays(1))).toBe('2026-03-16 17:30');
    expect(due('2026-03-15 10:00', workDays(2))).toBe('2026-03-17 17:30');
  });
  it('skips 国庆 2026 and counts the 调休 weekend days', () => {
    expect(due('2026-09-29 10:00', workDays(3))).toBe('2026-10-09 17:30');
    expect(due('2026-09-29 10:00', workDays(4))).toBe('2026-10-10 17:30');
    expect(due('2026-09-18 10:00', workDays(1))).toBe('2026-09-20 17:30');
    expect(due('2026-10-03 10:00', workDays(1))).toBe('2026-10-08 17:30');
  });
  it('skips 春节 2026 and counts Saturday Feb 14', () => {
    expect(due('2026-02-12 10:00', workDays(3))).toBe('2026-02-24 17:30');
  });
  it('skips 劳动节 and 元旦 2026', () => {
    expect(due('2026-04-30 10:00', workDays(1))).toBe('2026-05-06 17:30');
    expect(due('2026-05-08 10:00', workDays(1))).toBe('2026-05-09 17:30');
    expect(due('2025-12-31 10:00', workDays(1))).toBe('2026-01-04 17:30');
  });
  it('handles the longest limit (365 working days) without running away', () => {
    const deadline = addLimit(at('2026-01-05 09:00'), workDays(365), cal);
    expect(bj(deadline).slice(11)).toBe('17:30');
    expect(deadline.getTime() - at('2026-01-05 09:00').getTime()).toBeLessThan(600 * DAY);
  });
});

describe('natural_hours deadlines: around the clock (urgent hazards)', () => {
  it('counts night, weekend and holiday hours alike', () => {
    expect(due('2026-10-01 02:00', { amount: 2, unit: 'natural_hours' })).toBe('2026-10-01 04:00');
    expect(due('2026-03-13 23:30', { amount: 1.5, unit: 'natural_hours' })).toBe('2026-03-14 01:00');
  });
});

describe('natural_days deadlines: start + N × 24 h, no calendar', () => {
  it('adds whole days and keeps the time of day', () => {
    expect(due('2026-03-10 10:15', { amount: 3, unit: 'natural_days' })).toBe('2026-03-13 10:15');
  });
  it('does not move a deadline that lands on a holiday or weekend', () => {
    expect(due('2026-09-30 10:00', { amount: 3, unit: 'natural_days' })).toBe('2026-10-03 10:00');
    expect(due('2026-03-13 10:00', { amount: 1, unit: 'natural_days' })).toBe('2026-03-14 10:00');
  });
  it('is exactly N × 24 h even across a US DST change (the machine zone never matters)', () => {
    const start = at('2026-03-07 20:00');
    expect(addLimit(start, { amount: 2, unit: 'natural_days' }, cal).getTime() - start.getTime()).toBe(2 * DAY);
  });
});

describe('calendar queries', () => {
  it('knows working days, holidays and 调休 days', () => {
    expect(isWorkingDay('2026-03-10', cal)).toBe(true);
    expect(isWorkingDay('2026-03-14', cal)).toBe(false);
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-09-20', cal)).toBe(true);
    expect(isWorkingDay('2026-02-16', cal)).toBe(false);
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-02-28', cal)).toBe(true);
    expect(isWorkingDay('2026-01-04', cal)).toBe(true);
    expect(() => isWorkingDay('2026-02-30', cal)).toThrow(RangeError);
  });
  it('finds the next working moment', () => {
    expect(bj(nextWorkingMoment(at('2026-03-10 09:00'), cal))).toBe('2026-03-10 09:00');
    expect(bj(nextWorkingMoment(at('2026-03-10 08:30'), cal))).toBe('2026-03-10 08:30');
    expect(bj(nextWorkingMoment(at('2026-03-10 12:00'), cal))).toBe('2026-03-10 14:00');
    expect(bj(nextWorkingMoment(at('2026-03-10 17:30'), cal))).toBe('2026-03-11 08:30');
    expect(bj(nextWorkingMoment(at('2026-03-13 18:00'), cal))).toBe('2026-03-16 08:30');
    expect(bj(nextWorkingMoment(at('2026-09-30 18:00'), cal))).toBe('2026-10-08 08:30');
  });
  it('reads local dates in Beijing time, not UTC: 07:00 Beijing is the previous day in UTC', () => {
    expect(localDateOf(at('2026-03-10 07:00'), cal)).toBe('2026-03-10');
    expect(localDateOf(at('2026-03-10 23:59'), cal)).toBe('2026-03-10');
    expect(localDateOf(new Date('2026-03-09T16:00:00Z'), cal)).toBe('2026-03-10');
  });
  it('honours another offset and schedule', () => {
    const utc: WorkCalendar = {
      utcOffsetMinutes: 0,
      workingHours: [{ start: '00:00', end: '24:00' }],
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      holidays: [],
      adjustedWorkdays: [],
    };
    expect(addLimit(new Date('2026-03-14T23:00:00Z'), hours(2), utc).toISOString()).toBe('2026-03-16T01:00:00.000Z');
    expect(addLimit(new Date('2026-03-14T10:00:00Z'), workDays(1), utc).toISOString()).toBe('2026-03-17T00:00:00.000Z');
  });
});

describe('workingMsBetween', () => {
  it('measures working time only', () => {
    expect(workingMsBetween(at('2026-03-10 11:00'), at('2026-03-10 15:00'), cal)).toBe(2 * HOUR);
    expect(workingMsBetween(at('2026-03-13 17:00'), at('2026-03-16 09:00'), cal)).toBe(HOUR);
    expect(workingMsBetween(at('2026-09-30 08:30'), at('2026-10-08 17:30'), cal)).toBe(14 * HOUR);
    expect(workingMsBetween(at('2026-03-10 12:10'), at('2026-03-10 13:50'), cal)).toBe(0);
  });
  it('is 0 when b is not after a', () => {
    expect(workingMsBetween(at('2026-03-10 15:00'), at('2026-03-10 11:00'), cal)).toBe(0);
    expect(workingMsBetween(at('2026-03-10 11:00'), at('2026-03-10 11:00'), cal)).toBe(0);
  });
  it('counts 248 working days (× 7 h) in each of 2025, 2026 and 2027 (365 − 104 weekend days − 13 legal days)', () => {
    for (const year of [2025, 2026, 2027]) {
      expect(workingMsBetween(at(`${year}-01-01 00:00`), at(`${year + 1}-01-01 00:00`), cal)).toBe(248 * 7 * HOUR);
    }
  });
  it('agrees with a naive day-by-day sum over random spans (seeded)', () => {
    const random = prng(20260101);
    const base = at('2024-12-01 00:00').getTime();
    for (let i = 0; i < 200; i++) {
      const a = base + Math.floor(random() * 1100) * DAY + Math.floor(random() * 96) * 15 * 60_000;
      const b = a + Math.floor(random() * 400 * DAY);
      let naive = 0;
      for (let day = Math.floor((a + 8 * HOUR) / DAY); day * DAY - 8 * HOUR < b; day++) {
        const date = new Date(day * DAY).toISOString().slice(0, 10);
        if (!isWorkingDay(date, cal)) continue;
        for (const [s, e] of [
          [8.5, 12],
          [14, 17.5],
        ] as const) {
          const from = Math.max(a, day * DAY - 8 * HOUR + s * HOUR);
          const to = Math.min(b, day * DAY - 8 * HOUR + e * HOUR);
          naive += Math.max(0, to - from);
        }
      }
      expect(workingMsBetween(new Date(a), new Date(b), cal)).toBe(naive);
    }
  });
  it('undoes addLimit for a few hundred seeded random starts and limits', () => {
    const random = prng(42);
    const base = at('2025-01-01 00:00').getTime();
    for (let i = 0; i < 400; i++) {
      const start = new Date(base + Math.floor(random() * 1000 * DAY) + Math.floor(random() * 60) * 1000);
      const amount = Math.ceil(random() * 160) / 4; // 0.25 h … 40 h
      const deadline = addLimit(start, hours(amount), cal);
      expect(workingMsBetween(start, deadline, cal)).toBe(amount * HOUR);
      // The deadline closes working time: the millisecond before it is worked.
      expect(workingMsBetween(new Date(deadline.getTime() - 1), deadline, cal)).toBe(1);
      expect(addLimit(nextWorkingMoment(start, cal), hours(amount), cal).getTime()).toBe(deadline.getTime());
    }
  });
});

describe('the 80 % point and the lights (green < 80 % ≤ yellow ≤ deadline < red)', () => {
  // 10 working hours from Tuesday 08:30: 7 h on Tuesday, 3 h on Wednesday → due Wednesday 11:30.
  const start = at('2026-03-10 08:30');
  const deadline = addLimit(start, hours(10), cal);
  const warnAt = warningAt(start, deadline, 'work_hours', cal);
  const light = (now: Date) => lightAt({ warnAt, deadline }, now);

  it('sets up the window', () => expect(bj(deadline)).toBe('2026-03-11 11:30'));
  it('puts the 80 % point after 8 working hours: 7 on Tuesday, 1 on Wednesday', () =>
    expect(bj(warnAt)).toBe('2026-03-11 09:30'));
  it('is green before it, yellow from it through the deadline, red 1 ms past the deadline', () => {
    expect(light(at('2026-03-10 16:00'))).toBe('green');
    expect(light(at('2026-03-11 09:24'))).toBe('green'); // 7.9 h = 79 %
    expect(light(new Date(at('2026-03-11 09:30').getTime() - 1))).toBe('green');
    expect(light(at('2026-03-11 09:30'))).toBe('yellow'); // 8 h = 80 %
    expect(light(at('2026-03-11 11:30'))).toBe('yellow'); // 100 %, now == deadline
    expect(light(new Date(at('2026-03-11 11:30').getTime() + 1))).toBe('red');
  });
  it('turns red by the clock even when no working time has passed since the deadline', () => {
    const eod = addLimit(start, hours(7), cal);
    expect(bj(eod)).toBe('2026-03-10 17:30');
    const eodWarn = warningAt(start, eod, 'work_hours', cal);
    expect(bj(eodWarn)).toBe('2026-03-10 16:06'); // 5.6 h: 3.5 in the morning, 2.1 from 14:00
    expect(lightAt({ warnAt: eodWarn, deadline: eod }, at('2026-03-10 18:00'))).toBe('red');
  });
  it('uses wall time for natural days: nights and holidays count', () => {
    const s = at('2026-09-28 10:00');
    const d = addLimit(s, { amount: 10, unit: 'natural_days' }, cal);
    const w = warningAt(s, d, 'natural_days', cal);
    expect(bj(w)).toBe('2026-10-06 10:00');
    const nat = (ms: number) => lightAt({ warnAt: w, deadline: d }, new Date(s.getTime() + ms));
    expect(nat(7.9 * DAY)).toBe('green');
    expect(nat(8 * DAY)).toBe('yellow');
    expect(nat(10 * DAY)).toBe('yellow');
    expect(nat(10 * DAY + 1)).toBe('red');
  });
  it('uses working time for work_days, so a holiday week barely moves the light', () => {
    const s = at('2026-09-29 17:30');
    const d = addLimit(s, workDays(3), cal); // Sep 30, Oct 8, Oct 9 → due Oct 9 17:30
    expect(bj(d)).toBe('2026-10-09 17:30');
    // 21 working hours; 80 % = 16.8 h: 7 on Sep 30, 7 on Oct 8, 2.8 from 08:30 on Oct 9.
    const w = warningAt(s, d, 'work_days', cal);
    expect(bj(w)).toBe('2026-10-09 11:18');
    expect(lightAt({ warnAt: w, deadline: d }, at('2026-10-07 23:00'))).toBe('green');
    expect(lightAt({ warnAt: w, deadline: d }, at('2026-10-09 12:00'))).toBe('yellow');
  });
});

describe('schemas', () => {
  const valid = () => defaultWorkCalendar();
  const issues = (c: unknown) => workCalendarSchema.safeParse(c).error?.issues.map((i) => i.message) ?? [];

  it('accepts the default calendar with its holiday data', () => {
    expect(workCalendarSchema.safeParse(valid()).success).toBe(true);
  });
  it('rejects bad dates', () => {
    for (const date of ['2026-02-29', '2026-13-01', '2026-1-5', '2026/01/05', '2026-04-31', '']) {
      const c = valid();
      c.holidays.push({ date, name: '测试' });
      expect(issues(c), date).toContain('日期应为有效的 YYYY-MM-DD');
    }
    const leap = valid();
    leap.holidays.push({ date: '2028-02-29', name: '测试' });
    expect(issues(leap)).toEqual([]);
  });
  it('rejects overlapping, unordered and empty intervals and bad times', () => {
    const withHours = (workingHours: { start: string; end: string }[]) => issues({ ...valid(), workingHours });
    expect(
      withHours([
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ]),
    ).toContain('工作时段应按时间先后排列且不能重叠');
    expect(
      withHours([
        { start: '14:00', end: '17:30' },
        { start: '08:30', end: '12:00' },
      ]),
    ).toContain('工作时段应按时间先后排列且不能重叠');
    expect(withHours([{ start: '12:00', end: '08:30' }])).toContain('结束时间应晚于开始时间');
    expect(withHours([{ start: '09:00', end: '09:00' }])).toContain('结束时间应晚于开始时间');
    expect(withHours([{ start: '8:30', end: '12:00' }])).toContain('时间应为 HH:MM（00:00–24:00）');
    expect(withHours([{ start: '08:30', end: '24:30' }])).toContain('时间应为 HH:MM（00:00–24:00）');
    expect(withHours([])).not.toEqual([]);
    expect(
      withHours([
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '24:00' },
      ]),
    ).toEqual([]);
  });
  it('rejects a date that is both holiday and 调休 day, duplicates, bad weekdays and offsets', () => {
    const both = valid();
    both.adjustedWorkdays.push({ date: '2026-10-01', name: '测试' });
    expect(issues(both)).toContain('2026-10-01 不能既是节假日又是调休上班日');
    const dup = valid();
    dup.holidays.push({ date: '2026-10-01', name: '国庆节' });
    expect(issues(dup)).toContain('日期 2026-10-01 重复');
    expect(issues({ ...valid(), workingWeekdays: [1, 1, 2] })).toContain('工作日不能重复');
    expect(issues({ ...valid(), workingWeekdays: [0, 1] })).not.toEqual([]);
    expect(issues({ ...valid(), workingWeekdays: [] })).not.toEqual([]);
    expect(issues({ ...valid(), utcOffsetMinutes: 480.5 })).not.toEqual([]);
    expect(issues({ ...valid(), holidays: [{ date: '2026-10-01', name: ' ' }] })).not.toEqual([]);
  });
  it('makes addLimit refuse an invalid calendar', () => {
    expect(() => addLimit(at('2026-03-10 09:00'), hours(1), { ...valid(), workingHours: [] })).toThrow();
  });
  it('accepts fractional hours and whole days within a year', () => {
    expect(timeLimitSchema.safeParse({ amount: 0.5, unit: 'work_hours' }).success).toBe(true);
    expect(timeLimitSchema.safeParse({ amount: 365, unit: 'work_days' }).success).toBe(true);
    expect(timeLimitSchema.safeParse({ amount: 365, unit: 'natural_days' }).success).toBe(true);
    for (const bad of [
      { amount: 0, unit: 'work_hours' },
      { amount: -1, unit: 'work_hours' },
      { amount: 3000, unit: 'work_hours' },
      { amount: 1.5, unit: 'work_days' },
      { amount: 366, unit: 'natural_days' },
      { amount: Infinity, unit: 'work_hours' },
      { amount: 1, unit: 'weeks' },
    ]) {
      expect(timeLimitSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it('makes addLimit throw RangeError on a bad limit or date', () => {
    expect(() => addLimit(at('2026-03-10 09:00'), hours(0), cal)).toThrow(RangeError);
    expect(() => addLimit(at('2026-03-10 09:00'), workDays(0.5), cal)).toThrow(RangeError);
    expect(() => addLimit(new Date(NaN), hours(1), cal)).toThrow(RangeError);
  });
});

describe('holiday data', () => {
  const { holidays, adjustedWorkdays } = holidayOverrides();
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

  it('puts every 调休上班日 on a Saturday or Sunday', () => {
    for (const { date } of adjustedWorkdays) expect([0, 6], date).toContain(weekday(date));
  });
  it('names every entry in Chinese', () => {
    for (const { name, date } of [...holidays, ...adjustedWorkdays]) expect(name, date).toMatch(/[\u4e00-\u9fff]/);
  });
  it('has the 2026 notice exactly', () => {
    const in2026 = (list: { date: string }[]) => list.filter((e) => e.date.startsWith('2026')).map((e) => e.date);
    expect(in2026(adjustedWorkdays)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(in2026(holidays)).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(holidays.find((h) => h.date === '2026-02-15')?.name).toBe('春节');
  });
  it('marks 2027 as provisional and the published years as not', () => {
    expect(CHINA_HOLIDAY_YEARS.map((y) => [y.year, y.provisional])).toEqual([
      [2025, false],
      [2026, false],
      [2027, true],
    ]);
  });
});
