import { type VisitCaseBody, type VisitDisputeBody, pathAtLevel, reportBodySchema } from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { type IntakeDeps, reportCase } from '../cases/cases.intake.ts';
import { findCase } from '../cases/cases.repository.ts';
import { registerDispute } from '../disputes/disputes.register.ts';
import { findDispute } from '../disputes/disputes.repository.ts';
import { findRegionByCode } from '../regions/regions.repository.ts';
import { linkVisit, visitInScope } from './visits.repository.ts';
import { visitNoFindings, visitNotFound } from './visits.errors.ts';

/**
 * A visit's finding becomes a case in one call (问题发现): filed through the cases module's own report
 * (the reporter's checks, routing, clocks and notices all apply) with the visit's photos (whoever
 * files it), and linked back. Idempotent: the idempotency key is the visit's, so a retry — or a
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
    attachmentIds: v.photoIds,
    idempotencyKey: `visit:${v.id}`,
  });
  // The visit already links its photos: they go with the case whoever files it (a colleague's visit too).
  const { case: c, created } = await reportCase(deps, { kind: 'user', ctx }, report, { keptAttachmentIds: v.photoIds });
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

/**
 * A visit's finding becomes a dispute (矛盾纠纷) in one call: registered by the centre through the
 * disputes module's own registration (source 排查, at the visit's village), linked back in the same
 * transaction — both or neither. The visit's row is locked first, so a second call waits and gets the
 * dispute the first one registered.
 */
export async function visitToDispute(deps: IntakeDeps, ctx: RequestContext, visitId: string, body: VisitDisputeBody) {
  const actor = authorize(ctx, 'dispute.centre');
  return deps.db.transaction(async (tx) => {
    const v = await visitInScope(tx, actor, visitId, true);
    if (!v) throw visitNotFound();
    const linked = v.disputeId ? await findDispute(tx, v.disputeId) : undefined;
    if (linked) return { visitId: v.id, disputeId: linked.id, code: linked.code };
    const summary = body.summary ?? v.findings;
    if (!summary || summary.trim().length < 2) throw visitNoFindings();
    const code = /\/(\d+)\/$/.exec(pathAtLevel(v.regionPath, 'village') ?? v.regionPath)?.[1] ?? '';
    const village = await findRegionByCode(tx, code);
    const { row } = await registerDispute({ ...deps, db: tx }, ctx, {
      ...body,
      summary,
      regionId: village?.id,
      source: 'grid_screening',
    });
    await linkVisit(tx, v.id, { disputeId: row.id });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'visit.dispute',
      targetType: 'visit',
      targetId: v.id,
      regionPath: v.regionPath,
      detail: { disputeId: row.id },
    });
    return { visitId: v.id, disputeId: row.id, code: row.code };
  });
}
