import type { MemberInput, MemberView, TeamInput, TeamView } from '@gewu/domain';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { protectPii } from '../people/residents.service.ts';
import { memberInvalid, teamNotFound } from './forces.errors.ts';
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
