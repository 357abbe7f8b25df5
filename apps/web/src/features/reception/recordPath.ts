import type { ReceptionTrack } from '@gewu/domain';

/** The page of the record a visit opened (a case, a dispute, a petition); advice and referral have none. */
export function recordPath(track: ReceptionTrack, recordId: string | null): string | null {
  if (!recordId) return null;
  if (track === 'case') return `/cases/${recordId}`;
  if (track === 'dispute') return `/disputes/${recordId}`;
  if (track === 'petition') return `/petitions/${recordId}`;
  return null;
}
