import { CASE_STATE_LABELS, checkTransition } from '@gewu/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { can, requireActor } from '../../platform/access.ts';
import { registerLinkTarget } from '../../platform/links.ts';
import { caseRefused, visibleCase } from './cases.actions.ts';
import { caseFacts, relationsTo, visibleCases } from './cases.policy.ts';
import { type CaseRow, findCaseForUpdate } from './cases.repository.ts';
import { cases } from './cases.table.ts';

/*
 * A case at the other end of a link (a dispute it was turned into, or one that filed it), and the
 * case's side of 转矛盾纠纷, which the dispute registration drives (disputes.register.ts).
 */

/**
 * How a case shows on a dispute's detail: to those who may open it (a role that reads cases, and the
 * case in their sight by visibleCases), else as a bare link — a mediator who filed it included, whose
 * role does not open cases.
 */
registerLinkTarget('case', async (db, actor, id) => {
  if (!can(actor, 'case.read')) return null;
  const [row] = await db
    .select({ id: cases.id, code: cases.code, state: cases.state })
    .from(cases)
    .where(and(eq(cases.id, id), visibleCases(actor)));
  return row ? { ...row, stateLabel: CASE_STATE_LABELS[row.state] } : null;
});

/**
 * The case `actor` wants to turn into a dispute, checked by CASE_LIFE.convert_to_dispute before
 * anything is written (only the centre, before dispatch, with a reason). A case converted before
 * passes with the dispute it became, whatever its state now: converting twice gives that dispute.
 */
export async function caseToConvert(
  db: Db,
  ctx: RequestContext,
  caseId: string,
  note: string | undefined,
): Promise<{ row: CaseRow; convertedDisputeId: string | null }> {
  const actor = requireActor(ctx);
  const row = await visibleCase(db, ctx, caseId);
  if (row.convertedDisputeId) return { row, convertedDisputeId: row.convertedDisputeId };
  const refusal = checkTransition(caseFacts(row), 'convert_to_dispute', relationsTo(actor, row, []), { note });
  if (refusal) throw caseRefused(refusal);
  return { row, convertedDisputeId: null };
}

/** The case locked for its conversion, inside the registration's transaction (two conversions at once: one waits). */
export async function lockCaseForConversion(tx: Db, caseId: string): Promise<CaseRow | undefined> {
  return findCaseForUpdate(tx, caseId);
}
