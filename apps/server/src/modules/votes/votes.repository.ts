import type { BallotChannel, OwnersVoteChoice } from '@gewu/domain';
import { type SQL, and, desc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { escapeLike, inScope } from '../../platform/access.ts';
import { ownerAccountLinks, ownerVoteBallots, ownerVoteVoters, ownerVotes } from './votes.table.ts';

export type VoteRow = typeof ownerVotes.$inferSelect;
export type VoterRow = typeof ownerVoteVoters.$inferSelect;
export type BallotRow = typeof ownerVoteBallots.$inferSelect;

/** Staff see the votes of estates in their region subtree. */
export const visibleVotes = (actor: Pick<Actor, 'regionPath'>): SQL => inScope(actor, ownerVotes.regionPath);

export async function findVoteWhere(db: Db, id: string, where: SQL): Promise<VoteRow | null> {
  const [row] = await db
    .select()
    .from(ownerVotes)
    .where(and(eq(ownerVotes.id, id), where));
  return row ?? null;
}

export async function listVotesWhere(db: Db, where: SQL): Promise<(VoteRow & { regionName: string; cast: number })[]> {
  return queryRows(
    db,
    sql`SELECT owner_votes.id, owner_votes.title, owner_votes.item, owner_votes.state, owner_votes.closes_at AS "closesAt", owner_votes.roll_area_centi::float8 AS "rollAreaCenti",
          owner_votes.roll_headcount AS "rollHeadcount", r.name AS "regionName",
          (SELECT count(*)::int FROM owner_vote_ballots b WHERE b.vote_id = owner_votes.id) AS cast
        FROM owner_votes JOIN regions r ON r.id = owner_votes.region_id
        WHERE ${where} ORDER BY owner_votes.created_at DESC LIMIT 200`,
  );
}

export async function regionNameOf(db: Db, regionId: string): Promise<string> {
  const [row] = await queryRows<{ name: string }>(db, sql`SELECT name FROM regions WHERE id = ${regionId}`);
  return row?.name ?? '';
}

export async function countBallots(db: Db, voteId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM owner_vote_ballots WHERE vote_id = ${voteId}`,
  );
  return row?.n ?? 0;
}

/** Buildings among `ids` that lie in the estate (region subtree). */
export async function countBuildingsIn(db: Db, ids: string[], regionPath: string): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM buildings WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])
      AND region_path LIKE ${escapeLike(regionPath) + '%'}`,
  );
  return row?.n ?? 0;
}

export interface UnitRow {
  id: string;
  address: string;
  areaM2: number | null;
  ownerIds: string[];
}

/** The estate's exclusive units (houses) with their owners of record (resident_houses relation 'owner'). */
export async function estateUnits(db: Db, vote: Pick<VoteRow, 'regionPath' | 'buildingIds'>): Promise<UnitRow[]> {
  const inBuildings =
    vote.buildingIds.length > 0 ? sql`AND h.building_id = ANY(${`{${vote.buildingIds.join(',')}}`}::uuid[])` : sql``;
  return queryRows(
    db,
    sql`SELECT h.id, coalesce(b.name || ' ', '') || h.address AS address, h.area_m2 AS "areaM2",
          coalesce(array_agg(rh.resident_id ORDER BY rh.resident_id) FILTER (WHERE rh.resident_id IS NOT NULL), '{}') AS "ownerIds"
        FROM houses h
        LEFT JOIN buildings b ON b.id = h.building_id
        LEFT JOIN resident_houses rh ON rh.house_id = h.id AND rh.relation = 'owner'
        WHERE h.region_path LIKE ${escapeLike(vote.regionPath) + '%'} ${inBuildings}
        GROUP BY h.id, b.name ORDER BY address`,
  );
}

/** Residents' names by id (for the masked owner names on the roll). */
export async function residentNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM residents WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertVoters(db: Db, rows: (typeof ownerVoteVoters.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(ownerVoteVoters).values(rows.slice(i, i + 1000));
}

/** The frozen roll with each voter's channel if they have voted (never how). */
export async function frozenRoll(db: Db, voteId: string): Promise<(VoterRow & { votedBy: BallotChannel | null })[]> {
  return queryRows(
    db,
    sql`SELECT v.id, v.voter_key AS "voterKey", v.owner_ids AS "ownerIds", v.units, v.area_centi::float8 AS "areaCenti",
          v.headcount, b.channel AS "votedBy"
        FROM owner_vote_voters v LEFT JOIN owner_vote_ballots b ON b.voter_id = v.id AND b.vote_id = v.vote_id
        WHERE v.vote_id = ${voteId} ORDER BY v.units`,
  );
}

export async function findVoter(db: Db, voteId: string, voterId: string): Promise<VoterRow | null> {
  const [row] = await db
    .select()
    .from(ownerVoteVoters)
    .where(and(eq(ownerVoteVoters.voteId, voteId), eq(ownerVoteVoters.id, voterId)));
  return row ?? null;
}

/** The roll entry that holds this resident (an owner, alone or with co-owners). */
export async function findVoterOfResident(db: Db, voteId: string, residentId: string): Promise<VoterRow | null> {
  const [row] = await db
    .select()
    .from(ownerVoteVoters)
    .where(and(eq(ownerVoteVoters.voteId, voteId), sql`${ownerVoteVoters.ownerIds} @> ARRAY[${residentId}::uuid]`));
  return row ?? null;
}

export async function findBallotOfVoter(db: Db, voteId: string, voterId: string): Promise<BallotRow | null> {
  const [row] = await db
    .select()
    .from(ownerVoteBallots)
    .where(and(eq(ownerVoteBallots.voteId, voteId), eq(ownerVoteBallots.voterId, voterId)));
  return row ?? null;
}

export async function insertBallot(db: Db, row: typeof ownerVoteBallots.$inferInsert): Promise<BallotRow | null> {
  const [inserted] = await db.insert(ownerVoteBallots).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

/** The tally: ONE aggregate over the vote's ballots (area and headcount per choice). */
export async function sumBallots(
  db: Db,
  voteId: string,
): Promise<{ choice: OwnersVoteChoice; areaCenti: number; headcount: number }[]> {
  return queryRows(
    db,
    sql`SELECT choice, sum(area_centi)::float8 AS "areaCenti", sum(headcount)::int AS headcount
        FROM owner_vote_ballots WHERE vote_id = ${voteId} GROUP BY choice`,
  );
}

export async function publishedBallots(
  db: Db,
  voteId: string,
): Promise<{ receiptHash: string; choice: OwnersVoteChoice; areaCenti: number; headcount: number }[]> {
  return db
    .select({
      receiptHash: ownerVoteBallots.receiptHash,
      choice: ownerVoteBallots.choice,
      areaCenti: ownerVoteBallots.areaCenti,
      headcount: ownerVoteBallots.headcount,
    })
    .from(ownerVoteBallots)
    .where(eq(ownerVoteBallots.voteId, voteId))
    .orderBy(ownerVoteBallots.receiptHash);
}

export async function findBallotByReceipt(db: Db, receiptHash: string): Promise<BallotRow | null> {
  const [row] = await db.select().from(ownerVoteBallots).where(eq(ownerVoteBallots.receiptHash, receiptHash));
  return row ?? null;
}

export async function findOwnerLink(db: Db, userId: string) {
  const [row] = await db.select().from(ownerAccountLinks).where(eq(ownerAccountLinks.userId, userId));
  return row ?? null;
}

/** Links a resident account to the owner record it proved (a later proof replaces it). */
export async function linkOwnerAccount(db: Db, userId: string, residentId: string, at: Date): Promise<void> {
  await db
    .insert(ownerAccountLinks)
    .values({ userId, residentId, verifiedAt: at })
    .onConflictDoUpdate({ target: ownerAccountLinks.userId, set: { residentId, verifiedAt: at } });
}

/** The owner of record (resident_houses 'owner') in the region subtree whose ID number hashes to `idHash`. */
export async function findOwnerByIdHash(db: Db, idHash: string, regionPath: string): Promise<{ id: string } | null> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`SELECT r.id FROM residents r
        WHERE r.id_hash = ${idHash} AND EXISTS (
          SELECT 1 FROM resident_houses rh JOIN houses h ON h.id = rh.house_id
          WHERE rh.resident_id = r.id AND rh.relation = 'owner'
            AND h.region_path LIKE ${escapeLike(regionPath) + '%'})
        LIMIT 1`,
  );
  return row ?? null;
}

/** Open and closed votes whose frozen roll holds the resident, newest first. */
export async function votesOfResident(db: Db, residentId: string): Promise<VoteRow[]> {
  return db
    .select({ v: ownerVotes })
    .from(ownerVotes)
    .innerJoin(ownerVoteVoters, eq(ownerVoteVoters.voteId, ownerVotes.id))
    .where(sql`${ownerVoteVoters.ownerIds} @> ARRAY[${residentId}::uuid] AND ${ownerVotes.state} <> 'draft'`)
    .orderBy(desc(ownerVotes.createdAt))
    .limit(50)
    .then((rows) => rows.map((r) => r.v));
}

/** Whether a ballot of a vote in the actor's scope carries this scan. */
export async function voteWithScanVisible(db: Db, actor: Pick<Actor, 'regionPath'>, attachmentId: string) {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`SELECT 1 AS ok FROM owner_vote_ballots b JOIN owner_votes ON owner_votes.id = b.vote_id
        WHERE b.scan_attachment_id = ${attachmentId} AND ${visibleVotes(actor)} LIMIT 1`,
  );
  return rows.length > 0;
}

/** A vote residents and the public may know of: opened (its roll frozen) or closed. */
export const openOrClosed = (): SQL => sql`${ownerVotes.state} <> 'draft'`;
