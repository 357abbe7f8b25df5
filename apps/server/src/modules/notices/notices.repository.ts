import {
  type NoticeBoardSettings,
  type PeriodicNoticeCategory,
  PERIODIC_NOTICE_CATEGORIES,
  noticeCadence,
  noticeDueInstants,
  noticeDueOn,
} from '@gewu/domain';
import { type SQL, and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { clockLights, replaceDeadlines, scheduleDeadlines } from '../../platform/clocks/index.ts';
import { noticeDueClock, noticeInquiryClock } from './notices.clocks.ts';
import { noticeBoards, noticeInquiries, noticeSchedules, notices } from './notices.table.ts';

export type NoticeRow = typeof notices.$inferSelect;
export type InquiryRow = typeof noticeInquiries.$inferSelect;
export type ScheduleRow = typeof noticeSchedules.$inferSelect;

export async function findNoticeWhere(db: Db, id: string, visible: SQL): Promise<NoticeRow | null> {
  const [row] = await db
    .select()
    .from(notices)
    .where(and(eq(notices.id, id), visible));
  return row ?? null;
}

export async function findNoticeByKey(db: Db, userId: string, key: string): Promise<NoticeRow | null> {
  const [row] = await db
    .select()
    .from(notices)
    .where(and(eq(notices.createdBy, userId), eq(notices.idempotencyKey, key)));
  return row ?? null;
}

export async function findNoticeFromRecord(db: Db, regionId: string, sourceRef: string): Promise<NoticeRow | null> {
  const [row] = await db
    .select()
    .from(notices)
    .where(and(eq(notices.regionId, regionId), eq(notices.sourceRef, sourceRef), eq(notices.version, 1)));
  return row ?? null;
}

export async function insertNotice(db: Db, values: typeof notices.$inferInsert): Promise<NoticeRow> {
  const [row] = await db.insert(notices).values(values).returning();
  return row as NoticeRow;
}

/** Updates a draft at its row version; null when someone else changed it first (or it is no longer a draft). */
export async function updateDraft(
  db: Db,
  id: string,
  rowVersion: number,
  values: Partial<typeof notices.$inferInsert>,
): Promise<NoticeRow | null> {
  const [row] = await db
    .update(notices)
    .set({ ...values, rowVersion: rowVersion + 1 })
    .where(and(eq(notices.id, id), eq(notices.rowVersion, rowVersion), eq(notices.state, 'draft')))
    .returning();
  return row ?? null;
}

/** Marks the current version superseded (the one change the database lets a published row take). */
export async function markSuperseded(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(notices)
    .set({ state: 'superseded', supersededAt: at })
    .where(and(eq(notices.id, id), eq(notices.state, 'published')))
    .returning({ id: notices.id });
  return rows.length === 1;
}

/** Every version of a series, oldest first (drafts left out unless asked). */
export function seriesVersions(db: Db, seriesIds: string[], withDrafts = false) {
  if (!seriesIds.length) return Promise.resolve([] as NoticeRow[]);
  return db
    .select()
    .from(notices)
    .where(and(inArray(notices.seriesId, seriesIds), withDrafts ? undefined : ne(notices.state, 'draft')))
    .orderBy(asc(notices.version));
}

/** A board's drafts and current notices (or only the published ones), newest first. */
export function boardNotices(db: Db, regionId: string, withDrafts: boolean) {
  return db
    .select()
    .from(notices)
    .where(
      and(
        eq(notices.regionId, regionId),
        withDrafts ? or(eq(notices.state, 'draft'), eq(notices.state, 'published')) : eq(notices.state, 'published'),
      ),
    )
    .orderBy(sql`${notices.publishedAt} DESC NULLS FIRST`, desc(notices.createdAt))
    .limit(500);
}

export async function boardSettings(db: Db, regionId: string): Promise<NoticeBoardSettings & { exists: boolean }> {
  const [row] = await db.select().from(noticeBoards).where(eq(noticeBoards.regionId, regionId));
  return { manyFinanceTransactions: row?.manyFinanceTransactions ?? false, exists: !!row };
}

export async function saveBoardSettings(
  db: Db,
  region: { id: string; path: string },
  settings: NoticeBoardSettings,
  at: Date,
): Promise<void> {
  await db
    .insert(noticeBoards)
    .values({ regionId: region.id, regionPath: region.path, ...settings, updatedAt: at })
    .onConflictDoUpdate({ target: noticeBoards.regionId, set: { ...settings, updatedAt: at } });
}

export function boardSchedules(db: Db, regionId: string) {
  return db.select().from(noticeSchedules).where(eq(noticeSchedules.regionId, regionId));
}

const lightsOf = (s: Pick<ScheduleRow, 'category' | 'warnAt' | 'deadline'> | undefined) =>
  clockLights(s ? { stage: s.category, warnAt: s.warnAt, deadline: s.deadline } : null);

/**
 * Sets the periodic duties of a board from its publications: each periodic category's next due date
 * (noticeDueOn, art. 30) from its last publication (`published`: the category just published, today
 * in local time), its clock restarted on the engine. Creates the board and its schedules with its first
 * publication; a settings change recounts every category.
 */
export async function refreshSchedules(
  db: Db,
  region: { id: string; path: string },
  now: Date,
  utcOffsetMinutes: number,
  published: PeriodicNoticeCategory | null,
): Promise<void> {
  const today = new Date(now.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  const settings = await boardSettings(db, region.id);
  if (!settings.exists) await saveBoardSettings(db, region, settings, now);
  const existing = new Map((await boardSchedules(db, region.id)).map((s) => [s.category, s]));
  for (const category of PERIODIC_NOTICE_CATEGORIES) {
    const before = existing.get(category);
    const last = category === published ? today : (before?.lastPublishedOn ?? null);
    const dueOn = noticeDueOn(category, last, today, settings) as string;
    const cadence = noticeCadence(category, settings).kind;
    const { warnAt, deadline } = noticeDueInstants(dueOn, cadence, utcOffsetMinutes);
    if (before && before.dueOn === dueOn && before.lastPublishedOn === last) continue;
    const values = { lastPublishedOn: last, dueOn, warnAt, deadline };
    const [row] = before
      ? await db.update(noticeSchedules).set(values).where(eq(noticeSchedules.id, before.id)).returning()
      : await db
          .insert(noticeSchedules)
          .values({ regionId: region.id, regionPath: region.path, category, ...values })
          .returning();
    if (row) await replaceDeadlines(db, noticeDueClock, row.id, lightsOf(before), lightsOf(row));
  }
}

export async function insertInquiry(db: Db, values: typeof noticeInquiries.$inferInsert): Promise<InquiryRow> {
  const [row] = await db.insert(noticeInquiries).values(values).returning();
  const q = row as InquiryRow;
  await scheduleDeadlines(
    db,
    noticeInquiryClock,
    q.id,
    clockLights({ stage: 'answer', warnAt: q.warnAt, deadline: q.deadline }),
  );
  return q;
}

export async function findInquiryByKey(db: Db, askerId: string, key: string): Promise<InquiryRow | null> {
  const [row] = await db
    .select()
    .from(noticeInquiries)
    .where(and(eq(noticeInquiries.askerId, askerId), eq(noticeInquiries.idempotencyKey, key)));
  return row ?? null;
}

export async function findInquiryWhere(db: Db, id: string, where: SQL): Promise<InquiryRow | null> {
  const [row] = await db
    .select()
    .from(noticeInquiries)
    .where(and(eq(noticeInquiries.id, id), where));
  return row ?? null;
}

/** Records the answer of an open question and stops its clock; null when it was already answered. */
export async function answerOpenInquiry(
  db: Db,
  q: InquiryRow,
  answer: { answer: string; answeredAt: Date; answeredBy: string },
): Promise<InquiryRow | null> {
  const [row] = await db
    .update(noticeInquiries)
    .set(answer)
    .where(and(eq(noticeInquiries.id, q.id), isNull(noticeInquiries.answeredAt)))
    .returning();
  if (!row) return null;
  await replaceDeadlines(
    db,
    noticeInquiryClock,
    q.id,
    clockLights({ stage: 'answer', warnAt: q.warnAt, deadline: q.deadline }),
    [],
  );
  return row;
}

/** Questions with the title of the notice asked about, by a condition, oldest first. */
export function inquiriesWhere(db: Db, where: SQL, limit = 500) {
  return db
    .select({ q: noticeInquiries, noticeTitle: notices.title })
    .from(noticeInquiries)
    .innerJoin(notices, eq(notices.id, noticeInquiries.noticeId))
    .where(where)
    .orderBy(asc(noticeInquiries.askedAt))
    .limit(limit);
}
