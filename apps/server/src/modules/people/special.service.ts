import { type SQL, and, asc, count, eq, not } from 'drizzle-orm';
import { chinaDayOf, isVisitOverdue, nextVisitDue } from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { lightReachedSql, scheduleDeadlines } from '../../platform/clocks/index.ts';
import type { PeopleDeps } from './residents.service.ts';
import { loadResident } from './residents.service.ts';
import { residents, specialPopulations } from './people.table.ts';
import { isResponsible, responsibleSql } from './special.repository.ts';
import { planClock, planLights, visitPlanClock } from './special.clocks.ts';
import { intervalsAt } from './special.intervals.ts';
import { personNotFound, specialDuplicate } from './people.errors.ts';

type Kind = (typeof specialPopulations.$inferSelect)['kind'];
type Risk = (typeof specialPopulations.$inferSelect)['riskLevel'];

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
    // The one definition of overdue (visit-plans.ts), as the plan list, the figures and the alerts.
    overdue: s.status === 'active' && isVisitOverdue(s.nextVisitDue, deps.clock.now()),
    status: s.status,
  };
}

/**
 * Special-population records in scope, most urgent visit first. Only roles with the permission see them,
 * and a grid worker only the people of the grids they are responsible for (`responsibleSql`).
 */
export async function listSpecial(
  deps: PeopleDeps,
  ctx: RequestContext,
  q: { kind?: Kind; riskLevel?: Risk; overdue?: boolean; page: number; pageSize: number },
) {
  const actor = authorize(ctx, 'special_population.read');
  const isOverdue = and(
    eq(specialPopulations.status, 'active'),
    lightReachedSql('red', specialPopulations.visitDeadline, deps.clock.now()),
  );
  const where = and(
    inScope(actor, specialPopulations.regionPath),
    responsibleSql(actor, residents.gridId),
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
    deps.db
      .select({ n: count() })
      .from(specialPopulations)
      .innerJoin(residents, eq(residents.id, specialPopulations.residentId))
      .where(where),
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

/**
 * Registers a special-population record with its visit plan: the interval from the county's rules for
 * the kind and risk unless given, the first visit due that interval after today (China time) unless
 * given, and the plan's clock on the engine.
 */
export async function createSpecial(
  deps: PeopleDeps,
  ctx: RequestContext,
  input: {
    residentId: string;
    kind: Kind;
    riskLevel: Risk;
    helperGroup: string[];
    visitIntervalDays?: number;
    nextVisitDue?: string;
  },
) {
  const actor = authorize(ctx, 'special_population.manage');
  return deps.db.transaction(async (tx) => {
    const { r } = await loadResident(tx, actor, input.residentId);
    if (!(await isResponsible(tx, actor, r.gridId))) throw personNotFound();
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
    const interval = input.visitIntervalDays ?? (await intervalsAt(tx, r.regionPath))[input.kind][input.riskLevel];
    const due = input.nextVisitDue ?? nextVisitDue(chinaDayOf(deps.clock.now()), interval);
    const [s] = await tx
      .insert(specialPopulations)
      .values({
        ...input,
        visitIntervalDays: interval,
        regionPath: r.regionPath,
        nextVisitDue: due,
        ...planClock(due),
      })
      .returning();
    const row = s as typeof specialPopulations.$inferSelect;
    await scheduleDeadlines(tx, visitPlanClock, row.id, planLights(row));
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
