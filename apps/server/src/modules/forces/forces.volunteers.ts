import { type VolunteerView, maskName, volunteerPoints } from '@gewu/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, can, inScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../cases/cases.intake.ts';
import { notify } from '../notifications/notifications.service.ts';
import { volunteerDecided, volunteerNoVillage, volunteerNotFound } from './forces.errors.ts';
import { claimHandledCounts } from './forces.repository.ts';
import { type VolunteerRow, volunteerOf } from './forces.scope.ts';
import { activitySignups, volunteers } from './forces.table.ts';
import type { ForcesDeps } from './forces.teams.ts';

/** Registrations with their totals: minutes served, confirmed self-handled problems, points (forces.ts). */
async function viewsOf(db: Db, rows: VolunteerRow[]): Promise<VolunteerView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const users = rows.map((r) => r.userId);
  const minutes = await db
    .select({ id: activitySignups.volunteerId, m: sql<number>`coalesce(sum(${activitySignups.minutes}), 0)::int` })
    .from(activitySignups)
    .where(inArray(activitySignups.volunteerId, ids))
    .groupBy(activitySignups.volunteerId);
  const done = await claimHandledCounts(db, users);
  const mins = new Map(minutes.map((m) => [m.id, Number(m.m)]));
  return rows.map((r) => {
    const m = mins.get(r.id) ?? 0;
    const n = done.get(r.userId) ?? 0;
    return {
      id: r.id,
      regionPath: r.regionPath,
      name: r.name,
      skills: r.skills,
      state: r.state,
      minutes: m,
      selfHandled: n,
      points: volunteerPoints(m, n),
    };
  });
}

/**
 * A resident registers as a volunteer of their own village or community (pending until the village
 * cadre or the centre approves). Registering again returns the registration there is.
 */
export async function registerVolunteer(
  deps: ForcesDeps,
  ctx: RequestContext,
  body: { skills?: string },
): Promise<VolunteerView> {
  const actor = authorize(ctx, 'forces.volunteer');
  const existing = await volunteerOf(deps.db, actor.id);
  if (existing) return (await viewsOf(deps.db, [existing]))[0] as VolunteerView;
  if (actor.regionLevel !== 'village') throw volunteerNoVillage();
  try {
    const row = await deps.db.transaction(async (tx) => {
      const [v] = await tx
        .insert(volunteers)
        .values({
          userId: actor.id,
          regionPath: actor.regionPath,
          name: actor.displayName,
          skills: body.skills ?? null,
          state: 'pending',
          createdAt: deps.clock.now(),
        })
        .returning();
      if (!v) throw new Error('volunteer insert failed');
      await notify(tx, deps.clock, [{ regionPath: actor.regionPath, role: 'village_cadre' }], {
        kind: 'forces.volunteer_registered',
        title: '有居民登记为志愿者，待审核',
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'forces.volunteer_register',
        targetType: 'volunteer',
        targetId: v.id,
        regionPath: v.regionPath,
      });
      return v;
    });
    return (await viewsOf(deps.db, [row]))[0] as VolunteerView;
  } catch (e) {
    const raced = isUniqueViolation(e) ? await volunteerOf(deps.db, actor.id) : null;
    if (raced) return (await viewsOf(deps.db, [raced]))[0] as VolunteerView;
    throw e;
  }
}

/** Volunteers: a resident sees their own registration; the village cadre and the centre their area's; leaders masked. */
export async function listVolunteers(deps: ForcesDeps, ctx: RequestContext): Promise<{ items: VolunteerView[] }> {
  const actor = requireActor(ctx);
  if (!can(actor, 'forces.read')) {
    const own = await volunteerOf(deps.db, authorize(ctx, 'forces.volunteer').id);
    return { items: await viewsOf(deps.db, own ? [own] : []) };
  }
  const rows = await deps.db
    .select()
    .from(volunteers)
    .where(inScope(actor, volunteers.regionPath))
    .orderBy(asc(volunteers.state), asc(volunteers.createdAt));
  const views = await viewsOf(deps.db, rows);
  // Those who approve see the name; leaders read figures, the name masked (李**).
  const named = can(actor, 'forces.manage');
  return { items: named ? views : views.map((v) => ({ ...v, name: maskName(v.name) })) };
}

/** The village cadre or the centre approves or turns down a pending registration (audited; the resident is told). */
export async function decideVolunteer(
  deps: ForcesDeps,
  ctx: RequestContext,
  id: string,
  approved: boolean,
): Promise<VolunteerView> {
  const actor = authorize(ctx, 'forces.manage');
  const row = await deps.db.transaction(async (tx) => {
    const [v] = await tx
      .select()
      .from(volunteers)
      .where(and(eq(volunteers.id, id), inScope(actor, volunteers.regionPath)));
    if (!v) throw volunteerNotFound();
    const [done] = await tx
      .update(volunteers)
      .set({ state: approved ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: deps.clock.now() })
      .where(and(eq(volunteers.id, id), eq(volunteers.state, 'pending')))
      .returning();
    if (!done) throw volunteerDecided();
    await notify(tx, deps.clock, [{ userId: v.userId }], {
      kind: 'forces.volunteer_decided',
      title: approved ? '您的志愿者登记已通过' : '您的志愿者登记未通过',
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'forces.volunteer_decide',
      targetType: 'volunteer',
      targetId: v.id,
      regionPath: v.regionPath,
      detail: { approved },
    });
    return done;
  });
  return (await viewsOf(deps.db, [row]))[0] as VolunteerView;
}
