import { describe, expect, it } from 'vitest';
import { defaultWorkCalendar } from '@gewu/domain';
import {
  errorsFromDetails,
  fromDraft,
  localProblems,
  marksByDate,
  newDatedRow,
  toDraft,
  yearsOf,
} from './calendarDraft.ts';

describe('calendar draft', () => {
  it('round-trips the built-in calendar', () => {
    const cal = defaultWorkCalendar();
    const { calendar } = fromDraft(toDraft(cal));
    expect(calendar.workingHours).toEqual(cal.workingHours);
    expect(calendar.workingWeekdays).toEqual(cal.workingWeekdays);
    expect(new Set(calendar.holidays.map((h) => h.date))).toEqual(new Set(cal.holidays.map((h) => h.date)));
    expect(calendar.adjustedWorkdays).toHaveLength(cal.adjustedWorkdays.length);
  });

  it('sends dates in order and maps server indexes back to the rows', () => {
    const draft = toDraft({
      ...defaultWorkCalendar(),
      holidays: [{ date: '2026-10-01', name: '国庆节' }],
      adjustedWorkdays: [],
    });
    const added = newDatedRow(2026, '2026-01-01', ' 元旦 ');
    draft.holidays.push(added);
    const { calendar, sent } = fromDraft(draft);
    expect(calendar.holidays).toEqual([
      { date: '2026-01-01', name: '元旦' },
      { date: '2026-10-01', name: '国庆节' },
    ]);
    const { fields, general } = errorsFromDetails(
      [
        { path: 'holidays.0.date', message: '日期 2026-01-01 重复' },
        { path: 'workingHours.1', message: '工作时段应按时间先后排列且不能重叠' },
        { path: 'workingWeekdays', message: '工作日不能重复' },
        { path: 'utcOffsetMinutes', message: '过短或过小' },
      ],
      sent,
    );
    expect(fields[`${added.key}.date`]).toBe('日期 2026-01-01 重复');
    expect(fields[`${draft.workingHours[1]?.key}.start`]).toContain('不能重叠');
    expect(fields.workingWeekdays).toBe('工作日不能重复');
    expect(general).toEqual(['utcOffsetMinutes 过短或过小']);
  });

  it('flags empty cells and bad times before asking the server', () => {
    const draft = toDraft(defaultWorkCalendar());
    const blank = newDatedRow(2027);
    draft.adjustedWorkdays.push(blank);
    const first = draft.workingHours[0];
    if (first) first.end = '25:00';
    const problems = localProblems(draft);
    expect(problems[`${blank.key}.date`]).toBe('required');
    expect(problems[`${blank.key}.name`]).toBe('required');
    expect(problems[`${first?.key}.end`]).toBe('timeFormat');
    blank.date = '2028-01-01';
    expect(localProblems(draft)[`${blank.key}.date`]).toBe('wrongYear');
    expect(yearsOf(draft, [2030])).toContain(2030);
    expect(yearsOf(draft)).toContain(2027);
  });

  it('marks holidays and adjusted working days by date', () => {
    const marks = marksByDate(toDraft(defaultWorkCalendar()));
    expect(marks.get('2025-10-01')?.list).toBe('holidays');
    expect(marks.get('2025-09-28')?.list).toBe('adjustedWorkdays');
  });
});
