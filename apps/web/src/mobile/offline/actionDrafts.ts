import type { CaseAction } from '@gewu/domain';
import { idbStore, withFallback } from './idbStore.ts';

/**
 * What the user has typed and photographed for an action but not sent yet, kept on the device as
 * they go: a page reload, a crash or a dropped connection loses nothing. One draft per user, case
 * and action; an action the server refused comes back here to be corrected.
 */
export interface ActionDraft {
  id: string;
  note: string;
  /** request_extension: the deadline asked for (ISO). */
  until?: string;
  photos: Blob[];
  savedAt: string;
}

export const draftId = (userId: string, caseId: string, action: CaseAction) => `${userId}:${caseId}:${action}`;

export const actionDrafts = withFallback(idbStore<ActionDraft>('gewu-mobile-drafts', 'drafts'));
