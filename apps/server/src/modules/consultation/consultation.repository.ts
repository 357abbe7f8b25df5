import { type SQL, and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inScope } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { clockLights, replaceDeadlines, scheduleDeadlines } from '../../platform/clocks/index.ts';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';
import { topicImplementationClock, topicResponseClock } from './consultation.clocks.ts';
import { consultationSettings, consultationSupports, consultationTopics } from './consultation.table.ts';

export type TopicRow = typeof consultationTopics.$inferSelect;
export type SettingsRow = typeof consultationSettings.$inferSelect;

const responseLights = (t: Pick<TopicRow, 'responseWarnAt' | 'responseDeadline'>) =>
  clockLights({ stage: 'response', warnAt: t.responseWarnAt, deadline: t.responseDeadline });
const implementationLights = (t: Pick<TopicRow, 'implementationWarnAt' | 'implementationDeadline'>) =>
  clockLights({ stage: 'implementation', warnAt: t.implementationWarnAt, deadline: t.implementationDeadline });

/** A topic with its village's name and its raiser's name (shown masked). */
const withNames = {
  t: consultationTopics,
  villageName: regions.name,
  raiserName: users.displayName,
};
export type TopicWithNames = { t: TopicRow; villageName: string; raiserName: string };

export function topicsWhere(db: Db, where: SQL, limit = 500): Promise<TopicWithNames[]> {
  return db
    .select(withNames)
    .from(consultationTopics)
    .innerJoin(regions, eq(regions.id, consultationTopics.regionId))
    .innerJoin(users, eq(users.id, consultationTopics.raiserId))
    .where(where)
    .orderBy(desc(consultationTopics.raisedAt))
    .limit(limit);
}

export async function findTopicWhere(db: Db, id: string, where: SQL): Promise<TopicWithNames | null> {
  const [row] = await topicsWhere(db, and(eq(consultationTopics.id, id), where) as SQL, 1);
  return row ?? null;
}

export async function findTopicByKey(db: Db, raiserId: string, key: string): Promise<TopicRow | null> {
  const [row] = await db
    .select()
    .from(consultationTopics)
    .where(and(eq(consultationTopics.raiserId, raiserId), eq(consultationTopics.idempotencyKey, key)));
  return row ?? null;
}

/** Inserts a raised topic and starts its response clock. */
export async function insertTopic(db: Db, values: typeof consultationTopics.$inferInsert): Promise<TopicRow> {
  const [row] = await db.insert(consultationTopics).values(values).returning();
  const t = row as TopicRow;
  await scheduleDeadlines(db, topicResponseClock, t.id, responseLights(t));
  return t;
}

/**
 * Moves a topic from `from` to its next state with `changes`, in one conditional update (a topic that
 * moved on meanwhile is left alone: null), and stops/starts the clocks the transition names.
 */
export async function moveTopic(
  db: Db,
  before: TopicRow,
  changes: Partial<typeof consultationTopics.$inferInsert>,
): Promise<TopicRow | null> {
  const [row] = await db
    .update(consultationTopics)
    .set(changes)
    .where(and(eq(consultationTopics.id, before.id), eq(consultationTopics.state, before.state)))
    .returning();
  if (!row) return null;
  if (before.state === 'raised') await replaceDeadlines(db, topicResponseClock, row.id, responseLights(before), []);
  await replaceDeadlines(
    db,
    topicImplementationClock,
    row.id,
    implementationLights(before),
    row.state === 'implementing' ? implementationLights(row) : [],
  );
  return row;
}

/** Adds a support unless there is one; returns whether it was added (and bumps the count). */
export async function addSupport(db: Db, topicId: string, userId: string, at: Date): Promise<boolean> {
  const added = await db
    .insert(consultationSupports)
    .values({ topicId, userId, supportedAt: at })
    .onConflictDoNothing()
    .returning({ topicId: consultationSupports.topicId });
  if (!added.length) return false;
  await db
    .update(consultationTopics)
    .set({ supports: sql`${consultationTopics.supports} + 1` })
    .where(eq(consultationTopics.id, topicId));
  return true;
}

export async function hasSupported(db: Db, topicId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: consultationSupports.topicId })
    .from(consultationSupports)
    .where(and(eq(consultationSupports.topicId, topicId), eq(consultationSupports.userId, userId)));
  return !!row;
}

/** Of `topicIds`, those `userId` supports. */
export async function supportedAmong(db: Db, topicIds: string[], userId: string): Promise<Set<string>> {
  if (!topicIds.length) return new Set();
  const rows = await db
    .select({ id: consultationSupports.topicId })
    .from(consultationSupports)
    .where(and(inArray(consultationSupports.topicId, topicIds), eq(consultationSupports.userId, userId)));
  return new Set(rows.map((r) => r.id));
}

export async function settingsOf(db: Db, regionIds: string[]): Promise<SettingsRow[]> {
  if (!regionIds.length) return [];
  return db.select().from(consultationSettings).where(inArray(consultationSettings.regionId, regionIds));
}

export async function saveSettings(db: Db, values: typeof consultationSettings.$inferInsert): Promise<void> {
  const { regionId: _regionId, ...rest } = values;
  await db
    .insert(consultationSettings)
    .values(values)
    .onConflictDoUpdate({ target: consultationSettings.regionId, set: rest });
}

/** The villages of the actor's area, for the settings view. */
export function villagesUnder(db: Db, actor: Pick<Actor, 'regionPath'>) {
  return db
    .select({ id: regions.id, name: regions.name, path: regions.path })
    .from(regions)
    .where(and(eq(regions.level, 'village'), inScope(actor, regions.path)));
}

/** The notices published from a topic (决议, 实施结果). */
export async function setNoticeIds(db: Db, id: string, noticeIds: string[]): Promise<void> {
  await db.update(consultationTopics).set({ noticeIds }).where(eq(consultationTopics.id, id));
}
