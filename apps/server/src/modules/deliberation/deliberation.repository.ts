import { DELIBERATION_STAGES, type DeliberationStage } from '@gewu/domain';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { escapeLike } from '../../platform/access.ts';
import {
  deliberationBodies,
  deliberationMatters,
  deliberationRollMembers,
  deliberationStages,
} from './deliberation.table.ts';

export type BodyRow = typeof deliberationBodies.$inferSelect;
export type MemberRow = typeof deliberationRollMembers.$inferSelect;
export type MatterRow = typeof deliberationMatters.$inferSelect;
export type StageRow = typeof deliberationStages.$inferSelect;

const under = (column: unknown, path: string) => sql`${column} LIKE ${`${escapeLike(path)}%`}`;

export async function bodyInScope(db: Db, id: string, scopePath: string): Promise<BodyRow | null> {
  const [row] = await db
    .select()
    .from(deliberationBodies)
    .where(and(eq(deliberationBodies.id, id), under(deliberationBodies.regionPath, scopePath)));
  return row ?? null;
}

export async function bodyOfVillage(db: Db, villageId: string, kind: BodyRow['kind']): Promise<BodyRow | null> {
  const [row] = await db
    .select()
    .from(deliberationBodies)
    .where(and(eq(deliberationBodies.villageId, villageId), eq(deliberationBodies.kind, kind)));
  return row ?? null;
}

/** The bodies in scope (of one village when given), with their current roll size. */
export function bodiesInScope(db: Db, scopePath: string, villageId?: string) {
  return db
    .select({
      id: deliberationBodies.id,
      villageId: deliberationBodies.villageId,
      regionPath: deliberationBodies.regionPath,
      kind: deliberationBodies.kind,
      basis: deliberationBodies.basis,
      // Spelled out: a column interpolated here renders unqualified ("id"), which the subquery reads as m.id.
      rollSize: sql<number>`(SELECT count(*)::int FROM deliberation_roll_members m WHERE m.body_id = deliberation_bodies.id AND m.removed_at IS NULL)`,
    })
    .from(deliberationBodies)
    .where(
      and(
        under(deliberationBodies.regionPath, scopePath),
        villageId ? eq(deliberationBodies.villageId, villageId) : undefined,
      ),
    )
    .orderBy(asc(deliberationBodies.regionPath), asc(deliberationBodies.kind));
}

export async function insertBody(db: Db, row: typeof deliberationBodies.$inferInsert): Promise<BodyRow> {
  const [b] = await db.insert(deliberationBodies).values(row).returning();
  return b as BodyRow;
}

export async function insertMembers(db: Db, rows: (typeof deliberationRollMembers.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(deliberationRollMembers).values(rows.slice(i, i + 1000));
}

/** The roll now, then the entries removed (newest first). */
export function membersOf(db: Db, bodyId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(deliberationRollMembers)
    .where(eq(deliberationRollMembers.bodyId, bodyId))
    .orderBy(
      sql`${deliberationRollMembers.removedAt} IS NOT NULL`,
      desc(deliberationRollMembers.removedAt),
      asc(deliberationRollMembers.label),
      asc(deliberationRollMembers.id),
    );
}

export function currentMembers(db: Db, bodyId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(deliberationRollMembers)
    .where(and(eq(deliberationRollMembers.bodyId, bodyId), isNull(deliberationRollMembers.removedAt)))
    .orderBy(asc(deliberationRollMembers.label), asc(deliberationRollMembers.id));
}

/** Marks entries removed with the reason; returns how many were on the roll. */
export async function removeMembers(
  db: Db,
  bodyId: string,
  ids: string[],
  at: Date,
  reason: string,
  by: string,
): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db
    .update(deliberationRollMembers)
    .set({ removedAt: at, removedReason: reason, removedBy: by })
    .where(
      and(
        eq(deliberationRollMembers.bodyId, bodyId),
        inArray(deliberationRollMembers.id, ids),
        isNull(deliberationRollMembers.removedAt),
      ),
    )
    .returning({ id: deliberationRollMembers.id });
  return rows.length;
}

export async function touchBody(db: Db, id: string, at: Date): Promise<void> {
  await db.update(deliberationBodies).set({ updatedAt: at }).where(eq(deliberationBodies.id, id));
}

export async function matterInScope(db: Db, id: string, scopePath: string): Promise<MatterRow | null> {
  const [row] = await db
    .select()
    .from(deliberationMatters)
    .where(and(eq(deliberationMatters.id, id), under(deliberationMatters.regionPath, scopePath)));
  return row ?? null;
}

export async function matterOfKey(db: Db, userId: string, key: string): Promise<MatterRow | null> {
  const [row] = await db
    .select()
    .from(deliberationMatters)
    .where(and(eq(deliberationMatters.createdBy, userId), eq(deliberationMatters.idempotencyKey, key)));
  return row ?? null;
}

export async function insertMatter(db: Db, row: typeof deliberationMatters.$inferInsert): Promise<MatterRow> {
  const [m] = await db.insert(deliberationMatters).values(row).returning();
  return m as MatterRow;
}

export async function pageOfMatters(
  db: Db,
  scopePath: string,
  q: { villageId?: string; page: number; pageSize: number },
): Promise<{ rows: MatterRow[]; total: number }> {
  const where = and(
    under(deliberationMatters.regionPath, scopePath),
    q.villageId ? eq(deliberationMatters.villageId, q.villageId) : undefined,
  );
  const [rows, [t]] = await Promise.all([
    db
      .select()
      .from(deliberationMatters)
      .where(where)
      .orderBy(desc(deliberationMatters.createdAt), desc(deliberationMatters.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(deliberationMatters).where(where),
  ]);
  return { rows, total: t?.n ?? 0 };
}

/** The open stages on the clock (the publications) of a page of matters, in one query. */
export function clockedStagesOf(db: Db, matterIds: string[]): Promise<StageRow[]> {
  if (matterIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(deliberationStages)
    .where(
      and(
        inArray(deliberationStages.matterId, matterIds),
        eq(deliberationStages.status, 'open'),
        isNotNull(deliberationStages.dueAt),
      ),
    );
}

export function stagesOf(db: Db, matterId: string): Promise<StageRow[]> {
  return db.select().from(deliberationStages).where(eq(deliberationStages.matterId, matterId));
}

/** Every stage of a new matter: the first open, the rest pending. */
export async function insertStages(db: Db, matterId: string, openedAt: Date): Promise<void> {
  await db.insert(deliberationStages).values(
    DELIBERATION_STAGES.map((stage, i) => ({
      matterId,
      stage,
      status: i === 0 ? ('open' as const) : ('pending' as const),
      openedAt: i === 0 ? openedAt : null,
    })),
  );
}

/**
 * Moves a stage on, only from the status the caller saw (a concurrent or repeated request changes
 * nothing and gets false).
 */
export async function updateStage(
  db: Db,
  matterId: string,
  stage: DeliberationStage,
  from: StageRow['status'],
  set: Partial<typeof deliberationStages.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(deliberationStages)
    .set(set)
    .where(
      and(
        eq(deliberationStages.matterId, matterId),
        eq(deliberationStages.stage, stage),
        eq(deliberationStages.status, from),
      ),
    )
    .returning({ stage: deliberationStages.stage });
  return rows.length === 1;
}

export async function setMatterStage(
  db: Db,
  id: string,
  set: Partial<Pick<MatterRow, 'stage' | 'implementationDue' | 'updatedAt'>>,
): Promise<void> {
  await db.update(deliberationMatters).set(set).where(eq(deliberationMatters.id, id));
}

/** Whether a stage of a matter in scope carries this attachment (for the attachments route). */
export async function stageWithAttachment(db: Db, scopePath: string, attachmentId: string): Promise<boolean> {
  const [hit] = await queryRows<{ n: number }>(
    db,
    sql`SELECT 1 AS n FROM deliberation_stages s JOIN deliberation_matters m ON m.id = s.matter_id
          WHERE s.attachment_ids <> '{}'::uuid[] AND s.attachment_ids @> ARRAY[${attachmentId}]::uuid[]
            AND m.region_path LIKE ${`${escapeLike(scopePath)}%`} LIMIT 1`,
  );
  return !!hit;
}
