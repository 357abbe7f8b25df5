import { type SQL, and, asc, count, eq, lt, not } from 'drizzle-orm';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PeopleDeps } from './residents.service.ts';
import { loadResident } from './residents.service.ts';
import { residents, specialPopulations, visits } from './people.table.ts';
import { visitsOfResident } from './people.repository.ts';
import { specialDuplicate, specialNotFound, visitInFuture } from './people.errors.ts';

type Kind = (typeof specialPopulations.$inferSelect)['kind'];
type Risk = (typeof specialPopulations.$inferSelect)['riskLevel'];

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = (deps: PeopleDeps) => deps.clock.now().toISOString().slice(0, 10);

function toView(
  deps: PeopleDeps,
  s: typeof specialPopulations.$inferSelect,
  r: { name: string; idMasked: string | null },
) {
  return {
    id: s.id,
    residentId: s.residentId,
    residentName: r.name,
    idMasked: r.idMasked,
    kind: s.kind,
    riskLevel: s.riskLevel,
    helperGroup: s.helperGroup,
    visitIntervalDays: s.visitIntervalDays,
    nextVisitDue: s.nextVisitDue,
    overdue: s.status === 'active' && s.nextVisitDue < today(deps),
    status: s.status,
  };
}

/** Special-population records in scope, most urgent visit first. Only roles with the permission see them. */
export async function listSpecial(
  deps: PeopleDeps,
  ctx: RequestContext,
  q: { kind?: Kind; riskLevel?: Risk; overdue?: boolean; page: number; pageSize: number },
) {
  const actor = authorize(ctx, 'special_population.read');
  const isOverdue = and(eq(specialPopulations.status, 'active'), lt(specialPopulations.nextVisitDue, today(deps)));
  const where = and(
    inScope(actor, specialPopulations.regionPath),
    q.kind ? eq(specialPopulations.kind, q.kind) : undefined,
    q.riskLevel ? eq(specialPopulations.riskLevel, q.riskLevel) : undefined,
    q.overdue === true ? isOverdue : q.overdue === false ? not(isOverdue as SQL) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ s: specialPopulations, name: residents.name, idMasked: residents.idMasked })
      .from(specialPopulations)
      .innerJoin(residents, eq(residents.id, specialPopulations.residentId))
      .where(where)
      .orderBy(asc(specialPopulations.nextVisitDue), asc(specialPopulations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db.select({ n: count() }).from(specialPopulations).where(where),
  ]);
  await recordAudit(deps.db, deps.clock, ctx, {
    action: 'special_population.list',
    detail: { filter: q, count: rows.length },
  });
  return {
    items: rows.map((x) => toView(deps, x.s, { name: x.name, idMasked: x.idMasked })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function createSpecial(
  deps: PeopleDeps,
  ctx: RequestContext,
  input: {
    residentId: string;
    kind: Kind;
    riskLevel: Risk;
    helperGroup: string[];
    visitIntervalDays: number;
    nextVisitDue?: string;
  },
) {
  const actor = authorize(ctx, 'special_population.manage');
  return deps.db.transaction(async (tx) => {
    const { r } = await loadResident(tx, actor, input.residentId);
    const [existing] = await tx
      .select({ id: specialPopulations.id })
      .from(specialPopulations)
      .where(
        and(
          eq(specialPopulations.residentId, r.id),
          eq(specialPopulations.kind, input.kind),
          eq(specialPopulations.status, 'active'),
        ),
      );
    if (existing) throw specialDuplicate();
    const [s] = await tx
      .insert(specialPopulations)
      .values({
        ...input,
        regionPath: r.regionPath,
        nextVisitDue: input.nextVisitDue ?? addDays(today(deps), input.visitIntervalDays),
      })
      .returning();
    const row = s as typeof specialPopulations.$inferSelect;
    await recordAudit(tx, deps.clock, ctx, {
      action: 'special_population.create',
      targetType: 'special_population',
      targetId: row.id,
      regionPath: r.regionPath,
      detail: { kind: row.kind, riskLevel: row.riskLevel },
    });
    return toView(deps, row, r);
  });
}

/** Records a visit (走访); for a special-population record it moves the next visit due date on. */
export async function recordVisit(
  deps: PeopleDeps,
  ctx: RequestContext,
  input: { residentId: string; specialPopulationId?: string; visitedAt?: string; note: string },
) {
  const actor = authorize(ctx, 'person.manage');
  const visitedAt = input.visitedAt ? new Date(input.visitedAt) : deps.clock.now();
  if (visitedAt > deps.clock.now()) throw visitInFuture();
  return deps.db.transaction(async (tx) => {
    const { r } = await loadResident(tx, actor, input.residentId);
    if (input.specialPopulationId) {
      authorize(ctx, 'special_population.manage');
      const [s] = await tx
        .select()
        .from(specialPopulations)
        .where(and(eq(specialPopulations.id, input.specialPopulationId), eq(specialPopulations.residentId, r.id)));
      if (!s) throw specialNotFound();
      await tx
        .update(specialPopulations)
        .set({ nextVisitDue: addDays(visitedAt.toISOString().slice(0, 10), s.visitIntervalDays) })
        .where(eq(specialPopulations.id, s.id));
    }
    const [v] = await tx
      .insert(visits)
      .values({
        residentId: r.id,
        specialPopulationId: input.specialPopulationId ?? null,
        regionPath: r.regionPath,
        visitorId: actor.id,
        visitedAt,
        note: input.note,
      })
      .returning();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'visit.create',
      targetType: 'resident',
      targetId: r.id,
      regionPath: r.regionPath,
    });
    return { id: (v as { id: string }).id, visitedAt: visitedAt.toISOString() };
  });
}

/**
 * A resident's visit records (走访). Visits are field work of the responsible grid workers and the
 * township centre: their notes describe the household's circumstances, and most are follow-ups of a
 * special-population record (社区矫正, 安置帮教, 吸毒, 严重精神障碍) — even an ordinary household
 * visit's note may name that status. So the whole list needs `special_population.read`, not
 * `person.read`: a mediator or anyone else who may look people up does not read their visit file.
 */
export async function listVisits(deps: PeopleDeps, ctx: RequestContext, residentId: string) {
  const actor = authorize(ctx, 'special_population.read');
  const { r } = await loadResident(deps.db, actor, residentId);
  const rows = await visitsOfResident(deps.db, r.id);
  return rows.map(({ v, visitorName }) => ({
    id: v.id,
    visitedAt: v.visitedAt.toISOString(),
    note: v.note,
    visitorId: v.visitorId,
    visitorName: visitorName ?? null,
    specialPopulationId: v.specialPopulationId,
  }));
}
