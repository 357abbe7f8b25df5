import { type CaseEventData, type CaseEventType, type CaseProjection, applyCaseEvent } from '@gewu/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { caseEvents, caseUnits, cases } from './cases.table.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;

export interface NewEvent {
  type: CaseEventType;
  at: Date;
  actor: { id: string; name: string; unitId: string | null } | null;
  note?: string | null;
  data: CaseEventData;
  attachmentIds?: string[];
}

/** The 409 a stale actor gets, carrying the case as it now is so the screen can show it. */
export class CaseConflict extends AppError {
  constructor(readonly current: CaseRow | undefined) {
    super(409, 'case.conflict', '案件已被他人处理，请刷新后查看最新状态');
  }
}

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row;
}

export async function findCaseForUpdate(db: Db, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).for('update');
  return row;
}

export async function findByIdempotencyKey(db: Db, reporterKey: string, idempotencyKey: string): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.reporterKey, reporterKey), eq(cases.idempotencyKey, idempotencyKey)));
  return row;
}

export async function nextCaseCode(db: Db, day: string): Promise<string> {
  const [row] = await queryRows<{ n: string }>(db, sql`SELECT nextval('case_code_seq')::text AS n`);
  return `${day}${String(row?.n ?? '0').padStart(7, '0')}`;
}

/**
 * Appends one event and moves the case row to the state the reducer derives from it. The row is
 * updated only if it still has the version the actor saw; otherwise nothing is written and the
 * caller gets a 409 with the current case.
 */
export async function appendEvent(db: Db, prev: CaseRow | null, e: NewEvent): Promise<CaseRow> {
  const next = applyCaseEvent(prev as CaseProjection | null, { type: e.type, at: e.at, actorId: e.actor?.id ?? null, data: e.data });
  // A new stage clock re-arms the sweeps for it (a rework restarts the same stage name).
  const sweep = e.data.clock !== undefined ? { overdueStage: null, warnedStage: null } : {};
  let row: CaseRow | undefined;
  if (!prev) {
    [row] = await db
      .insert(cases)
      .values({ ...next, ...sweep } as typeof cases.$inferInsert)
      .returning();
  } else {
    const { id: _id, ...values } = { ...next, ...sweep } as CaseRow;
    [row] = await db
      .update(cases)
      .set(values)
      .where(and(eq(cases.id, prev.id), eq(cases.version, prev.version)))
      .returning();
    if (!row) throw new CaseConflict(await findCase(db, prev.id));
  }
  if (!row) throw new Error('case write failed');
  await db.insert(caseEvents).values({
    caseId: row.id,
    seq: row.version,
    type: e.type,
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.name ?? null,
    actorUnitId: e.actor?.unitId ?? null,
    at: e.at,
    note: e.note ?? null,
    data: e.data,
    attachmentIds: e.attachmentIds ?? [],
  });
  return row;
}

export async function listEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
}

export async function coUnitsOf(db: Db, caseId: string) {
  return db.select().from(caseUnits).where(eq(caseUnits.caseId, caseId));
}
