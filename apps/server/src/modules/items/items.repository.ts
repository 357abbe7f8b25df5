import { type SQL, and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { escapeLike, inScope } from '../../platform/access.ts';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';
import { itemAdmissions, items } from './items.table.ts';

export type ItemRow = typeof items.$inferSelect;
export type AdmissionRow = typeof itemAdmissions.$inferSelect;
export type AdmissionState = AdmissionRow['state'];

export interface ItemFilter {
  q?: string;
  categoryCode?: string;
  publicOnly?: boolean;
  gridEligible?: boolean;
  activeOnly?: boolean;
}

export async function listItems(db: Db, f: ItemFilter): Promise<ItemRow[]> {
  const like = f.q ? `%${escapeLike(f.q)}%` : null;
  return db
    .select()
    .from(items)
    .where(
      and(
        like
          ? or(
              ilike(items.name, like),
              ilike(items.code, like),
              sql`array_to_string(${items.keywords}, ' ') ILIKE ${like}`,
            )
          : undefined,
        f.categoryCode ? eq(items.categoryCode, f.categoryCode) : undefined,
        f.publicOnly ? eq(items.publicReport, true) : undefined,
        f.gridEligible === undefined ? undefined : eq(items.gridEligible, f.gridEligible),
        f.activeOnly ? eq(items.active, true) : undefined,
      ),
    )
    .orderBy(asc(items.code));
}

/** One catalogue item by its 5-digit code, or null. */
export async function getItemByCode(db: Db, code: string): Promise<ItemRow | null> {
  const [row] = await db.select().from(items).where(eq(items.code, code)).limit(1);
  return row ?? null;
}

/** Whether the item takes public reports (undefined when there is no such item). */
export async function itemTakesPublicReports(db: Db, id: string): Promise<boolean | undefined> {
  const [item] = await db.select({ publicReport: items.publicReport }).from(items).where(eq(items.id, id));
  return item?.publicReport;
}

/** The active items open to public reports (Open311's services), by code. */
export async function listPublicItems(db: Db): Promise<ItemRow[]> {
  return db
    .select()
    .from(items)
    .where(and(eq(items.active, true), eq(items.publicReport, true)))
    .orderBy(asc(items.code));
}

/** One active item open to public reports, by its code. */
export async function findPublicItem(db: Db, code: string): Promise<ItemRow | undefined> {
  const [item] = await db
    .select()
    .from(items)
    .where(and(eq(items.code, code), eq(items.active, true), eq(items.publicReport, true)));
  return item;
}

export async function insertItem(db: Db, values: typeof items.$inferInsert): Promise<ItemRow> {
  const [row] = await db.insert(items).values(values).returning();
  return row as ItemRow;
}

export async function updateItem(db: Db, id: string, set: Partial<typeof items.$inferInsert>): Promise<ItemRow> {
  const [row] = await db.update(items).set(set).where(eq(items.id, id)).returning();
  return row as ItemRow;
}

/** The row's region path is an ancestor of (or equal to) `path`. */
const covers = (path: string) => sql`starts_with(${path}, ${itemAdmissions.regionPath})`;

/**
 * Whether an item may go to a grid worker at a location: an active admission exists for a region
 * at or above the location, and the item is not on the negative list (负面清单).
 */
export async function isItemAdmitted(db: Db, itemId: string, caseRegionPath: string): Promise<boolean> {
  const [row] = await db
    .select({ id: itemAdmissions.id })
    .from(itemAdmissions)
    .innerJoin(items, eq(items.id, itemAdmissions.itemId))
    .where(
      and(
        eq(itemAdmissions.itemId, itemId),
        eq(itemAdmissions.state, 'active'),
        eq(items.negativeList, false),
        covers(caseRegionPath),
      ),
    )
    .limit(1);
  return !!row;
}

export async function findLiveAdmission(db: Db, itemId: string, regionId: string): Promise<AdmissionRow | null> {
  const [row] = await db
    .select()
    .from(itemAdmissions)
    .where(
      and(
        eq(itemAdmissions.itemId, itemId),
        eq(itemAdmissions.regionId, regionId),
        inArray(itemAdmissions.state, ['proposed', 'active']),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function liveAdmissionsOfItem(db: Db, itemId: string): Promise<AdmissionRow[]> {
  return db
    .select()
    .from(itemAdmissions)
    .where(and(eq(itemAdmissions.itemId, itemId), inArray(itemAdmissions.state, ['proposed', 'active'])));
}

export async function insertAdmission(db: Db, values: typeof itemAdmissions.$inferInsert): Promise<AdmissionRow> {
  const [row] = await db.insert(itemAdmissions).values(values).returning();
  return row as AdmissionRow;
}

/** Moves an admission on only from the state it was read in, so two deciders never both win. */
export async function moveAdmission(
  db: Db,
  id: string,
  from: AdmissionState,
  set: Partial<typeof itemAdmissions.$inferInsert>,
): Promise<AdmissionRow | null> {
  const [row] = await db
    .update(itemAdmissions)
    .set(set)
    .where(and(eq(itemAdmissions.id, id), eq(itemAdmissions.state, from)))
    .returning();
  return row ?? null;
}

/** Admissions the actor may read: in their subtree, or at a region above them (they apply to it). */
function visible(actor: Pick<Actor, 'regionPath'>): SQL {
  return sql`(${inScope(actor, itemAdmissions.regionPath)} OR ${sql`starts_with(${actor.regionPath}, ${itemAdmissions.regionPath})`})`;
}

export async function findVisibleAdmission(
  db: Db,
  actor: Pick<Actor, 'regionPath'>,
  id: string,
): Promise<AdmissionRow | null> {
  const [row] = await db
    .select()
    .from(itemAdmissions)
    .where(and(eq(itemAdmissions.id, id), visible(actor)))
    .limit(1);
  return row ?? null;
}

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');
const withdrawer = alias(users, 'withdrawer');

export interface AdmissionFilter {
  state?: AdmissionState;
  regionId?: string;
  itemId?: string;
  ids?: string[];
}

const admissionColumns = {
  admission: itemAdmissions,
  itemCode: items.code,
  itemName: items.name,
  regionCode: regions.code,
  regionName: regions.name,
  regionLevel: regions.level,
  proposedByName: proposer.displayName,
  decidedByName: decider.displayName,
  withdrawnByName: withdrawer.displayName,
};
export type AdmissionListRow = {
  admission: AdmissionRow;
  itemCode: string;
  itemName: string;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  proposedByName: string | null;
  decidedByName: string | null;
  withdrawnByName: string | null;
};

export async function listAdmissions(
  db: Db,
  actor: Pick<Actor, 'regionPath'>,
  f: AdmissionFilter,
  page: number,
  pageSize: number,
) {
  const where = and(
    visible(actor),
    f.state ? eq(itemAdmissions.state, f.state) : undefined,
    f.regionId ? eq(itemAdmissions.regionId, f.regionId) : undefined,
    f.itemId ? eq(itemAdmissions.itemId, f.itemId) : undefined,
    f.ids ? inArray(itemAdmissions.id, f.ids) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(admissionColumns)
      .from(itemAdmissions)
      .innerJoin(items, eq(items.id, itemAdmissions.itemId))
      .innerJoin(regions, eq(regions.id, itemAdmissions.regionId))
      .leftJoin(proposer, eq(proposer.id, itemAdmissions.proposedBy))
      .leftJoin(decider, eq(decider.id, itemAdmissions.decidedBy))
      .leftJoin(withdrawer, eq(withdrawer.id, itemAdmissions.withdrawnBy))
      .where(where)
      .orderBy(desc(itemAdmissions.proposedAt), asc(items.code))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(itemAdmissions).where(where),
  ]);
  return { rows: rows as AdmissionListRow[], total: total?.n ?? 0 };
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return (err?.code ?? err?.cause?.code) === '23505';
}
