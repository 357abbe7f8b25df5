import { OPEN_STATES } from '@gewu/domain';
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../platform/access.ts';
import { items } from '../items/items.table.ts';
import { users } from '../users/users.table.ts';
import { casePublications, caseSupplements, cases } from './cases.table.ts';

/**
 * The report form's read models (issue 14): the items most reported in an area, the open reports of
 * one item in a box around a pin, and the supplements (我也遇到) of a case.
 */

const under = (path: string) => sql`${cases.regionPath} LIKE ${escapeLike(path) + '%'}`;

/** Reports per item in an area since a time, most first (active, real items; residents' only the reportable). */
export async function itemCountsIn(db: Db, q: { path: string; since: Date; publicOnly: boolean; limit: number }) {
  const n = sql<number>`count(*)::int`;
  return db
    .select({ code: items.code, name: items.name, categoryCode: items.categoryCode, count: n })
    .from(cases)
    .innerJoin(items, eq(items.id, cases.itemId))
    .where(
      and(
        under(q.path),
        gte(cases.reportedAt, q.since),
        eq(items.active, true),
        eq(items.unclassified, false),
        q.publicOnly ? eq(items.publicReport, true) : undefined,
      ),
    )
    .groupBy(items.code, items.name, items.categoryCode)
    .orderBy(desc(n), asc(items.code))
    .limit(q.limit);
}

/** Active items by code, for the default list. */
export async function activeItemsByCodes(db: Db, codes: readonly string[], publicOnly: boolean) {
  if (!codes.length) return [];
  return db
    .select({ code: items.code, name: items.name, categoryCode: items.categoryCode })
    .from(items)
    .where(
      and(
        inArray(items.code, [...codes]),
        eq(items.active, true),
        publicOnly ? eq(items.publicReport, true) : undefined,
      ),
    );
}

/** Open cases of an item inside a lon/lat box and an area, reported since a time, with their public text and supplements. */
export async function openCasesInBox(
  db: Db,
  q: {
    itemCode: string;
    path: string;
    since: Date;
    box: { minLon: number; maxLon: number; minLat: number; maxLat: number };
  },
) {
  return db
    .select({
      id: cases.id,
      itemCode: cases.itemCode,
      itemName: items.name,
      state: cases.state,
      reportedAt: cases.reportedAt,
      lon: cases.lon,
      lat: cases.lat,
      channel: cases.channel,
      source: cases.source,
      publicConsent: cases.publicConsent,
      description: cases.description,
      address: cases.address,
      published: casePublications.published,
      publicDescription: casePublications.publicDescription,
      descriptionHidden: casePublications.descriptionHidden,
      supplements: sql<number>`(SELECT count(*)::int FROM case_supplements s WHERE s.case_id = ${cases.id})`,
    })
    .from(cases)
    .innerJoin(items, eq(items.id, cases.itemId))
    .leftJoin(casePublications, eq(casePublications.caseId, cases.id))
    .where(
      and(
        eq(cases.itemCode, q.itemCode),
        under(q.path),
        gte(cases.reportedAt, q.since),
        inArray(cases.state, [...OPEN_STATES]),
        sql`${cases.lon} BETWEEN ${q.box.minLon} AND ${q.box.maxLon}`,
        sql`${cases.lat} BETWEEN ${q.box.minLat} AND ${q.box.maxLat}`,
      ),
    )
    .orderBy(desc(cases.reportedAt))
    .limit(50);
}

export type SupplementRow = typeof caseSupplements.$inferSelect & { authorName: string | null };

export async function supplementByKey(db: Db, authorUserId: string, key: string) {
  const [row] = await db
    .select()
    .from(caseSupplements)
    .where(and(eq(caseSupplements.authorUserId, authorUserId), eq(caseSupplements.idempotencyKey, key)));
  return row ?? null;
}

/** Inserts a supplement; a concurrent retry with the same key inserts nothing (null). */
export async function insertSupplement(db: Db, values: typeof caseSupplements.$inferInsert) {
  const [row] = await db
    .insert(caseSupplements)
    .values(values)
    .onConflictDoNothing({ target: [caseSupplements.authorUserId, caseSupplements.idempotencyKey] })
    .returning();
  return row ?? null;
}

export async function supplementsOf(db: Db, caseId: string): Promise<SupplementRow[]> {
  const rows = await db
    .select({ s: caseSupplements, authorName: users.displayName })
    .from(caseSupplements)
    .leftJoin(users, eq(users.id, caseSupplements.authorUserId))
    .where(eq(caseSupplements.caseId, caseId))
    .orderBy(asc(caseSupplements.createdAt), asc(caseSupplements.id));
  return rows.map((r) => ({ ...r.s, authorName: r.authorName }));
}
