import { DISPUTE_OPEN_STATES, type WarningLight } from '@gewu/domain';
import { type SQL, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { lightSql } from '../../platform/clocks/index.ts';
import { escapeLike } from '../../platform/access.ts';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';
import { disputeTypes, disputes, mediationOrganisations } from './disputes.table.ts';

/** The stage clock's instants, for the light and its filter. */
export const DISPUTE_CLOCK = { warnAt: disputes.stageWarnAt, deadline: disputes.stageDeadline };

/** A dispute with the names its lists show: its type, place, organisation and mediator, and its light now. */
export function summarySelect(now: Date) {
  return {
    d: disputes,
    typeName: disputeTypes.name,
    regionName: regions.name,
    organisationName: mediationOrganisations.name,
    mediatorName: users.displayName,
    light: lightSql(DISPUTE_CLOCK, now),
  };
}

export type SummaryRow = {
  d: typeof disputes.$inferSelect;
  typeName: string | null;
  regionName: string | null;
  organisationName: string | null;
  mediatorName: string | null;
  light: WarningLight | null;
};

function joined(db: Db, now: Date) {
  return db
    .select(summarySelect(now))
    .from(disputes)
    .leftJoin(disputeTypes, eq(disputeTypes.code, disputes.typeCode))
    .leftJoin(regions, eq(regions.path, disputes.regionPath))
    .leftJoin(mediationOrganisations, eq(mediationOrganisations.id, disputes.organisationId))
    .leftJoin(users, eq(users.id, disputes.mediatorUserId));
}

/** One page of disputes matching `where`, newest first or deadline first, with the total. */
export async function pageOfDisputes(
  db: Db,
  now: Date,
  where: SQL | undefined,
  page: { page: number; pageSize: number; sort: 'registered_desc' | 'deadline_asc' },
): Promise<{ rows: SummaryRow[]; total: number }> {
  const order =
    page.sort === 'deadline_asc'
      ? [sql`${disputes.stageDeadline} ASC NULLS LAST`, desc(disputes.registeredAt), asc(disputes.id)]
      : [desc(disputes.registeredAt), asc(disputes.id)];
  const rows = await joined(db, now)
    .where(where)
    .orderBy(...order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(disputes)
    .where(where);
  return { rows: rows as SummaryRow[], total: count?.n ?? 0 };
}

/** One dispute with its names (no visibility check: the caller has loaded it for the actor). */
export async function summaryOf(db: Db, now: Date, id: string): Promise<SummaryRow | undefined> {
  const [row] = await joined(db, now).where(eq(disputes.id, id));
  return row as SummaryRow | undefined;
}

/** A dispute as a 排查 report names it: code, type, state, its summary. */
export interface DisputeBrief {
  id: string;
  code: string;
  typeName: string;
  summary: string;
  state: (typeof disputes.$inferSelect)['state'];
  regionPath: string;
}

function briefs(db: Db) {
  return db
    .select({
      id: disputes.id,
      code: disputes.code,
      typeName: sql<string>`coalesce(${disputeTypes.name}, ${disputes.typeCode})`,
      summary: disputes.summary,
      state: disputes.state,
      regionPath: disputes.regionPath,
    })
    .from(disputes)
    .leftJoin(disputeTypes, eq(disputeTypes.code, disputes.typeCode));
}

/** The open disputes of a place (its path and below), newest first: those a grid's 排查 may name again. */
export async function openDisputesIn(db: Db, placePath: string, limit = 50): Promise<DisputeBrief[]> {
  return briefs(db)
    .where(
      and(
        sql`${disputes.regionPath} LIKE ${`${escapeLike(placePath)}%`}`,
        inArray(disputes.state, [...DISPUTE_OPEN_STATES]),
      ),
    )
    .orderBy(desc(disputes.registeredAt), asc(disputes.id))
    .limit(limit);
}

/** Disputes by id (any place or state), for the views that list them. */
export async function disputeBriefsByIds(db: Db, ids: readonly string[]): Promise<DisputeBrief[]> {
  if (!ids.length) return [];
  return briefs(db).where(inArray(disputes.id, [...ids]));
}

/**
 * The serial of a dispute's agreement in its organisation's year (文书编号 …字第N号): its place, in the
 * order they were recorded, among the organisation's agreements that took effect that year (Beijing).
 * A later agreement — even one dated back — comes after it, so a reprint keeps its number.
 */
export async function agreementSerial(
  db: Db,
  d: { id: string; organisationId: string; agreedAt: Date },
  year: number,
): Promise<number> {
  const from = new Date(Date.UTC(year - 1, 11, 31, 16)).toISOString();
  const to = new Date(Date.UTC(year, 11, 31, 16)).toISOString();
  const effective = sql`(${disputes.agreement} ->> 'effectiveAt')`;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(disputes)
    .where(
      sql`${disputes.organisationId} = ${d.organisationId} AND ${disputes.agreement} IS NOT NULL
        AND ${effective} >= ${from} AND ${effective} < ${to}
        AND (${disputes.agreedAt} < ${d.agreedAt.toISOString()}
          OR (${disputes.agreedAt} = ${d.agreedAt.toISOString()} AND ${disputes.id} <= ${d.id}))`,
    );
  return Math.max(1, row?.n ?? 1);
}
