import {
  type CaseEventDataMap,
  type CaseEventRecord,
  type CaseEventType,
  type CaseProjection,
  applyCaseEvent,
} from '@gewu/domain';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { rawRows, recordsetInsert } from '../../db/recordset-insert.ts';
import { StaleVersionError } from '../../platform/errors.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { notifications } from '../notifications/notifications.table.ts';
import { cancelDeadlines, replaceDeadlines, scheduleDeadlines } from '../../platform/clocks/index.ts';
import { caseRectifyClock, caseStageClock, rectifyLights, stageLights } from './cases.clocks.ts';
import { caseClaimClock, claimLights } from './cases.claim-clock.ts';
import { caseEvents, caseUnits, cases } from './cases.table.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;

/** An event to append: its type decides the shape of its data. */
export type NewEvent = {
  [T in CaseEventType]: {
    type: T;
    at: Date;
    actor: { id: string; name: string; unitId: string | null } | null;
    note?: string | null;
    data: CaseEventDataMap[T];
    attachmentIds?: string[];
  };
}[CaseEventType];

/** The 409 a stale actor gets, carrying the case as it now is so the screen can show it. */
export class CaseConflict extends StaleVersionError {
  constructor(override readonly current: CaseRow | undefined) {
    super('case.conflict', '案件已被他人处理，请刷新后查看最新状态', current);
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

/**
 * Whether this actor already took an action on the case with this idempotency key (a phone's
 * retry after a lost answer). Reads the case's own events through the (case_id, seq) index.
 */
export async function hasActedWithKey(db: Db, caseId: string, actorId: string, key: string): Promise<boolean> {
  const [hit] = await db
    .select({ seq: caseEvents.seq })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.caseId, caseId),
        eq(caseEvents.actorId, actorId),
        sql`${caseEvents.data}->>'idempotencyKey' = ${key}`,
      ),
    )
    .limit(1);
  return !!hit;
}

export async function findByIdempotencyKey(
  db: Db,
  reporterKey: string,
  idempotencyKey: string,
): Promise<CaseRow | undefined> {
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
  const next = project(prev, e);
  let row: CaseRow | undefined;
  if (!prev) {
    [row] = await db.insert(cases).values(next).returning();
  } else {
    const { id: _id, ...values } = next;
    [row] = await db
      .update(cases)
      .set(values)
      .where(and(eq(cases.id, prev.id), eq(cases.version, prev.version)))
      .returning();
    if (!row) throw new CaseConflict(await findCase(db, prev.id));
  }
  if (!row) throw new Error('case write failed');
  await setDeadlines(db, prev, row, 'clock' in e.data);
  await setClaimDeadline(db, prev, row, e);
  await db.insert(caseEvents).values(eventRow(row.id, row.version, e));
  return row;
}

/**
 * 认领时限: a claim leaves its release for the sweep (case.claim, CLAIM_HOLD after the claim); the claim
 * ending first (closed, released by the volunteer, released by the clock) takes the pending row back,
 * found by the time of the case's last claim event.
 */
async function setClaimDeadline(db: Db, prev: CaseRow | null, row: CaseRow, e: NewEvent): Promise<void> {
  if (e.type === 'claim') return scheduleDeadlines(db, caseClaimClock, row.id, claimLights(e.at));
  if (prev?.state !== 'claimed' || row.state === 'claimed') return;
  const [claim] = await db
    .select({ at: caseEvents.at })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.type, 'claim')))
    .orderBy(sql`${caseEvents.seq} DESC`)
    .limit(1);
  if (claim) await cancelDeadlines(db, caseClaimClock, row.id, claimLights(claim.at));
}

/**
 * The sweep's pending light changes for the case as it now is: its stage clock's (replacing those of
 * the stage before, found by their times, which the case row still had) when the event set a clock,
 * and its listed supervision's rectify-by date when that changed (or the case closed).
 */
async function setDeadlines(db: Db, prev: CaseRow | null, row: CaseRow, clockSet: boolean): Promise<void> {
  if (clockSet) await replaceDeadlines(db, caseStageClock, row.id, stageLights(prev), stageLights(row));
  const [before, after] = [rectifyLights(prev), rectifyLights(row)];
  if (before[0]?.at.getTime() !== after[0]?.at.getTime())
    await replaceDeadlines(db, caseRectifyClock, row.id, before, after);
}

/** The case as the reducer makes it from the row before (none for a new case) and this event. */
function project(prev: CaseRow | null, e: NewEvent): CaseRow {
  return applyCaseEvent(
    prev as CaseProjection | null,
    {
      type: e.type,
      at: e.at,
      actorId: e.actor?.id ?? null,
      data: e.data,
    } as CaseEventRecord,
  ) as CaseRow;
}

/** The case_events row recording `e` as event number `seq` of the case. */
function eventRow(caseId: string, seq: number, e: NewEvent): typeof caseEvents.$inferInsert {
  return {
    caseId,
    seq,
    type: e.type,
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.name ?? null,
    actorUnitId: e.actor?.unitId ?? null,
    at: e.at,
    note: e.note ?? null,
    data: e.data,
    attachmentIds: e.attachmentIds ?? [],
  };
}

export async function listEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
}

export async function coUnitsOf(db: Db, caseId: string) {
  return db.select().from(caseUnits).where(eq(caseUnits.caseId, caseId));
}

/**
 * New cases as one statement: their numbers from the sequence, the case rows, their report events,
 * inbox rows, audit rows and pending light changes — all or nothing, one round trip, no explicit transaction. Any number of
 * cases travel as one JSON parameter per table (see recordsetInsert), so the text never changes and
 * is prepared once per connection. A case whose (reporter, idempotency key) is already taken — by a
 * committed case, a concurrent statement, or an earlier row of this one — is skipped by ON CONFLICT,
 * and so are its event, inbox and audit rows (they join the rows actually inserted).
 */
const caseRecords = recordsetInsert(cases, Object.keys(getTableColumns(cases)) as (keyof CaseRow)[], {
  param: 1,
  // The row carries the YYYYMMDD its number starts with.
  expressions: { code: `$$ || lpad(nextval('case_code_seq')::text, 7, '0')` },
});
const eventRecords = recordsetInsert(
  caseEvents,
  ['caseId', 'seq', 'type', 'actorId', 'actorName', 'actorUnitId', 'at', 'note', 'data', 'attachmentIds'],
  {
    param: 2,
    expressions: { data: `jsonb_set($$, '{report,code}', to_jsonb(c.code))` },
  },
);
const notificationRecords = recordsetInsert(
  notifications,
  [
    'userId',
    'unitId',
    'regionPath',
    'role',
    'kind',
    'title',
    'body',
    'caseId',
    'subjectKind',
    'subjectId',
    'data',
    'createdAt',
  ],
  { param: 3 },
);
const auditRecords = recordsetInsert(
  auditLog,
  [
    'at',
    'actorId',
    'actorName',
    'actorRoles',
    'action',
    'targetType',
    'targetId',
    'regionPath',
    'ip',
    'requestId',
    'outcome',
    'detail',
  ],
  {
    param: 4,
    expressions: { detail: `jsonb_set($$, '{code}', to_jsonb(c.code))` },
  },
);
const REPORT_STATEMENT = {
  name: 'gewu_report_cases',
  // A report whose key is already taken by a committed case takes no number from the sequence (the
  // filter runs before the select list's nextval); ON CONFLICT still catches one that commits meanwhile.
  text: `WITH c AS (${caseRecords.text}
    WHERE NOT EXISTS (SELECT 1 FROM cases k WHERE k.reporter_key = x.reporter_key AND k.idempotency_key = x.idempotency_key)
    ON CONFLICT (reporter_key, idempotency_key) DO NOTHING
    RETURNING id, code, stage, stage_warn_at, stage_deadline),
  e AS (${eventRecords.text} JOIN c ON c.id = x.case_id),
  n AS (${notificationRecords.text} JOIN c ON c.id = x.case_id),
  a AS (${auditRecords.text} JOIN c ON c.id::text = x.target_id),
  d AS (INSERT INTO clock_deadlines (kind, subject_id, stage, light, at)
    SELECT '${caseStageClock.name}', c.id, c.stage, v.light, v.at FROM c CROSS JOIN LATERAL (VALUES ('yellow', c.stage_warn_at), ('red', c.stage_deadline)) AS v(light, at)
    WHERE c.stage IS NOT NULL AND v.at IS NOT NULL)
SELECT id, code FROM c`,
};

/** A report to file as a new case: its report event, the day (YYYYMMDD) its number starts with, its inbox row and audit row. */
export interface NewReportedCase {
  day: string;
  event: Extract<NewEvent, { type: 'report' }>;
  notification: typeof notifications.$inferInsert | null;
  audit: typeof auditLog.$inferInsert;
}

/**
 * Files report events as new cases (see REPORT_STATEMENT), in one statement. Returns, in order, each
 * new case row, or null where the reporter's idempotency key was already taken (the caller looks up
 * the case that has it). The audit rows' detail gets the case number as `code`.
 */
export async function insertReportedCases(db: Db, all: readonly NewReportedCase[]): Promise<(CaseRow | null)[]> {
  // Two reports of one batch with the same key: only the first is sent (the second would take a number and be skipped).
  const seen = new Set<string>();
  const first = all.map(({ event: e }) => {
    const k = JSON.stringify([e.data.report.reporterKey, e.data.report.idempotencyKey]);
    return !seen.has(k) && !!seen.add(k);
  });
  const reports = all.filter((_, i) => first[i]);
  const rows = reports.map(({ day, event: e }) => {
    const row = project(null, e);
    row.code = day;
    return row;
  });
  const events = reports.map(({ event: e }, i) => eventRow(rows[i]!.id, 1, e));
  const made = await rawRows<{ id: string; code: string }>(db, REPORT_STATEMENT, [
    JSON.stringify(rows.map((r) => caseRecords.record(r))),
    JSON.stringify(events.map((e) => eventRecords.record(e))),
    JSON.stringify(reports.flatMap((r) => (r.notification ? [notificationRecords.record(r.notification)] : []))),
    JSON.stringify(reports.map((r) => auditRecords.record(r.audit))),
  ]);
  const codes = new Map(made.map((m) => [m.id, m.code]));
  const written = rows.map((row) => {
    const code = codes.get(row.id);
    if (code === undefined) return null;
    row.code = code;
    return row;
  });
  let next = 0;
  return first.map((isFirst) => (isFirst ? (written[next++] ?? null) : null));
}
