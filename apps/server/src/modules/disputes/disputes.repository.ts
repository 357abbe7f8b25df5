import {
  type DisputeEventDataMap,
  type DisputeEventRecord,
  type DisputeEventType,
  type DisputeProjection,
  applyDisputeEvent,
} from '@gewu/domain';
import { type SQL, and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { StaleVersionError } from '../../platform/errors.ts';
import { replaceDeadlines } from '../../platform/clocks/index.ts';
import { disputeStageClock, disputeStageLights } from './disputes.clocks.ts';
import { disputeConflictMessage } from './disputes.errors.ts';
import { disputeEvents, disputeParties, disputes } from './disputes.table.ts';

export type DisputeRow = typeof disputes.$inferSelect;
export type DisputeEventRow = typeof disputeEvents.$inferSelect;
export type PartyRow = typeof disputeParties.$inferSelect;

/** An event to append: its type decides the shape of its data. */
export type NewDisputeEvent = {
  [T in DisputeEventType]: {
    type: T;
    at: Date;
    actor: { id: string; name: string } | null;
    note?: string | null;
    data: DisputeEventDataMap[T];
    attachmentIds?: string[];
  };
}[DisputeEventType];

/** The 409 a stale actor gets, carrying the dispute as it now is. */
export class DisputeConflict extends StaleVersionError {
  constructor(override readonly current: DisputeRow | undefined) {
    super('dispute.conflict', disputeConflictMessage, current);
  }
}

export async function findDispute(db: Db, id: string): Promise<DisputeRow | undefined> {
  const [row] = await db.select().from(disputes).where(eq(disputes.id, id));
  return row;
}

/** The dispute locked for an action that must happen once (转案件), inside the caller's transaction. */
export async function findDisputeForUpdate(db: Db, id: string): Promise<DisputeRow | undefined> {
  const [row] = await db.select().from(disputes).where(eq(disputes.id, id)).for('update');
  return row;
}

/** The dispute a case was turned into (source case_conversion), if any. */
export async function disputeConvertedFrom(db: Db, caseId: string): Promise<DisputeRow | undefined> {
  const [row] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.linkedCaseId, caseId), eq(disputes.source, 'case_conversion')));
  return row;
}

/** A dispute the condition lets through (the actor's visibility), or undefined. */
export async function findDisputeWhere(db: Db, id: string, visible: SQL): Promise<DisputeRow | undefined> {
  const [row] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.id, id), visible));
  return row;
}

/** 一案一码: `JF` + the day (YYYYMMDD, Beijing) + a seven-digit sequence. */
export async function nextDisputeCode(db: Db, day: string): Promise<string> {
  const [row] = await queryRows<{ n: string }>(db, sql`SELECT nextval('dispute_code_seq')::text AS n`);
  return `JF${day}${String(row?.n ?? '0').padStart(7, '0')}`;
}

/**
 * Appends one event and moves the dispute row to what the reducer derives from it, only if the row
 * still has the version the actor saw (else 409 with the dispute as it now is). The stage clock's
 * pending light changes follow in the same transaction.
 */
export async function appendDisputeEvent(db: Db, prev: DisputeRow | null, e: NewDisputeEvent): Promise<DisputeRow> {
  const next = applyDisputeEvent(
    prev as DisputeProjection | null,
    { type: e.type, at: e.at, actorId: e.actor?.id ?? null, data: e.data } as DisputeEventRecord,
  ) as DisputeRow;
  let row: DisputeRow | undefined;
  if (!prev) {
    [row] = await db.insert(disputes).values(next).returning();
  } else {
    const { id: _id, ...values } = next;
    [row] = await db
      .update(disputes)
      .set(values)
      .where(and(eq(disputes.id, prev.id), eq(disputes.version, prev.version)))
      .returning();
    if (!row) throw new DisputeConflict(await findDispute(db, prev.id));
  }
  if (!row) throw new Error('dispute write failed');
  if ('clock' in e.data)
    await replaceDeadlines(db, disputeStageClock, row.id, disputeStageLights(prev), disputeStageLights(row));
  await db.insert(disputeEvents).values({
    disputeId: row.id,
    seq: row.version,
    type: e.type,
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.name ?? null,
    at: e.at,
    note: e.note ?? null,
    data: e.data,
    attachmentIds: e.attachmentIds ?? [],
  });
  return row;
}

export async function listDisputeEvents(db: Db, disputeId: string): Promise<DisputeEventRow[]> {
  return db.select().from(disputeEvents).where(eq(disputeEvents.disputeId, disputeId)).orderBy(asc(disputeEvents.seq));
}

export async function partiesOf(db: Db, disputeIds: readonly string[]): Promise<PartyRow[]> {
  if (!disputeIds.length) return [];
  return db
    .select()
    .from(disputeParties)
    .where(inArray(disputeParties.disputeId, [...disputeIds]))
    .orderBy(asc(disputeParties.side), asc(disputeParties.createdAt), asc(disputeParties.id));
}

export async function insertParties(db: Db, rows: (typeof disputeParties.$inferInsert)[]): Promise<PartyRow[]> {
  if (!rows.length) return [];
  return db.insert(disputeParties).values(rows).returning();
}

export async function findParty(db: Db, disputeId: string, partyId: string): Promise<PartyRow | undefined> {
  const [row] = await db
    .select()
    .from(disputeParties)
    .where(and(eq(disputeParties.id, partyId), eq(disputeParties.disputeId, disputeId)));
  return row;
}

export async function updateParty(
  db: Db,
  partyId: string,
  values: Partial<typeof disputeParties.$inferInsert>,
): Promise<PartyRow> {
  const [row] = await db.update(disputeParties).set(values).where(eq(disputeParties.id, partyId)).returning();
  if (!row) throw new Error('party write failed');
  return row;
}

export async function deleteParty(db: Db, partyId: string): Promise<void> {
  await db.delete(disputeParties).where(eq(disputeParties.id, partyId));
}

/** Whether a session record names the party as having attended (it then stays in the dispute's record). */
export async function partyNamedInEvents(db: Db, disputeId: string, partyId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`SELECT 1 AS ok FROM dispute_events WHERE dispute_id = ${disputeId} AND type = 'record_session'
          AND data->'session'->'attendeePartyIds' @> jsonb_build_array(${partyId}::text) LIMIT 1`,
  );
  return rows.length > 0;
}
