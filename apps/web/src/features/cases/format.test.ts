import { describe, expect, it } from 'vitest';
import { countdown, formatDuration, formatRate, monthBounds, periodOf, reporterLine } from './format.ts';

const ZH = { day: '天', hour: '小时', minute: '分钟', space: '' };
const EN = { day: 'd', hour: 'h', minute: 'min', space: ' ' };
const now = Date.parse('2026-11-27T10:00:00Z');

describe('countdown', () => {
  it('is null without a (valid) deadline', () => {
    expect(countdown(null, now)).toBeNull();
    expect(countdown(undefined, now)).toBeNull();
    expect(countdown('not a date', now)).toBeNull();
  });

  it('splits the time left into days, hours and minutes', () => {
    expect(countdown('2026-11-29T13:25:40Z', now)).toEqual({ overdue: false, days: 2, hours: 3, minutes: 25 });
  });

  it('counts the time past an overdue deadline, rounding up to the minute', () => {
    expect(countdown('2026-11-27T08:59:30Z', now)).toEqual({ overdue: true, days: 0, hours: 1, minutes: 1 });
    expect(countdown('2026-11-27T09:59:30Z', now)).toEqual({ overdue: true, days: 0, hours: 0, minutes: 1 });
  });

  it('shows a deadline less than a minute away as 0 minutes left', () => {
    expect(countdown('2026-11-27T10:00:30Z', now)).toEqual({ overdue: false, days: 0, hours: 0, minutes: 0 });
  });
});

describe('formatDuration', () => {
  it('keeps the two largest parts', () => {
    expect(formatDuration({ days: 2, hours: 3, minutes: 25 }, ZH)).toBe('2天3小时');
    expect(formatDuration({ days: 0, hours: 3, minutes: 25 }, ZH)).toBe('3小时25分钟');
    expect(formatDuration({ days: 0, hours: 3, minutes: 25 }, EN)).toBe('3 h 25 min');
  });

  it('drops minutes once a day or more is left', () => {
    expect(formatDuration({ days: 1, hours: 0, minutes: 59 }, ZH)).toBe('1天');
  });

  it('shows zero minutes rather than nothing', () => {
    expect(formatDuration({ days: 0, hours: 0, minutes: 0 }, ZH)).toBe('0分钟');
    expect(formatDuration({ days: 0, hours: 2, minutes: 0 }, EN)).toBe('2 h');
  });
});

describe('formatRate', () => {
  it('shows 「—」 when nothing was due', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(undefined)).toBe('—');
  });

  it('is a percentage with at most one decimal', () => {
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(0.8765)).toBe('87.7%');
    expect(formatRate(0.5)).toBe('50%');
  });
});

describe('periods', () => {
  it('this month runs from its first day to the first of the next', () => {
    const [from, to] = monthBounds(new Date(2026, 11, 15, 13, 0));
    expect([from.getFullYear(), from.getMonth(), from.getDate()]).toEqual([2026, 11, 1]);
    expect([to.getFullYear(), to.getMonth(), to.getDate()]).toEqual([2027, 0, 1]);
  });

  it('a picked range includes its last day', () => {
    const p = periodOf(new Date(2026, 10, 1, 9), new Date(2026, 10, 30, 18));
    expect(new Date(p.from).getTime()).toBe(new Date(2026, 10, 1).getTime());
    expect(new Date(p.to).getTime()).toBe(new Date(2026, 11, 1).getTime());
  });
});

describe('reporterLine', () => {
  it('joins what is known', () => {
    expect(reporterLine('刘先生', '138****8000')).toBe('刘先生 138****8000');
    expect(reporterLine(null, '138****8000')).toBe('138****8000');
    expect(reporterLine(null, null)).toBeNull();
  });
});
