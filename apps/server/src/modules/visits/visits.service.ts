import { sql } from 'drizzle-orm';
import {
  type FieldVisitQuery,
  type VisitInput,
  type VisitKind,
  chinaDayOf,
  nextVisitDue,
  visitTiming,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, can } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { loadResident } from '../people/residents.service.ts';
import { isResponsible, movePlan, planForVisit, responsibleSql } from '../people/special.repository.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { personNotFound } from '../people/people.errors.ts';
import {
  type VisitRow,
  insertVisit,
  laterVisitOfPlan,
  placeInScope,
  visitByClientId,
  visitsOfResident,
  visitsPage,
  visitWithPhoto,
} from './visits.repository.ts';
import { visits } from './visits.table.ts';
import {
  specialNotFound,
  visitInFuture,
  visitReasonRequired,
  visitTargetNotFound,
  visitTargetRequired,
} from './visits.errors.ts';

export type VisitsDeps = {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number };
};
type Input = Omit<VisitInput, 'photoIds'> & { photoIds: string[] };
type Where = { regionPath: string; gridId: string | null; residentId: string | null };

const recorded = (v: VisitRow, nextDue: string | null) => ({
  id: v.id,
  visitedAt: v.visitedAt.toISOString(),
  counted: v.counted,
  nextVisitDue: nextDue,
});

function kindOf(input: Input): VisitKind {
  if (input.kind) return input.kind;
  if (input.specialPopulationId) return 'special_population';
  return input.organisationId && !input.residentId ? 'business' : 'household';
}

/** Where the visit took place: the resident's, else the house's, else the organisation's place — each in scope (else 404). */
async function placeOfVisit(db: Db, actor: Actor, kind: VisitKind, input: Input): Promise<Where> {
  if (kind === 'special_population' && (!input.specialPopulationId || !input.residentId))
    throw visitTargetRequired('特殊人群走访须选择人员及其在管记录', 'specialPopulationId');
  if (kind === 'business' && !input.organisationId)
    throw visitTargetRequired('企业走访须选择组织或企业', 'organisationId');
  if (!input.residentId && !input.houseId && !input.organisationId)
    throw visitTargetRequired('请选择走访的人员、房屋或组织', 'residentId');
  const found: Where[] = [];
  if (input.residentId) {
    const { r } = await loadResident(db, actor, input.residentId);
    found.push({ regionPath: r.regionPath, gridId: r.gridId, residentId: r.id });
  }
  for (const what of ['house', 'organisation'] as const) {
    const id = what === 'house' ? input.houseId : input.organisationId;
    if (!id) continue;
    const p = await placeInScope(db, actor, what, id);
    if (!p) throw visitTargetNotFound(what);
    found.push({ regionPath: p.regionPath, gridId: p.gridId, residentId: null });
  }
  return found[0] as Where;
}

/**
 * Records a visit (走访) to a household, a business or a special-population person. Idempotent by the
 * client id: a retry returns the visit already made. A special-population visit is for the grid workers
 * responsible for the person's grid and the centre only; it counts against the plan's due day
 * (`visitTiming`: recorded once overdue needs a reason and counts late) and, as the latest visit, moves
 * the plan's next due day and its clock on. Nothing is stored when any check fails.
 */
export async function recordVisit(deps: VisitsDeps, ctx: RequestContext, input: Input) {
  const actor = authorize(ctx, 'person.manage');
  if (input.clientId) {
    const again = await visitByClientId(deps.db, actor.id, input.clientId);
    if (again) return recorded(again, null);
  }
  const now = deps.clock.now();
  const visitedAt = input.visitedAt ? new Date(input.visitedAt) : now;
  if (visitedAt > now) throw visitInFuture();
  const kind = kindOf(input);
  await checkAttachmentsOwned(deps, input.photoIds, { userId: actor.id }, 'photoIds');
  return deps.db.transaction(async (tx) => {
    const where = await placeOfVisit(tx, actor, kind, input);
    let plan: { dueOn: string; counted: 'on_time' | 'late'; nextDue: string | null } | null = null;
    if (kind === 'special_population') {
      authorize(ctx, 'special_population.manage');
      if (!(await isResponsible(tx, actor, where.gridId))) throw personNotFound();
      const s = await planForVisit(tx, input.specialPopulationId as string, where.residentId as string);
      if (!s || s.status !== 'active') throw specialNotFound();
      const timing = visitTiming(s.nextVisitDue, visitedAt, now);
      if ('problem' in timing) throw visitInFuture();
      if (timing.reasonRequired && !input.lateReason) throw visitReasonRequired();
      const latest = !(await laterVisitOfPlan(tx, s.id, visitedAt));
      const nextDue = latest ? nextVisitDue(chinaDayOf(visitedAt), s.visitIntervalDays) : null;
      if (nextDue) await movePlan(tx, s, nextDue);
      plan = { dueOn: s.nextVisitDue, counted: timing.counted, nextDue };
    }
    const v = await insertVisit(tx, {
      clientId: input.clientId ?? null,
      kind,
      residentId: where.residentId,
      houseId: input.houseId ?? null,
      organisationId: input.organisationId ?? null,
      specialPopulationId: kind === 'special_population' ? (input.specialPopulationId ?? null) : null,
      regionPath: where.regionPath,
      gridId: where.gridId,
      visitorId: actor.id,
      visitedAt,
      recordedAt: now,
      purpose: input.purpose ?? null,
      note: input.note,
      findings: input.findings ?? null,
      photoIds: input.photoIds,
      dueOn: plan?.dueOn ?? null,
      counted: plan?.counted ?? null,
      lateReason: plan?.counted === 'late' ? (input.lateReason ?? null) : null,
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'visit.create',
      targetType: 'visit',
      targetId: v.id,
      regionPath: where.regionPath,
      detail: { kind, counted: plan?.counted ?? null },
    });
    return recorded(v, plan?.nextDue ?? null);
  });
}

/**
 * A resident's visit records (走访). Visits are field work of the responsible grid workers and the
 * township centre: their notes describe the household's circumstances, and most are follow-ups of a
 * special-population record (社区矫正, 安置帮教, 吸毒, 严重精神障碍) — even an ordinary household
 * visit's note may name that status. So the whole list needs `special_population.read`, not
 * `person.read`, and a grid worker responsible for the person's grid.
 */
export async function listVisits(deps: VisitsDeps, ctx: RequestContext, residentId: string) {
  const actor = authorize(ctx, 'special_population.read');
  const { r } = await loadResident(deps.db, actor, residentId);
  if (!(await isResponsible(deps.db, actor, r.gridId))) throw personNotFound();
  const rows = await visitsOfResident(deps.db, r.id);
  return rows.map(({ v, visitorName }) => visitView(v, visitorName));
}

/** A visit as its readers see it (its visitor named; null when the account is gone). */
function visitView(v: VisitRow, visitorName: string | null) {
  return {
    id: v.id,
    kind: v.kind,
    visitedAt: v.visitedAt.toISOString(),
    purpose: v.purpose,
    note: v.note,
    findings: v.findings,
    photoIds: v.photoIds,
    visitorId: v.visitorId,
    visitorName: visitorName ?? null,
    specialPopulationId: v.specialPopulationId,
    counted: v.counted,
    lateReason: v.lateReason,
    caseId: v.caseId,
    disputeId: v.disputeId,
  };
}

/**
 * The area's visits of every kind (走访台账), newest first: the township centre's whole region, a grid
 * worker the grids they answer for — the same readers as a resident's visits (`listVisits`), and why.
 */
export async function listAreaVisits(deps: VisitsDeps, ctx: RequestContext, q: FieldVisitQuery) {
  const actor = authorize(ctx, 'special_population.read');
  const { rows, total } = await visitsPage(deps.db, actor, responsibleSql(actor, sql`${visits.gridId}`), q);
  await recordAudit(deps.db, deps.clock, ctx, { action: 'visit.list', detail: { filter: q, count: rows.length } });
  return {
    items: rows.map(({ v, visitorName, residentName, houseAddress, organisationName }) => ({
      ...visitView(v, visitorName),
      residentId: v.residentId,
      residentName: residentName ?? null,
      houseId: v.houseId,
      houseAddress: houseAddress ?? null,
      organisationId: v.organisationId,
      organisationName: organisationName ?? null,
      gridId: v.gridId,
    })),
    total,
  };
}

/** A visit's photo is seen by whoever reads the visit (`listAreaVisits`' readers), besides its uploader. */
export async function seesVisitWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  return (
    can(actor, 'special_population.read') &&
    visitWithPhoto(db, actor, responsibleSql(actor, sql`${visits.gridId}`), attachmentId)
  );
}
