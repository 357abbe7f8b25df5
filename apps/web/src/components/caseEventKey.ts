import type { CaseEventType } from '@gewu/domain';

/**
 * The i18n key of a case event's label: its type's, except a claim released by its clock (认领时限: an
 * `unclaim` without an actor, marked `expired`), which reads 认领超时自动退回, not 放弃认领.
 */
export function caseEventKey(e: {
  type: string;
  data?: Record<string, unknown> | null;
}): `cases.events.${CaseEventType}` {
  if (e.type === 'unclaim' && e.data?.expired === true)
    return 'cases.events.unclaim_expired' as `cases.events.${CaseEventType}`;
  return `cases.events.${e.type as CaseEventType}`;
}
