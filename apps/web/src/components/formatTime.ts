import dayjs from 'dayjs';

/** A moment as "2025-03-01 14:05" in local time, or "—" when there is none. */
export const formatTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
