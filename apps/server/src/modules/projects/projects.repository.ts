import type { MicroProjectState } from '@gewu/domain';
import { type SQL, and, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../platform/access.ts';
import { regions } from '../regions/regions.table.ts';
import { microProjectVotes, microProjects } from './projects.table.ts';
// The kind must be registered wherever projects are written (the sweep reads the registry).
import './projects.clocks.ts';

export type ProjectRow = typeof microProjects.$inferSelect & { villageName: string };
export type VoteRow = typeof microProjectVotes.$inferSelect;

const under = (column: unknown, path: string) => sql`${column} LIKE ${`${escapeLike(path)}%`}`;

const withVillage = (db: Db) =>
  db
    .select({ p: microProjects, villageName: regions.name })
    .from(microProjects)
    .innerJoin(regions, eq(regions.id, microProjects.villageId));

const flat = (r: { p: typeof microProjects.$inferSelect; villageName: string }): ProjectRow => ({
  ...r.p,
  villageName: r.villageName,
});

export async function projectInScope(db: Db, id: string, scopePath: string): Promise<ProjectRow | null> {
  const [row] = await withVillage(db).where(and(eq(microProjects.id, id), under(microProjects.regionPath, scopePath)));
  return row ? flat(row) : null;
}

export async function projectsInScope(db: Db, ids: string[], scopePath: string): Promise<ProjectRow[]> {
  if (!ids.length) return [];
  const rows = await withVillage(db).where(
    and(inArray(microProjects.id, ids), under(microProjects.regionPath, scopePath)),
  );
  return rows.map(flat);
}

export async function projectOfKey(db: Db, userId: string, key: string): Promise<ProjectRow | null> {
  const [row] = await withVillage(db).where(
    and(eq(microProjects.proposedBy, userId), eq(microProjects.idempotencyKey, key)),
  );
  return row ? flat(row) : null;
}

export async function pageOfProjects(
  db: Db,
  scopePath: string,
  q: { villageId?: string; state?: MicroProjectState; page: number; pageSize: number },
): Promise<{ rows: ProjectRow[]; total: number }> {
  const where = and(
    under(microProjects.regionPath, scopePath),
    q.villageId ? eq(microProjects.villageId, q.villageId) : undefined,
    q.state ? eq(microProjects.state, q.state) : undefined,
  ) as SQL;
  const rows = await withVillage(db)
    .where(where)
    .orderBy(desc(microProjects.createdAt), desc(microProjects.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [n] = await db.select({ n: count() }).from(microProjects).where(where);
  return { rows: rows.map(flat), total: n?.n ?? 0 };
}

export async function insertProject(db: Db, row: typeof microProjects.$inferInsert): Promise<string> {
  const [p] = await db.insert(microProjects).values(row).returning({ id: microProjects.id });
  return p?.id ?? '';
}

/** Moves a project on only from `from` (a concurrent change leaves it alone: false). */
export async function moveProject(
  db: Db,
  id: string,
  from: readonly MicroProjectState[],
  set: Partial<typeof microProjects.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(microProjects)
    .set(set)
    .where(and(eq(microProjects.id, id), inArray(microProjects.state, [...from])))
    .returning({ id: microProjects.id });
  return rows.length > 0;
}

export async function insertVote(db: Db, row: typeof microProjectVotes.$inferInsert): Promise<VoteRow> {
  const [v] = await db.insert(microProjectVotes).values(row).returning();
  return v as VoteRow;
}

export async function voteOfKey(db: Db, userId: string, key: string): Promise<VoteRow | null> {
  const [v] = await db
    .select()
    .from(microProjectVotes)
    .where(and(eq(microProjectVotes.recordedBy, userId), eq(microProjectVotes.idempotencyKey, key)));
  return v ?? null;
}

export async function votesByIds(db: Db, ids: string[]): Promise<VoteRow[]> {
  if (!ids.length) return [];
  return db.select().from(microProjectVotes).where(inArray(microProjectVotes.id, ids));
}

export async function projectsOfVote(db: Db, voteId: string): Promise<ProjectRow[]> {
  const rows = await withVillage(db).where(eq(microProjects.voteId, voteId)).orderBy(microProjects.createdAt);
  return rows.map(flat);
}

/** Whether a project in the actor's area carries this photo (proposal, before or after). */
export async function projectWithPhoto(db: Db, scopePath: string, attachmentId: string): Promise<boolean> {
  const id = sql`${attachmentId}::uuid`;
  const rows = await db
    .select({ id: microProjects.id })
    .from(microProjects)
    .where(
      and(
        under(microProjects.regionPath, scopePath),
        or(
          sql`${id} = ANY(${microProjects.photoIds})`,
          sql`${id} = ANY(${microProjects.beforePhotoIds})`,
          sql`${id} = ANY(${microProjects.afterPhotoIds})`,
        ),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
