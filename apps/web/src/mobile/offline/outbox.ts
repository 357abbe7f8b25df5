import type { AttachmentView, ReportResult } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { idbQueueStore, idbStore, withFallback } from './idbStore.ts';
import { OfflineQueue, type ReportBodyOut } from './offlineQueue.ts';
import { ActionQueue, type QueuedAction } from './actionQueue.ts';
import { postCaseAction } from '../../app/caseActions.ts';

const uploadPhoto = (blob: Blob) => api.upload<AttachmentView>('/api/attachments', blob);

/** The device's one outbox of reports, sending through the app's fetch wrapper (session cookie + CSRF token). */
export const outbox = new OfflineQueue(withFallback(idbQueueStore()), {
  uploadPhoto,
  submitReport: (body: ReportBodyOut) => api.post<ReportResult>('/api/cases', body),
});

/** The device's outbox of case actions (签收、处置、反馈、申请延期 …). */
export const actionOutbox = new ActionQueue(withFallback(idbStore<QueuedAction>('gewu-mobile-actions', 'outbox')), {
  uploadPhoto,
  act: (caseId, body) => postCaseAction(caseId, body),
});

/** How often queued reports and actions are retried while the app is open (besides the `online` event). */
export const RETRY_INTERVAL_MS = 30_000;
