import type { CaseAction, CaseDetail } from '@gewu/domain';
import { api } from './api.ts';

/**
 * 市民认领's confirmation and send-back are case actions taken through the claims route (the domain's
 * CASE_ACTIONS_ELSEWHERE): it records the volunteer's claim-handled count beside the case's event.
 */
const CLAIM_DECISIONS: Partial<Record<CaseAction, boolean>> = { claim_confirm: true, claim_reopen: false };

/**
 * Posts a case action where it belongs — POST /api/cases/:id/actions, or the claims route for a claim's
 * decision — and answers with the case as it now stands, the same either way for the screens.
 */
export async function postCaseAction<
  B extends { action: CaseAction; version: number; note?: string; idempotencyKey?: string },
>(id: string, body: B): Promise<CaseDetail> {
  const confirm = CLAIM_DECISIONS[body.action];
  if (confirm === undefined) return api.post<CaseDetail>(`/api/cases/${id}/actions`, body);
  await api.post(`/api/forces/claims/${id}/decide`, {
    version: body.version,
    confirm,
    ...(body.note ? { note: body.note } : {}),
    idempotencyKey: body.idempotencyKey ?? crypto.randomUUID(),
  });
  return api.get<CaseDetail>(`/api/cases/${id}`);
}
