import { MEDIATOR_HOLDING_STATES, DISPUTE_TERMINAL_STATES } from '@gewu/domain';
import { type SQL, and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows, sqlList } from '../../db/client.ts';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';
import { disputeTypes, mediationOrganisations, mediators } from './disputes.table.ts';

export type OrganisationRow = typeof mediationOrganisations.$inferSelect;
export type DisputeTypeRow = typeof disputeTypes.$inferSelect;

const HOLDING = sqlList(MEDIATOR_HOLDING_STATES);
const ENDED = sqlList(DISPUTE_TERMINAL_STATES);

/** Organisations matching `where`, with their region's name and their open load (disputes diverted to them, not ended). */
export async function listOrganisations(db: Db, where: SQL | undefined) {
  return db
    .select({
      o: mediationOrganisations,
      regionName: regions.name,
      openLoad: sql<number>`(SELECT count(*)::int FROM disputes d WHERE d.organisation_id = ${mediationOrganisations.id} AND d.state NOT IN (${ENDED}))`,
    })
    .from(mediationOrganisations)
    .innerJoin(regions, eq(regions.id, mediationOrganisations.regionId))
    .where(where)
    .orderBy(asc(mediationOrganisations.regionPath), asc(mediationOrganisations.name));
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(mediationOrganisations).where(eq(mediationOrganisations.id, id));
  return row;
}

export async function insertOrganisation(db: Db, values: typeof mediationOrganisations.$inferInsert) {
  const [row] = await db.insert(mediationOrganisations).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateOrganisation(
  db: Db,
  id: string,
  values: Partial<typeof mediationOrganisations.$inferInsert>,
) {
  const [row] = await db
    .update(mediationOrganisations)
    .set(values)
    .where(eq(mediationOrganisations.id, id))
    .returning();
  return row;
}

export async function organisationNameTaken(db: Db, regionId: string, name: string, exceptId?: string) {
  const rows = await db
    .select({ id: mediationOrganisations.id })
    .from(mediationOrganisations)
    .where(and(eq(mediationOrganisations.regionId, regionId), eq(mediationOrganisations.name, name)));
  return rows.some((r) => r.id !== exceptId);
}

export async function organisationOpenCount(db: Db, id: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM disputes WHERE organisation_id = ${id} AND state NOT IN (${ENDED})`,
  );
  return row?.n ?? 0;
}

/** The mediators of these organisations with their names and open load (disputes they hold now). */
export async function mediatorsOf(db: Db, organisationIds: readonly string[]) {
  if (!organisationIds.length) return [];
  return db
    .select({
      userId: mediators.userId,
      organisationId: mediators.organisationId,
      title: mediators.title,
      name: users.displayName,
      openLoad: sql<number>`(SELECT count(*)::int FROM disputes d WHERE d.mediator_user_id = ${mediators.userId} AND d.state IN (${HOLDING}))`,
    })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .where(inArray(mediators.organisationId, [...organisationIds]))
    .orderBy(asc(users.displayName), asc(mediators.userId));
}

/** The organisation a mediator account belongs to, or null. */
export async function organisationOfMediator(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: mediators.organisationId }).from(mediators).where(eq(mediators.userId, userId));
  return row?.id ?? null;
}

/** A mediator's membership, with the account's name, region path, roles and status. */
export async function mediatorAccount(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.displayName,
      roles: users.roles,
      status: users.status,
      regionPath: regions.path,
      organisationId: mediators.organisationId,
    })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .leftJoin(mediators, eq(mediators.userId, users.id))
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function linkMediator(db: Db, values: typeof mediators.$inferInsert) {
  const [row] = await db
    .insert(mediators)
    .values(values)
    .onConflictDoUpdate({
      target: mediators.userId,
      set: { organisationId: values.organisationId, title: values.title ?? null, linkedAt: values.linkedAt },
    })
    .returning();
  return row;
}

export async function unlinkMediator(db: Db, userId: string): Promise<void> {
  await db.delete(mediators).where(eq(mediators.userId, userId));
}

export async function mediatorHoldCount(db: Db, userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM disputes WHERE mediator_user_id = ${userId} AND state IN (${HOLDING})`,
  );
  return row?.n ?? 0;
}

export async function listDisputeTypes(db: Db, activeOnly: boolean): Promise<DisputeTypeRow[]> {
  return db
    .select()
    .from(disputeTypes)
    .where(activeOnly ? eq(disputeTypes.active, true) : undefined)
    .orderBy(asc(disputeTypes.sort), asc(disputeTypes.code));
}

export async function findDisputeType(db: Db, code: string): Promise<DisputeTypeRow | undefined> {
  const [row] = await db.select().from(disputeTypes).where(eq(disputeTypes.code, code));
  return row;
}

export async function insertDisputeType(db: Db, values: typeof disputeTypes.$inferInsert) {
  const [row] = await db.insert(disputeTypes).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateDisputeType(db: Db, code: string, values: Partial<typeof disputeTypes.$inferInsert>) {
  const [row] = await db.update(disputeTypes).set(values).where(eq(disputeTypes.code, code)).returning();
  return row;
}

export async function existingTypeCodes(db: Db, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await db
    .select({ code: disputeTypes.code })
    .from(disputeTypes)
    .where(inArray(disputeTypes.code, [...codes]));
  return rows.map((r) => r.code);
}

/** Names of disputes' organisations (by id), for lists. */
export async function organisationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: mediationOrganisations.id, name: mediationOrganisations.name })
    .from(mediationOrganisations)
    .where(inArray(mediationOrganisations.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
