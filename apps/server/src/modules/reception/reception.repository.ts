import { type SQL, and, count, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { ReceptionTrack } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import { cases } from '../cases/cases.table.ts';
import { disputes } from '../disputes/disputes.table.ts';
import { petitions } from '../petitions/petitions.table.ts';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';
import { receptionIdentities, receptionLookupFailures, receptionVisits } from './reception.table.ts';

export type VisitRow = typeof receptionVisits.$inferSelect;
export type NewVisit = typeof receptionVisits.$inferInsert;
/** A visit with the names lists and documents print: the centre's and the registering account's. */
export type VisitWithNames = { v: VisitRow; centreName: string; registeredByName: string };

/** Where a track's record stands: its internal state, when it last moved, and when it ended. */
export interface RecordProgress {
  state: string;
  updatedAt: Date;
  closedAt: Date | null;
}

const withNames = {
  v: receptionVisits,
  centreName: regions.name,
  registeredByName: users.displayName,
};

function selectWithNames(db: Db) {
  return db
    .select(withNames)
    .from(receptionVisits)
    .innerJoin(regions, eq(regions.id, receptionVisits.regionId))
    .innerJoin(users, eq(users.id, receptionVisits.registeredBy));
}

export async function insertVisit(db: Db, values: NewVisit): Promise<VisitRow> {
  const [row] = await db.insert(receptionVisits).values(values).returning();
  if (!row) throw new Error('visit write failed');
  return row;
}

export async function setVisitRecord(
  db: Db,
  id: string,
  values: Pick<VisitRow, 'trackRecordId' | 'trackCode' | 'state' | 'details'>,
): Promise<VisitRow> {
  const [row] = await db.update(receptionVisits).set(values).where(eq(receptionVisits.id, id)).returning();
  if (!row) throw new Error('visit write failed');
  return row;
}

export async function findVisitByKey(db: Db, registeredBy: string, key: string): Promise<VisitRow | undefined> {
  const [row] = await db
    .select()
    .from(receptionVisits)
    .where(and(eq(receptionVisits.registeredBy, registeredBy), eq(receptionVisits.idempotencyKey, key)));
  return row;
}

export async function findVisitWhere(db: Db, id: string, visible: SQL): Promise<VisitWithNames | undefined> {
  const [row] = await selectWithNames(db).where(and(eq(receptionVisits.id, id), visible));
  return row;
}

export async function findVisitByReceipt(db: Db, receiptNumber: string): Promise<VisitWithNames | undefined> {
  const [row] = await selectWithNames(db).where(eq(receptionVisits.receiptNumber, receiptNumber));
  return row;
}

/** The visit that opened the record of this track (its id), if a visit did. */
export async function findVisitOfRecord(db: Db, track: ReceptionTrack, recordId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: receptionVisits.id })
    .from(receptionVisits)
    .where(and(eq(receptionVisits.trackRecordId, recordId), eq(receptionVisits.track, track)))
    .limit(1);
  return row?.id ?? null;
}

export async function pageOfVisits(
  db: Db,
  where: SQL | undefined,
  page: number,
  pageSize: number,
): Promise<{ rows: VisitWithNames[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    selectWithNames(db)
      .where(where)
      .orderBy(desc(receptionVisits.visitedAt), desc(receptionVisits.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(receptionVisits).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The visits a resident account holds: those it claimed, and those carrying the identity it proved. */
export async function visitsOfAccount(db: Db, userId: string, idHash: string | null): Promise<VisitWithNames[]> {
  return selectWithNames(db)
    .where(
      idHash
        ? or(eq(receptionVisits.claimedBy, userId), eq(receptionVisits.idHash, idHash))
        : eq(receptionVisits.claimedBy, userId),
    )
    .orderBy(desc(receptionVisits.visitedAt))
    .limit(100);
}

export async function claimVisit(db: Db, id: string, userId: string): Promise<void> {
  await db.update(receptionVisits).set({ claimedBy: userId }).where(eq(receptionVisits.id, id));
}

export async function findIdentity(db: Db, userId: string) {
  const [row] = await db.select().from(receptionIdentities).where(eq(receptionIdentities.userId, userId));
  return row;
}

export async function insertIdentity(db: Db, values: typeof receptionIdentities.$inferInsert): Promise<void> {
  await db.insert(receptionIdentities).values(values).onConflictDoNothing();
}

// ─── The records the tracks opened ───────────────────────────────────────────────────────────────

export async function caseProgress(db: Db, ids: readonly string[]): Promise<Map<string, RecordProgress>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: cases.id, state: cases.state, updatedAt: cases.updatedAt, closedAt: cases.closedAt })
    .from(cases)
    .where(inArray(cases.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { state: r.state, updatedAt: r.updatedAt, closedAt: r.closedAt }]));
}

export async function disputeProgress(db: Db, ids: readonly string[]): Promise<Map<string, RecordProgress>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: disputes.id, state: disputes.state, updatedAt: disputes.updatedAt, endedAt: disputes.endedAt })
    .from(disputes)
    .where(inArray(disputes.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { state: r.state, updatedAt: r.updatedAt, closedAt: r.endedAt }]));
}

export async function petitionProgress(db: Db, ids: readonly string[]): Promise<Map<string, RecordProgress>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: petitions.id, state: petitions.state, updatedAt: petitions.updatedAt, endedAt: petitions.endedAt })
    .from(petitions)
    .where(inArray(petitions.id, [...ids]));
  return new Map(rows.map((r) => [r.id, { state: r.state, updatedAt: r.updatedAt, closedAt: r.endedAt }]));
}

// ─── The lookup's failure counters ───────────────────────────────────────────────────────────────

/**
 * Writes one row per key for an attempt about to be checked (its reservation), dropping rows older
 * than `keepSince` on the way, and returns the ids written.
 */
export async function reserveLookup(db: Db, keys: readonly string[], at: Date, keepSince: Date): Promise<string[]> {
  await db.delete(receptionLookupFailures).where(lt(receptionLookupFailures.at, keepSince));
  const rows = await db
    .insert(receptionLookupFailures)
    .values(keys.map((key) => ({ key, at })))
    .returning({ id: receptionLookupFailures.id });
  return rows.map((r) => r.id);
}

/** The attempts on `key` since `since` (this one's reservation included), and the oldest of them. */
export async function lookupAttempts(db: Db, key: string, since: Date): Promise<{ n: number; oldest: Date | null }> {
  const [row] = await db
    .select({
      n: count(),
      oldest: sql<Date | null>`min(${receptionLookupFailures.at})`.mapWith((v) => (v ? new Date(v) : null)),
    })
    .from(receptionLookupFailures)
    .where(and(eq(receptionLookupFailures.key, key), gt(receptionLookupFailures.at, since)));
  return { n: row?.n ?? 0, oldest: row?.oldest ?? null };
}

/** Removes an attempt's reservation: it was right, or it was refused before being checked. */
export async function releaseLookup(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.delete(receptionLookupFailures).where(inArray(receptionLookupFailures.id, [...ids]));
}
