import { type SQL, and, asc, count, desc, eq, gte, inArray, isNotNull, lt, lte, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { inScope } from '../../platform/access.ts';
import { users } from '../users/users.table.ts';
import { houses, organisations, residents } from '../people/people.table.ts';
import { visits } from './visits.table.ts';

export type VisitRow = typeof visits.$inferSelect;
export type VisitInsert = typeof visits.$inferInsert;

/** The visit a visitor made with client id `clientId` (a retry from the phone's outbox). */
export async function visitByClientId(db: Db, visitorId: string, clientId: string): Promise<VisitRow | undefined> {
  const [row] = await db
    .select()
    .from(visits)
    .where(and(eq(visits.visitorId, visitorId), eq(visits.clientId, clientId)));
  return row;
}

export async function insertVisit(db: Db, row: VisitInsert): Promise<VisitRow> {
  const [v] = await db.insert(visits).values(row).returning();
  return v as VisitRow;
}

/** A visit in `actor`'s scope, locked when `lock`. */
export async function visitInScope(db: Db, actor: Actor, id: string, lock = false): Promise<VisitRow | undefined> {
  const q = db
    .select()
    .from(visits)
    .where(and(eq(visits.id, id), inScope(actor, visits.regionPath)));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function linkVisit(db: Db, id: string, link: { caseId: string } | { disputeId: string }): Promise<void> {
  await db.update(visits).set(link).where(eq(visits.id, id));
}

/** A house or an organisation in `actor`'s scope (what a visit is linked to), with where it is. */
export async function placeInScope(db: Db, actor: Actor, what: 'house' | 'organisation', id: string) {
  const t = what === 'house' ? houses : organisations;
  const [row] = await db
    .select({ id: t.id, regionPath: t.regionPath, gridId: t.gridId })
    .from(t)
    .where(and(eq(t.id, id), inScope(actor, t.regionPath)));
  return row;
}

/** Whether plan `planId` already has a visit made after `at` (a visit synced late does not move it back). */
export async function laterVisitOfPlan(db: Db, planId: string, at: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: visits.id })
    .from(visits)
    .where(and(eq(visits.specialPopulationId, planId), sql`${visits.visitedAt} > ${at.toISOString()}::timestamptz`))
    .limit(1);
  return !!row;
}

/** The visits to resident `residentId`, oldest first, each with its visitor's name (null when the account is gone). */
export function visitsOfResident(db: Db, residentId: string) {
  return db
    .select({ v: visits, visitorName: users.displayName })
    .from(visits)
    .leftJoin(users, eq(users.id, visits.visitorId))
    .where(eq(visits.residentId, residentId))
    .orderBy(asc(visits.visitedAt));
}

/**
 * A page of the visits in `actor`'s scope limited by `responsible` (the grids the actor answers for),
 * newest first, each with its visitor's name and whom or what it visited.
 */
export async function visitsPage(
  db: Db,
  actor: Actor,
  responsible: SQL,
  q: {
    kind?: VisitRow['kind'];
    gridId?: string;
    mine?: 'true' | 'false';
    withFindings?: 'true' | 'false';
    page: number;
    pageSize: number;
  },
) {
  const where = and(
    inScope(actor, visits.regionPath),
    responsible,
    q.kind ? eq(visits.kind, q.kind) : undefined,
    q.gridId ? eq(visits.gridId, q.gridId) : undefined,
    q.mine === 'true' ? eq(visits.visitorId, actor.id) : undefined,
    q.withFindings === 'true' ? sql`coalesce(${visits.findings}, '') <> ''` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        v: visits,
        visitorName: users.displayName,
        residentName: residents.name,
        houseAddress: houses.address,
        organisationName: organisations.name,
      })
      .from(visits)
      .leftJoin(users, eq(users.id, visits.visitorId))
      .leftJoin(residents, eq(residents.id, visits.residentId))
      .leftJoin(houses, eq(houses.id, visits.houseId))
      .leftJoin(organisations, eq(organisations.id, visits.organisationId))
      .where(where)
      .orderBy(desc(visits.visitedAt), desc(visits.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(visits).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Whether a visit in `actor`'s scope, of the grids `responsible` allows, carries photo `attachmentId`. */
export async function visitWithPhoto(db: Db, actor: Actor, responsible: SQL, attachmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: visits.id })
    .from(visits)
    .where(and(inScope(actor, visits.regionPath), responsible, sql`${attachmentId}::uuid = ANY(${visits.photoIds})`))
    .limit(1);
  return rows.length > 0;
}

/** The last visit of each plan among `planIds`. */
export function lastVisitsOfPlans(db: Db, planIds: string[]) {
  if (!planIds.length) return Promise.resolve([]);
  return db
    .select({ planId: visits.specialPopulationId, at: max(visits.visitedAt) })
    .from(visits)
    .where(inArray(visits.specialPopulationId, planIds))
    .groupBy(visits.specialPopulationId);
}

/**
 * Special-population visits in `actor`'s scope: made in [start, end) by how they counted, and answered
 * per due day in [from, to] (the plans they answered), both limited to the grids `responsible` allows.
 */
export async function specialVisitFigures(
  db: Db,
  actor: Actor,
  p: { start: Date; end: Date; from: string; to: string },
  responsible: ReturnType<typeof sql>,
) {
  const base = and(
    eq(visits.kind, 'special_population'),
    isNotNull(visits.specialPopulationId),
    inScope(actor, visits.regionPath),
    responsible,
  );
  const [done, answered] = await Promise.all([
    db
      .select({ counted: visits.counted, n: count() })
      .from(visits)
      .where(and(base, gte(visits.visitedAt, p.start), lt(visits.visitedAt, p.end)))
      .groupBy(visits.counted),
    db
      .select({ counted: visits.counted, n: count() })
      .from(visits)
      .where(and(base, gte(visits.dueOn, p.from), lte(visits.dueOn, p.to)))
      .groupBy(visits.counted),
  ]);
  return { done, answered };
}
