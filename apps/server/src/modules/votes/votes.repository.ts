import type { BallotChannel, OwnersVoteChoice } from '@gewu/domain';
import { type SQL, and, desc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { escapeLike, inScope } from '../../platform/access.ts';
import type { auditLog } from '../../platform/audit/audit.table.ts';
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

/** What a phone ballot needs, in ONE query: the account's owner link, the vote (not a draft) and the roll entry. */
export interface PhoneBallotContext {
  residentId: string | null;
  vote: Pick<VoteRow, 'id' | 'state' | 'closesAt' | 'regionPath'> | null;
  voter: Pick<VoterRow, 'id' | 'areaCenti' | 'headcount'> | null;
}

export async function phoneBallotContext(db: Db, userId: string, voteId: string): Promise<PhoneBallotContext> {
  const [row] = await queryRows<{
    residentId: string | null;
    voteId: string | null;
    state: VoteRow['state'] | null;
    closesAt: string | Date | null;
    regionPath: string | null;
    voterId: string | null;
    areaCenti: number | null;
    headcount: number | null;
  }>(
    db,
    sql`SELECT l.resident_id AS "residentId", v.id AS "voteId", v.state, v.closes_at AS "closesAt", v.region_path AS "regionPath",
          r.id AS "voterId", r.area_centi::float8 AS "areaCenti", r.headcount
        FROM (SELECT 1) AS one
        LEFT JOIN owner_account_links l ON l.user_id = ${userId}
        LEFT JOIN owner_votes v ON v.id = ${voteId} AND v.state <> 'draft'
        LEFT JOIN owner_vote_voters r ON r.vote_id = v.id AND r.owner_ids @> ARRAY[l.resident_id]`,
  );
  return contextOf(row, row?.residentId ?? null);
}

/** What a staff-entered ballot needs, in ONE query: the vote in the actor's scope and the named roll entry. */
export async function paperBallotContext(
  db: Db,
  visible: SQL,
  voteId: string,
  voterId: string,
): Promise<Omit<PhoneBallotContext, 'residentId'>> {
  const [row] = await queryRows<Parameters<typeof contextOf>[0]>(
    db,
    sql`SELECT owner_votes.id AS "voteId", owner_votes.state, owner_votes.closes_at AS "closesAt", owner_votes.region_path AS "regionPath",
          r.id AS "voterId", r.area_centi::float8 AS "areaCenti", r.headcount
        FROM owner_votes LEFT JOIN owner_vote_voters r ON r.vote_id = owner_votes.id AND r.id = ${voterId}
        WHERE owner_votes.id = ${voteId} AND ${visible}`,
  );
  return contextOf(row, null);
}

function contextOf(
  row:
    | {
        voteId: string | null;
        state: VoteRow['state'] | null;
        closesAt: string | Date | null;
        regionPath: string | null;
        voterId: string | null;
        areaCenti: number | null;
        headcount: number | null;
      }
    | undefined,
  residentId: string | null,
): PhoneBallotContext {
  const vote =
    row?.voteId && row.state && row.closesAt && row.regionPath !== null
      ? { id: row.voteId, state: row.state, closesAt: new Date(row.closesAt), regionPath: row.regionPath }
      : null;
  const voter =
    vote && row?.voterId
      ? { id: row.voterId, areaCenti: Number(row.areaCenti), headcount: Number(row.headcount) }
      : null;
  return { residentId, vote, voter };
}

/**
 * Casts a ballot in ONE statement (atomic by itself): the vote row is read FOR SHARE and must still be
 * open with its closing time ahead (a close claiming the row waits for the ballots in flight; none lands
 * after it), the ballot is inserted — the unique index on (vote, voter) is the one-ballot rule, a second
 * one inserts nothing — and its audit row is written with it. `open` is false when the vote was not
 * open (or past its time); `ballot` is null when nothing was inserted.
 */
export async function insertBallotAudited(
  db: Db,
  row: typeof ownerVoteBallots.$inferInsert & { id: string },
  audit: typeof auditLog.$inferInsert,
): Promise<{ open: boolean; ballot: BallotRow | null }> {
  const at = (d: Date | undefined | null) => (d ? d.toISOString() : null);
  const [res] = await queryRows<{ open: boolean; ballot: Record<string, unknown> | null }>(
    db,
    sql`WITH v AS (
          SELECT id FROM owner_votes WHERE id = ${row.voteId} AND state = 'open' AND closes_at > ${at(row.castAt)}::timestamptz FOR SHARE
        ), b AS (
          INSERT INTO owner_vote_ballots (id, vote_id, voter_id, choice, channel, area_centi, headcount, receipt_code, receipt_hash,
            cast_by, resident_id, scan_attachment_id, proxy_name_enc, proxy_name_masked, idempotency_key, cast_at)
          SELECT ${row.id}::uuid, v.id, ${row.voterId}::uuid, ${row.choice}, ${row.channel}, ${row.areaCenti}, ${row.headcount},
            ${row.receiptCode}, ${row.receiptHash}, ${row.castBy}::uuid, ${row.residentId ?? null}::uuid, ${row.scanAttachmentId ?? null}::uuid,
            ${row.proxyNameEnc ?? null}, ${row.proxyNameMasked ?? null}, ${row.idempotencyKey}, ${at(row.castAt)}::timestamptz
          FROM v
          ON CONFLICT (vote_id, voter_id) DO NOTHING
          RETURNING *
        ), a AS (
          INSERT INTO audit_log (at, actor_id, actor_name, actor_roles, action, target_type, target_id, region_path, ip, request_id, outcome, detail)
          SELECT ${at(audit.at)}::timestamptz, ${audit.actorId ?? null}::uuid, ${audit.actorName ?? null},
            ${`{${(audit.actorRoles ?? []).join(',')}}`}::text[], ${audit.action}, ${audit.targetType ?? null}, ${audit.targetId ?? null},
            ${audit.regionPath ?? null}, ${audit.ip ?? null}, ${audit.requestId ?? null}, ${audit.outcome},
            ${JSON.stringify(audit.detail ?? {})}::jsonb
          FROM b
        )
        SELECT EXISTS (SELECT 1 FROM v) AS open, (SELECT row_to_json(b) FROM b) AS ballot`,
  );
  const b = res?.ballot;
  return {
    open: res?.open ?? false,
    ballot: b
      ? {
          id: b.id as string,
          voteId: b.vote_id as string,
          voterId: b.voter_id as string,
          choice: b.choice as OwnersVoteChoice,
          channel: b.channel as BallotChannel,
          areaCenti: Number(b.area_centi),
          headcount: Number(b.headcount),
          receiptCode: b.receipt_code as string,
          receiptHash: b.receipt_hash as string,
          castBy: b.cast_by as string,
          residentId: (b.resident_id as string | null) ?? null,
          scanAttachmentId: (b.scan_attachment_id as string | null) ?? null,
          proxyNameEnc: (b.proxy_name_enc as string | null) ?? null,
          proxyNameMasked: (b.proxy_name_masked as string | null) ?? null,
          idempotencyKey: b.idempotency_key as string,
          castAt: new Date(b.cast_at as string),
        }
      : null,
  };
}

/** One inbox row per verified owner account on the vote's frozen roll, in one statement. */
export async function notifyOwnersOnRoll(
  db: Db,
  voteId: string,
  n: { kind: string; title: string; subject: { kind: string; id: string }; data: Record<string, unknown> },
  at: Date,
): Promise<void> {
  await db.execute(sql`INSERT INTO notifications (user_id, kind, title, subject_kind, subject_id, data, created_at)
    SELECT DISTINCT l.user_id, ${n.kind}, ${n.title}, ${n.subject.kind}, ${n.subject.id}::uuid, ${JSON.stringify(n.data)}::jsonb,
      ${at.toISOString()}::timestamptz
    FROM owner_vote_voters r CROSS JOIN LATERAL unnest(r.owner_ids) AS o(id) JOIN owner_account_links l ON l.resident_id = o.id
    WHERE r.vote_id = ${voteId}`);
}
