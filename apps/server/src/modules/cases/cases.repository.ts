import { type CaseEventData, type CaseEventType, type CaseProjection, applyCaseEvent } from '@gewu/domain';
import { and, asc, eq, getTableColumns, or, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { rawRows, staticInsert } from '../../db/static-insert.ts';
import { AppError } from '../../platform/errors.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { notifications } from '../notifications/notifications.table.ts';
import { caseDeadlines, caseEvents, caseUnits, cases } from './cases.table.ts';

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
  let row: CaseRow | undefined;
  if (!prev) {
    [row] = await db
      .insert(cases)
      .values(next as typeof cases.$inferInsert)
      .returning();
  } else {
    const { id: _id, ...values } = next as CaseRow;
    [row] = await db
      .update(cases)
      .set(values)
      .where(and(eq(cases.id, prev.id), eq(cases.version, prev.version)))
      .returning();
    if (!row) throw new CaseConflict(await findCase(db, prev.id));
  }
  if (!row) throw new Error('case write failed');
  if (e.data.clock !== undefined) await setDeadlines(db, prev, row);
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

/**
 * The sweep's pending light changes for the stage the case is now in (none when no clock runs),
 * replacing those of the stage before (found by their times, which the case row still had).
 */
async function setDeadlines(db: Db, prev: CaseRow | null, row: CaseRow): Promise<void> {
  const old = [
    ...(prev?.stageWarnAt ? [and(eq(caseDeadlines.light, 'yellow'), eq(caseDeadlines.at, prev.stageWarnAt))] : []),
    ...(prev?.stageDeadline ? [and(eq(caseDeadlines.light, 'red'), eq(caseDeadlines.at, prev.stageDeadline))] : []),
  ];
  if (old.length) await db.delete(caseDeadlines).where(and(or(...old), eq(caseDeadlines.caseId, row.id)));
  const stage = row.stage;
  if (!stage) return;
  const due = [
    ...(row.stageWarnAt ? [{ caseId: row.id, light: 'yellow' as const, stage, at: row.stageWarnAt }] : []),
    ...(row.stageDeadline ? [{ caseId: row.id, light: 'red' as const, stage, at: row.stageDeadline }] : []),
  ];
  if (due.length) await db.insert(caseDeadlines).values(due);
}

export async function listEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
}

export async function coUnitsOf(db: Db, caseId: string) {
  return db.select().from(caseUnits).where(eq(caseUnits.caseId, caseId));
}

/**
 * A new case as one statement: its number from the sequence, the case row, its report event, the
 * inbox rows and the audit row — all or nothing, one round trip, no explicit transaction. The
 * text is built once; a second report with the same (reporter, idempotency key) fails the whole
 * statement on the unique index (code 23505) and writes nothing.
 */
/** $1 is the day the case number starts with; the case row's parameters follow. */
const CASE_FIRST_PARAM = 2;
const caseInsert = staticInsert(cases, Object.keys(getTableColumns(cases)) as (keyof CaseRow)[], { firstParam: CASE_FIRST_PARAM, expressions: { code: 's.code' } });
const eventKeys = ['caseId', 'seq', 'type', 'actorId', 'actorName', 'actorUnitId', 'at', 'note', 'data', 'attachmentIds'] as const;
const eventInsert = staticInsert(caseEvents, eventKeys, { firstParam: caseInsert.nextParam, expressions: { data: `jsonb_set($$, '{report,code}', to_jsonb(s.code))` } });
const notificationKeys = ['userId', 'unitId', 'regionPath', 'role', 'kind', 'title', 'body', 'caseId', 'data', 'createdAt'] as const;
const notificationInsert = staticInsert(notifications, notificationKeys, { firstParam: eventInsert.nextParam });
const auditKeys = ['at', 'actorId', 'actorName', 'actorRoles', 'action', 'targetType', 'targetId', 'regionPath', 'ip', 'requestId', 'outcome', 'detail'] as const;
const auditInsert = staticInsert(auditLog, auditKeys, { firstParam: notificationInsert.nextParam, expressions: { detail: `jsonb_set($$, '{code}', to_jsonb(s.code))` } });
const NOTIFY_FLAG = auditInsert.nextParam;
/** The stage clock's pending light changes (as setDeadlines writes them), from the case row's own parameters. */
const param = (key: keyof CaseRow) => {
  const i = caseInsert.keys.indexOf(key);
  if (i < 0) throw new Error(`cases has no parameter ${key}`);
  return `$${CASE_FIRST_PARAM + i}`;
};
const REPORT_STATEMENT = { name: 'gewu_report_case', text: `WITH s AS (SELECT $1::text || lpad(nextval('case_code_seq')::text, 7, '0') AS code),
  c AS (${caseInsert.text} FROM s),
  e AS (${eventInsert.text} FROM s),
  n AS (${notificationInsert.text} FROM s WHERE $${NOTIFY_FLAG}::boolean),
  a AS (${auditInsert.text} FROM s),
  d AS (INSERT INTO case_deadlines (case_id, light, stage, at)
    SELECT ${param('id')}::uuid, x.light, ${param('stage')}::text, x.at FROM (VALUES ('yellow', ${param('stageWarnAt')}::timestamptz), ('red', ${param('stageDeadline')}::timestamptz)) AS x(light, at)
    WHERE ${param('stage')}::text IS NOT NULL AND x.at IS NOT NULL)
SELECT code FROM s` };

/**
 * Files a report event as a new case (see REPORT_STATEMENT) with at most one inbox row. `day` is the
 * YYYYMMDD the case number starts with; the audit row's detail gets the number as `code`.
 */
export async function insertReportedCase(
  db: Db,
  day: string,
  e: NewEvent,
  extra: { notification: typeof notifications.$inferInsert | null; audit: typeof auditLog.$inferInsert },
): Promise<CaseRow> {
  const next = applyCaseEvent(null, { type: e.type, at: e.at, actorId: e.actor?.id ?? null, data: e.data });
  const row = next as CaseRow;
  const params = [
    day,
    ...caseInsert.params(row),
    ...eventInsert.params({ caseId: row.id, seq: 1, type: e.type, actorId: e.actor?.id ?? null, actorName: e.actor?.name ?? null, actorUnitId: e.actor?.unitId ?? null, at: e.at, note: e.note ?? null, data: e.data, attachmentIds: e.attachmentIds ?? [] }),
    ...notificationInsert.params(extra.notification ?? ({} as typeof notifications.$inferInsert)),
    ...auditInsert.params(extra.audit),
    extra.notification !== null,
  ];
  const [made] = await rawRows<{ code: string }>(db, REPORT_STATEMENT, params);
  if (!made) throw new Error('case insert returned nothing');
  row.code = made.code;
  return row;
}
