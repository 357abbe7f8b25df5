import type { MemberInput, MemberView, TeamInput, TeamUpdate, TeamView } from '@gewu/domain';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { protectPii } from '../people/residents.service.ts';
import { memberFieldEmpty, memberInvalid, memberNotFound, teamNotFound } from './forces.errors.ts';
import { regionForForces } from './forces.scope.ts';
import { forceMembers, forceTeams } from './forces.table.ts';

export type ForcesDeps = {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number };
};

/** The teams of the actor's area (群防群治力量), with their member counts. */
export async function listTeams(deps: ForcesDeps, ctx: RequestContext): Promise<{ items: TeamView[] }> {
  const actor = authorize(ctx, 'forces.read');
  const rows = await deps.db
    .select({
      id: forceTeams.id,
      regionPath: forceTeams.regionPath,
      kind: forceTeams.kind,
      name: forceTeams.name,
      members: count(forceMembers.id),
    })
    .from(forceTeams)
    .leftJoin(forceMembers, eq(forceMembers.teamId, forceTeams.id))
    .where(inScope(actor, forceTeams.regionPath))
    .groupBy(forceTeams.id)
    .orderBy(asc(forceTeams.regionPath), asc(forceTeams.name));
  return { items: rows };
}

/** Sets up a team for a village or township of the actor's area (audited). */
export async function createTeam(deps: ForcesDeps, ctx: RequestContext, body: TeamInput): Promise<TeamView> {
  const actor = authorize(ctx, 'forces.manage');
  const region = await regionForForces(deps.db, actor, body.regionId);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(forceTeams)
      .values({
        regionPath: region.path,
        kind: body.kind,
        name: body.name,
        createdBy: actor.id,
        createdAt: deps.clock.now(),
      })
      .returning();
    if (!row) throw new Error('team insert failed');
    await recordAudit(tx, deps.clock, ctx, {
      action: 'forces.team_create',
      targetType: 'force_team',
      targetId: row.id,
      regionPath: row.regionPath,
      detail: { kind: row.kind },
    });
    return { id: row.id, regionPath: row.regionPath, kind: row.kind, name: row.name, members: 0 };
  });
}

/** Renames a team or changes its kind (audited); its village or township stays. */
export async function updateTeam(
  deps: ForcesDeps,
  ctx: RequestContext,
  id: string,
  body: TeamUpdate,
): Promise<TeamView> {
  return deps.db.transaction(async (tx) => {
    const team = await teamInScope(tx, ctx, id, 'forces.manage');
    await tx.update(forceTeams).set({ kind: body.kind, name: body.name }).where(eq(forceTeams.id, team.id));
    const [n] = await tx.select({ n: count() }).from(forceMembers).where(eq(forceMembers.teamId, team.id));
    await recordAudit(tx, deps.clock, ctx, {
      action: 'forces.team_update',
      targetType: 'force_team',
      targetId: team.id,
      regionPath: team.regionPath,
      detail: { kind: body.kind },
    });
    return { id: team.id, regionPath: team.regionPath, kind: body.kind, name: body.name, members: Number(n?.n ?? 0) };
  });
}

async function teamInScope(db: Db, ctx: RequestContext, id: string, action: 'forces.read' | 'forces.manage') {
  const actor = authorize(ctx, action);
  const [team] = await db
    .select()
    .from(forceTeams)
    .where(and(eq(forceTeams.id, id), inScope(actor, forceTeams.regionPath)));
  if (!team) throw teamNotFound();
  return team;
}

type MemberRow = typeof forceMembers.$inferSelect;
const memberView = (m: MemberRow): MemberView => ({
  id: m.id,
  teamId: m.teamId,
  name: m.name,
  duty: m.duty,
  phoneMasked: m.phoneMasked,
  idMasked: m.idMasked,
});

/** A team's members: names, duties and masked numbers only. */
export async function listMembers(deps: ForcesDeps, ctx: RequestContext, teamId: string) {
  const team = await teamInScope(deps.db, ctx, teamId, 'forces.read');
  const rows = await deps.db
    .select()
    .from(forceMembers)
    .where(eq(forceMembers.teamId, team.id))
    .orderBy(asc(forceMembers.createdAt));
  return { items: rows.map(memberView) };
}

/** Adds a member; phone and identity number are checked, then stored encrypted, hashed and masked (audited, no numbers in the audit). */
export async function addMember(
  deps: ForcesDeps,
  ctx: RequestContext,
  teamId: string,
  body: MemberInput,
): Promise<MemberView> {
  const team = await teamInScope(deps.db, ctx, teamId, 'forces.manage');
  const errors: { path: string; message: string }[] = [];
  const p = protectPii(deps.pii, deps.clock, body.idNumber, body.phone, errors);
  if (errors.length) throw memberInvalid(errors);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(forceMembers)
      .values({
        teamId: team.id,
        regionPath: team.regionPath,
        name: body.name,
        duty: body.duty ?? null,
        phoneEnc: p.phoneEnc,
        phoneHash: p.phoneHash,
        phoneMasked: p.phoneMasked,
        idEnc: p.idEnc,
        idHash: p.idHash,
        idMasked: p.idMasked,
        createdAt: deps.clock.now(),
      })
      .returning();
    if (!row) throw new Error('member insert failed');
    await recordAudit(tx, deps.clock, ctx, {
      action: 'forces.member_add',
      targetType: 'force_member',
      targetId: row.id,
      regionPath: team.regionPath,
      detail: { teamId: team.id },
    });
    return memberView(row);
  });
}

/** A member of a team of the actor's area, or 404 (never saying that one elsewhere exists). */
async function memberInScope(db: Db, ctx: RequestContext, id: string, action: 'forces.manage') {
  const actor = authorize(ctx, action);
  const [m] = await db
    .select()
    .from(forceMembers)
    .where(and(eq(forceMembers.id, id), inScope(actor, forceMembers.regionPath)));
  if (!m) throw memberNotFound();
  return m;
}

/** Takes a member off their team: the row and its encrypted numbers go; the audit keeps who and when, no numbers. */
export async function removeMember(deps: ForcesDeps, ctx: RequestContext, id: string): Promise<{ id: string }> {
  return deps.db.transaction(async (tx) => {
    const m = await memberInScope(tx, ctx, id, 'forces.manage');
    await tx.delete(forceMembers).where(eq(forceMembers.id, m.id));
    await recordAudit(tx, deps.clock, ctx, {
      action: 'forces.member_remove',
      targetType: 'force_member',
      targetId: m.id,
      regionPath: m.regionPath,
      detail: { teamId: m.teamId },
    });
    return { id: m.id };
  });
}

/**
 * Shows a member's full phone or identity number to someone allowed to see it, for a stated reason —
 * as residents' numbers are revealed (residents.service.ts revealResidentField). The reveal is audited
 * (who, whose, which field, why).
 */
export async function revealMember(
  deps: ForcesDeps,
  ctx: RequestContext,
  id: string,
  field: 'idNumber' | 'phone',
  reason: string,
): Promise<{ field: 'idNumber' | 'phone'; value: string }> {
  authorize(ctx, 'person.reveal');
  return deps.db.transaction(async (tx) => {
    const m = await memberInScope(tx, ctx, id, 'forces.manage');
    const enc = field === 'idNumber' ? m.idEnc : m.phoneEnc;
    if (!enc) throw memberFieldEmpty(field);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'forces.member_reveal',
      targetType: 'force_member',
      targetId: m.id,
      regionPath: m.regionPath,
      detail: { field, reason },
    });
    return { field, value: deps.pii.decrypt(enc) };
  });
}
