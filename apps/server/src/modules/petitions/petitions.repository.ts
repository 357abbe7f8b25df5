import {
  type PetitionEventDataMap,
  type PetitionEventRecord,
  type PetitionEventType,
  type PetitionHistoryEntry,
  type PetitionProjection,
  applyPetitionEvent,
} from '@gewu/domain';
import { type SQL, and, asc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { StaleVersionError } from '../../platform/errors.ts';
import { replaceDeadlines } from '../../platform/clocks/index.ts';
import { petitionStageClock, petitionStageLights } from './petitions.clocks.ts';
import { petitionConflictMessage } from './petitions.errors.ts';
import { petitionEvents, petitionPetitioners, petitions } from './petitions.table.ts';

export type PetitionRow = typeof petitions.$inferSelect;
export type PetitionEventRow = typeof petitionEvents.$inferSelect;
export type PetitionerRow = typeof petitionPetitioners.$inferSelect;

/** An event to append: its type decides the shape of its data. */
export type NewPetitionEvent = {
  [T in PetitionEventType]: {
    type: T;
    at: Date;
    actor: { id: string; name: string } | null;
    note?: string | null;
    data: PetitionEventDataMap[T];
  };
}[PetitionEventType];

/** The 409 a stale actor gets, carrying the petition as it now is. */
export class PetitionConflict extends StaleVersionError {
  constructor(override readonly current: PetitionRow | undefined) {
    super('petition.conflict', petitionConflictMessage, current);
  }
}

export async function findPetition(db: Db, id: string): Promise<PetitionRow | undefined> {
  const [row] = await db.select().from(petitions).where(eq(petitions.id, id));
  return row;
}

/** A petition the condition lets through (the actor's visibility), or undefined. */
export async function findPetitionWhere(db: Db, id: string, visible: SQL): Promise<PetitionRow | undefined> {
  const [row] = await db
    .select()
    .from(petitions)
    .where(and(eq(petitions.id, id), visible));
  return row;
}

/** `XF` + the day (YYYYMMDD, Beijing) + a seven-digit sequence. */
export async function nextPetitionCode(db: Db, day: string): Promise<string> {
  const [row] = await queryRows<{ n: string }>(db, sql`SELECT nextval('petition_code_seq')::text AS n`);
  return `XF${day}${String(row?.n ?? '0').padStart(7, '0')}`;
}

/** The next serial of a written opinion (文书编号 第N号). */
export async function nextOpinionSerial(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: string }>(db, sql`SELECT nextval('petition_opinion_seq')::text AS n`);
  return Number(row?.n ?? 1);
}

/**
 * Appends one event and moves the petition row to what the reducer derives from it, only if the row
 * still has the version the actor saw (else 409 with the petition as it now is). The stage clock's
 * pending light changes follow in the same transaction.
 */
export async function appendPetitionEvent(db: Db, prev: PetitionRow | null, e: NewPetitionEvent): Promise<PetitionRow> {
  const next = applyPetitionEvent(
    prev as PetitionProjection | null,
    { type: e.type, at: e.at, actorId: e.actor?.id ?? null, data: e.data } as PetitionEventRecord,
  ) as PetitionRow;
  let row: PetitionRow | undefined;
  if (!prev) {
    [row] = await db.insert(petitions).values(next).returning();
  } else {
    const { id: _id, ...values } = next;
    [row] = await db
      .update(petitions)
      .set(values)
      .where(and(eq(petitions.id, prev.id), eq(petitions.version, prev.version)))
      .returning();
    if (!row) throw new PetitionConflict(await findPetition(db, prev.id));
  }
  if (!row) throw new Error('petition write failed');
  if ('clock' in e.data)
    await replaceDeadlines(db, petitionStageClock, row.id, petitionStageLights(prev), petitionStageLights(row));
  await db.insert(petitionEvents).values({
    petitionId: row.id,
    seq: row.version,
    type: e.type,
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.name ?? null,
    at: e.at,
    note: e.note ?? null,
    data: e.data,
  });
  return row;
}

export async function listPetitionEvents(db: Db, petitionId: string): Promise<PetitionEventRow[]> {
  return db
    .select()
    .from(petitionEvents)
    .where(eq(petitionEvents.petitionId, petitionId))
    .orderBy(asc(petitionEvents.seq));
}

export async function petitionersOf(db: Db, petitionIds: readonly string[]): Promise<PetitionerRow[]> {
  if (!petitionIds.length) return [];
  return db
    .select()
    .from(petitionPetitioners)
    .where(inArray(petitionPetitioners.petitionId, [...petitionIds]))
    .orderBy(asc(petitionPetitioners.petitionId), asc(petitionPetitioners.ordinal));
}

export async function insertPetitioners(
  db: Db,
  rows: (typeof petitionPetitioners.$inferInsert)[],
): Promise<PetitionerRow[]> {
  if (!rows.length) return [];
  return db.insert(petitionPetitioners).values(rows).returning();
}

/**
 * The petitions a new one could repeat or be barred by (isBarredRefiling): those sharing one of its
 * petitioners (by the keyed hash of the identity number) or its subject key, with their petitioners'
 * hashes. Any region: a refiling is barred wherever the 复核 was made.
 */
export async function priorPetitions(
  db: Db,
  idHashes: readonly string[],
  subjectKey: string | null,
): Promise<(PetitionHistoryEntry & { code: string; registeredAt: Date; regionPath: string })[]> {
  const conds: SQL[] = [];
  if (idHashes.length)
    conds.push(
      sql`${petitions.id} IN (SELECT petition_id FROM petition_petitioners WHERE id_hash IN (${sql.join(
        idHashes.map((h) => sql`${h}`),
        sql`, `,
      )}))`,
    );
  if (subjectKey) conds.push(eq(petitions.subjectKey, subjectKey));
  if (!conds.length) return [];
  const rows = await db
    .select({
      id: petitions.id,
      code: petitions.code,
      matterId: petitions.matterId,
      subjectKey: petitions.subjectKey,
      reexaminationDecidedAt: petitions.reexaminationDecidedAt,
      registeredAt: petitions.registeredAt,
      regionPath: petitions.regionPath,
    })
    .from(petitions)
    .where(or(...conds))
    .orderBy(asc(petitions.registeredAt))
    .limit(200);
  const hashes = await db
    .select({ petitionId: petitionPetitioners.petitionId, idHash: petitionPetitioners.idHash })
    .from(petitionPetitioners)
    .where(
      and(
        inArray(
          petitionPetitioners.petitionId,
          rows.length ? rows.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000'],
        ),
        isNotNull(petitionPetitioners.idHash),
      ),
    );
  return rows.map((r) => ({
    ...r,
    petitionerIdHashes: hashes.filter((h) => h.petitionId === r.id).map((h) => h.idHash as string),
  }));
}

/** The other petitions of a matter (its first one and its repeats), oldest first. */
export async function sameMatter(db: Db, matterId: string, exceptId: string, visible: SQL) {
  return db
    .select({ id: petitions.id, code: petitions.code, state: petitions.state, registeredAt: petitions.registeredAt })
    .from(petitions)
    .where(and(eq(petitions.matterId, matterId), ne(petitions.id, exceptId), visible))
    .orderBy(asc(petitions.registeredAt))
    .limit(50);
}
