import type { InspectionPlaceKind } from '@gewu/domain';
import { type SQL, and, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../platform/access.ts';
import { cases } from '../cases/cases.table.ts';
import { buildings, houses, keyPlaces, organisations } from '../people/people.table.ts';
import { inspectionAnswers, inspectionTemplates, inspections } from './inspections.table.ts';

export type TemplateRow = typeof inspectionTemplates.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;
export type AnswerRow = typeof inspectionAnswers.$inferSelect & { caseCode: string | null };

const under = (column: unknown, path: string) => sql`${column} LIKE ${`${escapeLike(path)}%`}`;

/** Template versions that apply at `path`: their region is `path` or above it ('' is everywhere). */
export function templatesAbove(db: Db, path: string): Promise<TemplateRow[]> {
  return db
    .select()
    .from(inspectionTemplates)
    .where(sql`starts_with(${path}, ${inspectionTemplates.regionPath})`)
    .orderBy(inspectionTemplates.key, inspectionTemplates.version);
}

export async function templateById(db: Db, id: string): Promise<TemplateRow | null> {
  const [row] = await db.select().from(inspectionTemplates).where(eq(inspectionTemplates.id, id));
  return row ?? null;
}

export async function templatesByIds(db: Db, ids: string[]): Promise<TemplateRow[]> {
  return ids.length ? db.select().from(inspectionTemplates).where(inArray(inspectionTemplates.id, ids)) : [];
}

export async function lastVersionOf(db: Db, key: string): Promise<number> {
  const [row] = await db
    .select({ v: sql<number>`coalesce(max(${inspectionTemplates.version}), 0)::int` })
    .from(inspectionTemplates)
    .where(eq(inspectionTemplates.key, key));
  return row?.v ?? 0;
}

export async function insertTemplate(db: Db, values: typeof inspectionTemplates.$inferInsert): Promise<TemplateRow> {
  const [row] = await db.insert(inspectionTemplates).values(values).returning();
  return row as TemplateRow;
}

/** Inserts the default version of each key unless some version of it exists (a race inserts nothing twice). */
export async function insertDefaultTemplates(db: Db, rows: (typeof inspectionTemplates.$inferInsert)[]) {
  if (rows.length) await db.insert(inspectionTemplates).values(rows).onConflictDoNothing();
}

export type PlaceRow = {
  id: string;
  name: string;
  regionPath: string;
  gridId: string | null;
  lon: number | null;
  lat: number | null;
};

/** A key place, organisation or house inside `scopePath` (a house's point is its building's). */
export async function placeInScope(
  db: Db,
  kind: InspectionPlaceKind,
  id: string,
  scopePath: string,
): Promise<PlaceRow | null> {
  if (kind === 'key_place') {
    const [row] = await db
      .select({
        id: keyPlaces.id,
        name: keyPlaces.name,
        regionPath: keyPlaces.regionPath,
        gridId: keyPlaces.gridId,
        lon: keyPlaces.lon,
        lat: keyPlaces.lat,
      })
      .from(keyPlaces)
      .where(and(eq(keyPlaces.id, id), under(keyPlaces.regionPath, scopePath)));
    return row ?? null;
  }
  if (kind === 'organisation') {
    const [row] = await db
      .select({
        id: organisations.id,
        name: organisations.name,
        regionPath: organisations.regionPath,
        gridId: organisations.gridId,
      })
      .from(organisations)
      .where(and(eq(organisations.id, id), under(organisations.regionPath, scopePath)));
    return row ? { ...row, lon: null, lat: null } : null;
  }
  const [row] = await db
    .select({
      id: houses.id,
      name: houses.address,
      regionPath: houses.regionPath,
      gridId: houses.gridId,
      lon: buildings.lon,
      lat: buildings.lat,
    })
    .from(houses)
    .leftJoin(buildings, eq(buildings.id, houses.buildingId))
    .where(and(eq(houses.id, id), under(houses.regionPath, scopePath)));
  return row ?? null;
}

export async function inspectionOfClient(db: Db, inspectorId: string, clientId: string): Promise<InspectionRow | null> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.inspectorId, inspectorId), eq(inspections.clientId, clientId)));
  return row ?? null;
}

export async function inspectionInScope(db: Db, id: string, scopePath: string): Promise<InspectionRow | null> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), under(inspections.regionPath, scopePath)));
  return row ?? null;
}

export async function insertInspection(
  db: Db,
  values: typeof inspections.$inferInsert,
  answers: Omit<typeof inspectionAnswers.$inferInsert, 'inspectionId'>[],
): Promise<string> {
  const [row] = await db.insert(inspections).values(values).returning({ id: inspections.id });
  const id = (row as { id: string }).id;
  if (answers.length) await db.insert(inspectionAnswers).values(answers.map((a) => ({ ...a, inspectionId: id })));
  return id;
}

export async function answersOf(db: Db, ids: string[]): Promise<AnswerRow[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ a: inspectionAnswers, caseCode: cases.code })
    .from(inspectionAnswers)
    .leftJoin(cases, eq(cases.id, inspectionAnswers.caseId))
    .where(inArray(inspectionAnswers.inspectionId, ids));
  return rows.map((r) => ({ ...r.a, caseCode: r.caseCode }));
}

/** Links a failed answer to its case, unless another call linked one first; returns the linked case id. */
export async function linkCase(db: Db, inspectionId: string, key: string, caseId: string): Promise<string | null> {
  await db
    .update(inspectionAnswers)
    .set({ caseId })
    .where(
      and(
        eq(inspectionAnswers.inspectionId, inspectionId),
        eq(inspectionAnswers.itemKey, key),
        sql`${inspectionAnswers.caseId} IS NULL`,
      ),
    );
  const [row] = await db
    .select({ caseId: inspectionAnswers.caseId })
    .from(inspectionAnswers)
    .where(and(eq(inspectionAnswers.inspectionId, inspectionId), eq(inspectionAnswers.itemKey, key)));
  return row?.caseId ?? null;
}

export type InspectionFilter = {
  placeKind?: InspectionPlaceKind;
  placeId?: string;
  templateKey?: string;
  /** Performed at or after `start`, before `end`. */
  start?: Date;
  end?: Date;
  failedOnly?: boolean;
  page: number;
  pageSize: number;
};

export async function pageOfInspections(db: Db, scopePath: string, q: InspectionFilter) {
  const where = and(
    under(inspections.regionPath, scopePath),
    q.placeKind ? eq(inspections.placeKind, q.placeKind) : undefined,
    q.placeId ? eq(inspections.placeId, q.placeId) : undefined,
    q.templateKey ? eq(inspections.templateKey, q.templateKey) : undefined,
    q.start ? gte(inspections.performedAt, q.start) : undefined,
    q.end ? lt(inspections.performedAt, q.end) : undefined,
    q.failedOnly ? sql`${inspections.failedCount} > 0` : undefined,
  ) as SQL;
  const rows = await db
    .select()
    .from(inspections)
    .where(where)
    .orderBy(desc(inspections.performedAt), desc(inspections.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(inspections).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The place's latest inspection with a template key, inside `scopePath`. */
export async function lastInspection(
  db: Db,
  scopePath: string,
  kind: InspectionPlaceKind,
  placeId: string,
  templateKey: string,
): Promise<InspectionRow | null> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(
      and(
        under(inspections.regionPath, scopePath),
        eq(inspections.placeKind, kind),
        eq(inspections.placeId, placeId),
        eq(inspections.templateKey, templateKey),
      ),
    )
    .orderBy(desc(inspections.performedAt), desc(inspections.createdAt))
    .limit(1);
  return row ?? null;
}

/** Counts of a period in `scopePath`, by template: inspections, those with a failure, failed items, cases made. */
export async function figuresOf(db: Db, scopePath: string, from: Date, to: Date) {
  const period = and(
    under(inspections.regionPath, scopePath),
    sql`${inspections.performedAt} >= ${from.toISOString()}`,
    sql`${inspections.performedAt} < ${to.toISOString()}`,
  );
  const byTemplate = await db
    .select({
      templateKey: inspections.templateKey,
      inspections: sql<number>`count(*)::int`,
      withFailures: sql<number>`count(*) FILTER (WHERE ${inspections.failedCount} > 0)::int`,
      failedItems: sql<number>`coalesce(sum(${inspections.failedCount}), 0)::int`,
    })
    .from(inspections)
    .where(period)
    .groupBy(inspections.templateKey)
    .orderBy(inspections.templateKey);
  const [made] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inspectionAnswers)
    .innerJoin(inspections, eq(inspections.id, inspectionAnswers.inspectionId))
    .where(and(period, sql`${inspectionAnswers.caseId} IS NOT NULL`));
  return { byTemplate, casesMade: made?.n ?? 0 };
}

/** Whether an inspection inside `scopePath` carries the photo (who may see it may see the photo). */
export async function inspectionWithPhoto(db: Db, scopePath: string, attachmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: inspections.id })
    .from(inspectionAnswers)
    .innerJoin(inspections, eq(inspections.id, inspectionAnswers.inspectionId))
    .where(
      and(under(inspections.regionPath, scopePath), sql`${attachmentId}::uuid = ANY(${inspectionAnswers.photoIds})`),
    )
    .limit(1);
  return rows.length > 0;
}
