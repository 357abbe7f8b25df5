import { badRequest } from '../../platform/errors.ts';

/** The calendar module's errors: each code with its status and one Chinese message, thrown from here. */
export const calendarNoWorkingTime = () =>
  badRequest('calendar.no_working_time', '按当前工作日历无法计算该时限（无工作时间）');
export const calendarInvalid = (details: { path: string; message: string }[]) =>
  badRequest(
    'calendar.invalid',
    `工作日历不合法：${details.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('；')}`,
    details,
  );
export const calendarInvalidLimit = (details: { path: string; message: string }[]) =>
  badRequest('calendar.invalid_limit', details[0]?.message ?? '时限不合法', details);
