import {
  type CreateOwnersVoteBody,
  type OwnersRoll,
  type OwnersVoteDetail,
  type OwnersVoteListItem,
  type OwnersVoteTally,
  type Weight,
  areaToCenti,
  buildOwnersRoll,
  countBallots as addUp,
  decideOwnersVote,
  DEVELOPER_KEY,
  lightAt,
  maskName,
  ownersVoteClock,
  ROLE_ACTIONS,
  ROLES,
  centrePathFor,
} from '@gewu/domain';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { cancelDeadlines, scheduleDeadlines } from '../../platform/clocks/index.ts';
import { type RequestContext, systemContext } from '../../platform/context.ts';
import { notify, wakeStreams } from '../notifications/notifications.service.ts';
import { closingLights, voteCloseClock } from './votes.clocks.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import * as errors from './votes.errors.ts';
import * as repo from './votes.repository.ts';
import { ownerVotes } from './votes.table.ts';

export type VotesDeps = { db: Db; clock: Clock };

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Loads a vote in the actor's region subtree, or 404 (another township's vote does not exist for them). */
export async function loadVote(db: Db, ctx: RequestContext, id: string): Promise<repo.VoteRow> {
  const actor = authorize(ctx, 'vote.manage');
  const row = await repo.findVoteWhere(db, id, repo.visibleVotes(actor));
  if (!row) throw errors.voteNotFound();
  return row;
}

const rollOf = (v: Pick<repo.VoteRow, 'rollAreaCenti' | 'rollHeadcount'>): Weight | null =>
  v.rollAreaCenti === null || v.rollHeadcount === null
    ? null
    : { areaCenti: Number(v.rollAreaCenti), headcount: v.rollHeadcount };

export async function voteDetail(db: Db, v: repo.VoteRow): Promise<OwnersVoteDetail> {
  return {
    id: v.id,
    title: v.title,
    item: v.item,
    state: v.state,
    regionName: await repo.regionNameOf(db, v.regionId),
    closesAt: v.closesAt.toISOString(),
    ballotsCast: await repo.countBallots(db, v.id),
    roll: rollOf(v),
    description: v.description,
    openedAt: iso(v.openedAt),
    closedAt: iso(v.closedAt),
    // Results are hidden until the vote closes.
    tally: v.state === 'closed' ? v.tally : null,
  };
}

/**
 * Creates a vote (a draft: its roll still follows the base data) on one matter of an estate in the
 * actor's area, typed by its 民法典 art. 278 item, which decides the threshold.
 */
export async function createVote(deps: VotesDeps, ctx: RequestContext, body: CreateOwnersVoteBody) {
  const actor = authorize(ctx, 'vote.manage');
  const region = await findRegionInScope(deps.db, actor, body.regionId);
  if (!region) throw errors.voteRegionNotFound();
  const buildingIds = [...new Set(body.buildingIds)];
  if ((await repo.countBuildingsIn(deps.db, buildingIds, region.path)) !== buildingIds.length)
    throw errors.buildingsOutside();
  const closesAt = new Date(body.closesAt);
  if (closesAt <= deps.clock.now()) throw errors.closesInPast();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ownerVotes)
      .values({
        id: randomUUID(),
        regionId: region.id,
        regionPath: region.path,
        buildingIds,
        title: body.title,
        description: body.description,
        item: body.item,
        state: 'draft',
        closesAt,
        createdBy: actor.id,
        createdAt: deps.clock.now(),
      })
      .returning();
    const vote = row as repo.VoteRow;
    await recordAudit(tx, deps.clock, ctx, {
      action: 'vote.create',
      targetType: 'owner_vote',
      targetId: vote.id,
      regionPath: vote.regionPath,
      detail: { item: vote.item, buildings: buildingIds.length },
    });
    return voteDetail(tx, vote);
  });
}

export async function listVotes(deps: VotesDeps, ctx: RequestContext): Promise<{ items: OwnersVoteListItem[] }> {
  const now = deps.clock.now();
  const actor = authorize(ctx, 'vote.manage');
  const rows = await repo.listVotesWhere(deps.db, repo.visibleVotes(actor));
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      item: r.item,
      state: r.state,
      regionName: r.regionName,
      closesAt: new Date(r.closesAt).toISOString(),
      ballotsCast: r.cast,
      roll: rollOf(r),
      // The closing light while open (yellow in the last day, red once past: ballots refused, the sweep closes it).
      light: r.state === 'open' ? lightAt(ownersVoteClock(new Date(r.closesAt)), now) : null,
    })),
  };
}

/** The roll from the base data as it stands (法释〔2009〕7号 arts. 8–9). */
async function deriveRoll(db: Db, vote: repo.VoteRow) {
  const units = await repo.estateUnits(db, vote);
  const address = new Map(units.map((u) => [u.id, u.address]));
  const voters = buildOwnersRoll(
    units.map((u) => ({ unitId: u.id, areaCenti: areaToCenti(u.areaM2), ownerIds: u.ownerIds })),
  );
  return {
    unitsWithoutArea: units.filter((u) => areaToCenti(u.areaM2) === 0).length,
    voters: voters.map((v) => ({ ...v, units: v.unitIds.map((id) => address.get(id) ?? '').join('、') })),
  };
}

const totalsOf = (voters: { areaCenti: number; headcount: number }[]): Weight => ({
  areaCenti: voters.reduce((s, v) => s + v.areaCenti, 0),
  headcount: voters.reduce((s, v) => s + v.headcount, 0),
});

/** The roll: live from the base data while a draft, the frozen one once open. Owners' names masked. */
export async function voteRoll(deps: VotesDeps, ctx: RequestContext, id: string): Promise<OwnersRoll> {
  const vote = await loadVote(deps.db, ctx, id);
  const rows =
    vote.state === 'draft'
      ? (await deriveRoll(deps.db, vote)).voters.map((v) => ({
          id: null,
          voterKey: v.key,
          ownerIds: v.ownerIds,
          units: v.units,
          areaCenti: v.areaCenti,
          headcount: 1,
          votedBy: null,
        }))
      : await repo.frozenRoll(deps.db, vote.id);
  const names = await repo.residentNames(deps.db, [...new Set(rows.flatMap((r) => r.ownerIds))]);
  const unitsWithoutArea = vote.state === 'draft' ? (await deriveRoll(deps.db, vote)).unitsWithoutArea : 0;
  return {
    frozen: vote.state !== 'draft',
    totals: totalsOf(rows.map((r) => ({ areaCenti: Number(r.areaCenti), headcount: r.headcount }))),
    unitsWithoutArea,
    voters: rows.map((r) => ({
      id: r.id,
      units: r.units,
      ownersMasked:
        r.voterKey === DEVELOPER_KEY ? '建设单位' : r.ownerIds.map((o) => maskName(names.get(o) ?? '')).join('、'),
      developer: r.voterKey === DEVELOPER_KEY,
      areaCenti: Number(r.areaCenti),
      headcount: r.headcount,
      votedBy: r.votedBy,
    })),
  };
}

/** Opens the vote: the roll is frozen (later changes to the base data do not move the denominators). */
export async function openVote(deps: VotesDeps, ctx: RequestContext, id: string): Promise<OwnersVoteDetail> {
  const vote = await loadVote(deps.db, ctx, id);
  if (vote.state !== 'draft') throw errors.notDraft();
  if (vote.closesAt <= deps.clock.now()) throw errors.closesInPast();
  const { voters } = await deriveRoll(deps.db, vote);
  if (voters.length === 0) throw errors.noUnits();
  const totals = totalsOf(voters.map((v) => ({ areaCenti: v.areaCenti, headcount: 1 })));
  return deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(ownerVotes)
      .set({
        state: 'open',
        openedAt: deps.clock.now(),
        rollAreaCenti: totals.areaCenti,
        rollHeadcount: totals.headcount,
      })
      .where(sql`${ownerVotes.id} = ${vote.id} AND ${ownerVotes.state} = 'draft'`)
      .returning();
    if (!claimed) throw errors.notDraft();
    await repo.insertVoters(
      tx,
      voters.map((v) => ({
        voteId: vote.id,
        voterKey: v.key,
        ownerIds: v.ownerIds,
        unitIds: v.unitIds,
        units: v.units.slice(0, 500),
        areaCenti: v.areaCenti,
        headcount: 1,
      })),
    );
    await scheduleDeadlines(tx, voteCloseClock, vote.id, closingLights(claimed.closesAt));
    await recordAudit(tx, deps.clock, ctx, {
      action: 'vote.open',
      targetType: 'owner_vote',
      targetId: vote.id,
      regionPath: vote.regionPath,
      detail: { voters: totals.headcount, areaCenti: totals.areaCenti },
    });
    return voteDetail(tx, claimed);
  });
}

/** The tally from one aggregate over the ballots, decided by 民法典 art. 278 para. 2. */
export async function tallyVote(db: Db, vote: repo.VoteRow): Promise<OwnersVoteTally> {
  const roll = rollOf(vote) ?? { areaCenti: 0, headcount: 0 };
  const sums = await repo.sumBallots(db, vote.id);
  const count = addUp(
    roll,
    sums.map((s) => ({ choice: s.choice, areaCenti: Number(s.areaCenti), headcount: Number(s.headcount) })),
  );
  return { roll, byChoice: count.byChoice, ...decideOwnersVote(vote.item, count) };
}

/** The roles told of a close: every role holding vote.manage (roles.ts), as the routes declare them. */
const MANAGERS = ROLES.filter((r) => ROLE_ACTIONS[r].includes('vote.manage'));

/**
 * Closes an open vote — the one close, by hand or on the clock: claims the row (a ballot racing the
 * close waits on it and then finds the vote closed), computes and stores the tally, audits, takes back
 * the clock's pending close and tells the staff of the estate (at the estate and at its township's
 * centre; a village's cadres at their village) and every verified owner on the roll that the result is
 * published. Null when the vote was no longer open (someone else closed it first).
 */
async function closeOpenVote(
  deps: VotesDeps,
  ctx: RequestContext,
  vote: repo.VoteRow,
  how: 'manual' | 'clock',
): Promise<OwnersVoteDetail | null> {
  return deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(ownerVotes)
      .set({ state: 'closed', closedAt: deps.clock.now() })
      .where(sql`${ownerVotes.id} = ${vote.id} AND ${ownerVotes.state} = 'open'`)
      .returning();
    if (!claimed) return null;
    const tally = await tallyVote(tx, claimed);
    const [done] = await tx
      .update(ownerVotes)
      .set({ tally })
      .where(sql`${ownerVotes.id} = ${vote.id}`)
      .returning();
    await cancelDeadlines(tx, voteCloseClock, vote.id, closingLights(claimed.closesAt));
    await recordAudit(tx, deps.clock, ctx, {
      action: 'vote.close',
      targetType: 'owner_vote',
      targetId: vote.id,
      regionPath: vote.regionPath,
      detail: { passed: tally.passed, participating: tally.participating, how },
    });
    const notice = {
      kind: 'vote.closed',
      title: `${claimed.title}：表决已结束，结果已公布（${tally.passed ? '通过' : '未通过'}）`,
      subject: { kind: 'owner_vote', id: vote.id },
      data: { passed: tally.passed, how },
    };
    const centre = centrePathFor(vote.regionPath, 'village');
    await notify(
      tx,
      deps.clock,
      MANAGERS.flatMap((role) => [
        { regionPath: vote.regionPath, role },
        ...(role === 'village_cadre' ? [] : [{ regionPath: centre, role }]),
      ]),
      notice,
    );
    await repo.notifyOwnersOnRoll(tx, vote.id, notice, deps.clock.now());
    return voteDetail(tx, done as repo.VoteRow);
  });
}

/** Closes the vote by hand (before or after its time): no more ballots; the tally is computed, stored and published. */
export async function closeVote(deps: VotesDeps, ctx: RequestContext, id: string): Promise<OwnersVoteDetail> {
  const vote = await loadVote(deps.db, ctx, id);
  if (vote.state === 'closed') throw errors.alreadyClosed();
  if (vote.state !== 'open') throw errors.notOpen();
  const closed = await closeOpenVote(deps, ctx, vote, 'manual');
  if (!closed) throw errors.alreadyClosed();
  wakeStreams();
  return closed;
}

/** The clock's close (votes.clocks, from the shared sweep): the votes whose closing time has passed. */
export async function closeVotesOnTheirClock(deps: VotesDeps, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const vote = await repo.findVoteWhere(deps.db, id, sql`${ownerVotes.state} = 'open'`);
    if (vote) await closeOpenVote(deps, systemContext(), vote, 'clock');
  }
}
