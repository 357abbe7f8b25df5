import { type SQL, and, asc, desc, eq, gt, inArray, isNull, lt, lte, gte, ne, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { escapeLike } from '../../platform/access.ts';
import { gridAssignments, grids } from '../grids/grids.table.ts';
import { regions } from '../regions/regions.table.ts';
import {
  riskMeetingDecisions,
  riskMeetings,
  screeningReportDisputes,
  screeningReports,
  screeningRounds,
  screeningSchedules,
} from './screening.table.ts';

export type RoundRow = typeof screeningRounds.$inferSelect;
export type ReportRow = typeof screeningReports.$inferSelect;
export type MeetingRow = typeof riskMeetings.$inferSelect;
export type DecisionRow = typeof riskMeetingDecisions.$inferSelect;
export type ScheduleRow = typeof screeningSchedules.$inferSelect;
export type NewDecision = typeof riskMeetingDecisions.$inferInsert;

const under = (col: SQL | typeof grids.regionPath, path: string) => sql`${col} LIKE ${`${escapeLike(path)}%`}`;

// Schedules and rounds -------------------------------------------------------------------------

export async function findSchedule(db: Db, townshipPath: string): Promise<ScheduleRow | undefined> {
  const [row] = await db.select().from(screeningSchedules).where(eq(screeningSchedules.regionPath, townshipPath));
  return row;
}

export async function upsertSchedule(db: Db, values: typeof screeningSchedules.$inferInsert): Promise<void> {
  await db
    .insert(screeningSchedules)
    .values(values)
    .onConflictDoUpdate({
      target: screeningSchedules.regionPath,
      set: {
        periodKind: values.periodKind,
        graceDays: values.graceDays,
        updatedBy: values.updatedBy,
        updatedAt: values.updatedAt,
      },
    });
}

export async function latestRound(db: Db, townshipPath: string): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(screeningRounds)
    .where(eq(screeningRounds.regionPath, townshipPath))
    .orderBy(desc(screeningRounds.periodStart))
    .limit(1);
  return row;
}

export async function firstRound(db: Db, townshipPath: string): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(screeningRounds)
    .where(eq(screeningRounds.regionPath, townshipPath))
    .orderBy(asc(screeningRounds.periodStart))
    .limit(1);
  return row;
}

/** Inserts the rounds not there yet (two processes laying out the same ones: each is inserted once); returns those inserted. */
export async function insertRounds(db: Db, rows: (typeof screeningRounds.$inferInsert)[]): Promise<RoundRow[]> {
  if (!rows.length) return [];
  return db.insert(screeningRounds).values(rows).onConflictDoNothing().returning();
}

/** Takes back the rounds that start after `day` (none can have a report yet), returning them. */
export async function deleteRoundsAfter(db: Db, townshipPath: string, day: string): Promise<RoundRow[]> {
  return db
    .delete(screeningRounds)
    .where(
      and(
        eq(screeningRounds.regionPath, townshipPath),
        gt(screeningRounds.periodStart, day),
        sql`NOT EXISTS (SELECT 1 FROM screening_reports r WHERE r.round_id = ${screeningRounds.id})`,
      ),
    )
    .returning();
}

/** The township's round that `day` falls in. */
export async function roundOn(db: Db, townshipPath: string, day: string): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(screeningRounds)
    .where(
      and(
        eq(screeningRounds.regionPath, townshipPath),
        lte(screeningRounds.periodStart, day),
        gte(screeningRounds.periodEnd, day),
      ),
    );
  return row;
}

export async function roundById(db: Db, id: string): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(screeningRounds).where(eq(screeningRounds.id, id));
  return row;
}

/** The rounds just before and after one (for paging through periods). */
export async function neighbourRounds(db: Db, r: RoundRow): Promise<{ previous?: RoundRow; next?: RoundRow }> {
  const [previous] = await db
    .select()
    .from(screeningRounds)
    .where(and(eq(screeningRounds.regionPath, r.regionPath), lt(screeningRounds.periodStart, r.periodStart)))
    .orderBy(desc(screeningRounds.periodStart))
    .limit(1);
  const [next] = await db
    .select()
    .from(screeningRounds)
    .where(and(eq(screeningRounds.regionPath, r.regionPath), gt(screeningRounds.periodStart, r.periodStart)))
    .orderBy(asc(screeningRounds.periodStart))
    .limit(1);
  return { previous, next };
}

// Grids ------------------------------------------------------------------------------------------

export interface ScreenedGrid {
  id: string;
  code: string;
  name: string;
  regionPath: string;
  villageName: string;
  villagePath: string;
}

const gridColumns = {
  id: grids.id,
  code: grids.code,
  name: grids.name,
  regionPath: grids.regionPath,
  villageName: regions.name,
  villagePath: regions.path,
};

/** The unit grids of a township that report (micro-grids report through their grid), as of `at`. */
export async function unitGridsOf(db: Db, townshipPath: string, at: Date): Promise<ScreenedGrid[]> {
  return db
    .select(gridColumns)
    .from(grids)
    .innerJoin(regions, eq(regions.id, grids.villageId))
    .where(
      and(
        under(grids.regionPath, townshipPath),
        ne(grids.kind, 'micro'),
        sql`(${grids.retiredAt} IS NULL OR ${grids.retiredAt} > ${at.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(asc(grids.code));
}

/** The unit grids the user answers for now as their grid worker (专职 or 兼职). */
export async function gridsOfWorker(db: Db, userId: string, gridId?: string): Promise<ScreenedGrid[]> {
  return db
    .selectDistinct(gridColumns)
    .from(gridAssignments)
    .innerJoin(grids, eq(grids.id, gridAssignments.gridId))
    .innerJoin(regions, eq(regions.id, grids.villageId))
    .where(
      and(
        eq(gridAssignments.userId, userId),
        isNull(gridAssignments.validTo),
        inArray(gridAssignments.duty, ['grid_worker_full', 'grid_worker_part']),
        ne(grids.kind, 'micro'),
        isNull(grids.retiredAt),
        gridId ? eq(grids.id, gridId) : undefined,
      ),
    )
    .orderBy(asc(grids.code));
}

export async function gridNameById(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ name: grids.name }).from(grids).where(eq(grids.id, id));
  return row?.name ?? '';
}

/** The grid workers responsible now for each grid, full-time first (names as the assignment records them). */
export async function workersOf(db: Db, gridIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!gridIds.length) return out;
  const rows = await db
    .select({ gridId: gridAssignments.gridId, name: gridAssignments.personName, duty: gridAssignments.duty })
    .from(gridAssignments)
    .where(
      and(
        inArray(gridAssignments.gridId, [...gridIds]),
        isNull(gridAssignments.validTo),
        inArray(gridAssignments.duty, ['grid_worker_full', 'grid_worker_part']),
      ),
    )
    .orderBy(asc(gridAssignments.duty), asc(gridAssignments.validFrom));
  for (const r of rows) out.set(r.gridId, [...(out.get(r.gridId) ?? []), r.name]);
  return out;
}

// Reports ----------------------------------------------------------------------------------------

export async function findReport(db: Db, roundId: string, gridId: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(screeningReports)
    .where(and(eq(screeningReports.roundId, roundId), eq(screeningReports.gridId, gridId)));
  return row;
}

export async function reportById(db: Db, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(screeningReports).where(eq(screeningReports.id, id));
  return row;
}

/** Inserts the report unless the grid has one for the round (then undefined). */
export async function insertReport(
  db: Db,
  values: typeof screeningReports.$inferInsert,
): Promise<ReportRow | undefined> {
  const [row] = await db.insert(screeningReports).values(values).onConflictDoNothing().returning();
  return row;
}

export async function addReportDisputes(db: Db, rows: (typeof screeningReportDisputes.$inferInsert)[]) {
  if (rows.length) await db.insert(screeningReportDisputes).values(rows).onConflictDoNothing();
}

export async function reportDisputes(db: Db, reportIds: readonly string[]) {
  if (!reportIds.length) return [];
  return db
    .select()
    .from(screeningReportDisputes)
    .where(inArray(screeningReportDisputes.reportId, [...reportIds]))
    .orderBy(asc(screeningReportDisputes.addedAt));
}

export async function reportsOfRound(db: Db, roundId: string): Promise<ReportRow[]> {
  return db.select().from(screeningReports).where(eq(screeningReports.roundId, roundId));
}

/** Records an amendment if the report still has the version the actor saw (else undefined). */
export async function amendReport(
  db: Db,
  r: ReportRow,
  amendment: ReportRow['amendments'][number],
): Promise<ReportRow | undefined> {
  const [row] = await db
    .update(screeningReports)
    .set({ zero: false, amendments: [...r.amendments, amendment], version: r.version + 1 })
    .where(and(eq(screeningReports.id, r.id), eq(screeningReports.version, r.version)))
    .returning();
  return row;
}

// Meetings ---------------------------------------------------------------------------------------

export async function insertMeeting(db: Db, values: typeof riskMeetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await db.insert(riskMeetings).values(values).returning();
  return row as MeetingRow;
}

export async function insertDecisions(db: Db, rows: (typeof riskMeetingDecisions.$inferInsert)[]) {
  if (rows.length) await db.insert(riskMeetingDecisions).values(rows);
}

export async function meetingInScope(db: Db, id: string, scopePath: string): Promise<MeetingRow | undefined> {
  const [row] = await db
    .select()
    .from(riskMeetings)
    .where(and(eq(riskMeetings.id, id), under(sql`${riskMeetings.regionPath}`, scopePath)));
  return row;
}

export async function decisionsOf(db: Db, meetingIds: readonly string[]): Promise<DecisionRow[]> {
  if (!meetingIds.length) return [];
  return db
    .select()
    .from(riskMeetingDecisions)
    .where(inArray(riskMeetingDecisions.meetingId, [...meetingIds]))
    .orderBy(asc(riskMeetingDecisions.meetingId), asc(riskMeetingDecisions.seq));
}

export async function pageOfMeetings(db: Db, scopePath: string, page: { page: number; pageSize: number }) {
  const where = under(sql`${riskMeetings.regionPath}`, scopePath);
  const rows = await db
    .select()
    .from(riskMeetings)
    .where(where)
    .orderBy(desc(riskMeetings.heldAt), asc(riskMeetings.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM risk_meetings WHERE region_path LIKE ${`${escapeLike(scopePath)}%`}`,
  );
  return { rows, total: count?.n ?? 0 };
}

/** Whether a meeting of the area carries this attachment. */
export async function meetingWithAttachment(db: Db, scopePath: string, attachmentId: string): Promise<boolean> {
  const [hit] = await queryRows<{ n: number }>(
    db,
    sql`SELECT 1 AS n FROM risk_meetings WHERE attachment_ids <> '{}'::uuid[] AND attachment_ids @> ARRAY[${attachmentId}]::uuid[]
          AND region_path LIKE ${`${escapeLike(scopePath)}%`} LIMIT 1`,
  );
  return !!hit;
}

export async function regionNameByPath(db: Db, path: string): Promise<string> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.path, path));
  return row?.name ?? '';
}
