import type { AttachmentView, ReportResult } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { idbQueueStore, withFallback } from './idbStore.ts';
import { OfflineQueue, type ReportBodyOut } from './offlineQueue.ts';

/** The device's one outbox, sending through the app's fetch wrapper (session cookie + CSRF token). */
export const outbox = new OfflineQueue(withFallback(idbQueueStore()), {
  uploadPhoto: (blob) => api.upload<AttachmentView>('/api/attachments', blob),
  submitReport: (body: ReportBodyOut) => api.post<ReportResult>('/api/cases', body),
});

/** How often queued reports are retried while the app is open (besides the `online` event). */
export const RETRY_INTERVAL_MS = 30_000;
