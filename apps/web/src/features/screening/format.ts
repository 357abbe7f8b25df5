import dayjs from 'dayjs';

/**
 * A report's due time as people say it: the last minute before it (a period ending on the 31st is due
 * "by 2026-12-31 23:59", not "2027-01-01 00:00", which is when the server's clock turns it late).
 */
export function dueText(dueAt: string): string {
  return dayjs(dueAt).subtract(1, 'minute').format('YYYY-MM-DD HH:mm');
}
