import { type VisitCaseBody, reportBodySchema } from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { type IntakeDeps, reportCase } from '../cases/cases.intake.ts';
import { findCase } from '../cases/cases.repository.ts';
import { linkVisit, visitInScope } from './visits.repository.ts';
import { visitNoFindings, visitNotFound } from './visits.errors.ts';

/**
 * A visit's finding becomes a case in one call (问题发现): filed through the cases module's own report
 * (the reporter's checks, routing, clocks and notices all apply) with the visit's photos when the
 * visitor files it, and linked back. Idempotent: the idempotency key is the visit's, so a retry — or a
 * second tap — gets the same case and the same link.
 */
export async function visitToCase(deps: IntakeDeps, ctx: RequestContext, visitId: string, body: VisitCaseBody) {
  const actor = authorize(ctx, 'case.report');
  const v = await visitInScope(deps.db, actor, visitId);
  if (!v) throw visitNotFound();
  // Linked already (by anyone): the same case, never a second one from another reporter.
  const linked = v.caseId ? await findCase(deps.db, v.caseId) : undefined;
  if (linked) return { visitId: v.id, caseId: linked.id, code: linked.code };
  const description = body.description ?? v.findings;
  if (!description || description.trim().length < 5) throw visitNoFindings();
  const report = reportBodySchema.parse({
    itemCode: body.itemCode,
    description,
    location: body.location,
    address: body.address,
    attachmentIds: v.visitorId === actor.id ? v.photoIds : [],
    idempotencyKey: `visit:${v.id}`,
  });
  const { case: c, created } = await reportCase(deps, { kind: 'user', ctx }, report);
  await deps.db.transaction(async (tx) => {
    const locked = await visitInScope(tx, actor, v.id, true);
    if (locked && !locked.caseId) await linkVisit(tx, v.id, { caseId: c.id });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'visit.case',
      targetType: 'visit',
      targetId: v.id,
      regionPath: v.regionPath,
      detail: { caseId: c.id, created },
    });
  });
  return { visitId: v.id, caseId: c.id, code: c.code };
}
