import {
  type ActivityInput,
  type ActivityView,
  type AttendanceView,
  CHECK_IN_RULE,
  type SignupView,
  maskName,
  checkInProblem,
  minutesServed,
} from '@gewu/domain';
import { and, asc, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, can, inScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { isUniqueViolation } from '../cases/cases.intake.ts';
import { notify } from '../notifications/notifications.service.ts';
import {
  activityEnded,
  activityFull,
  activityIdTaken,
  activityNotFound,
  checkInEnded,
  checkInTooEarly,
  checkInTooFar,
  notCheckedIn,
  notSignedUp,
} from './forces.errors.ts';
import { approvedVolunteer, regionForForces, volunteerOf } from './forces.scope.ts';
import { activitySignups, forceActivities, volunteers } from './forces.table.ts';
import type { ForcesDeps } from './forces.teams.ts';

type ActivityRow = typeof forceActivities.$inferSelect;
type SignupRow = typeof activitySignups.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;

function activityView(a: ActivityRow, signedUp: number, mine: SignupRow | undefined): ActivityView {
  return {
    id: a.id,
    regionPath: a.regionPath,
    kind: a.kind,
    title: a.title,
    placeName: a.placeName,
    lon: a.lon,
    lat: a.lat,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    capacity: a.capacity,
    signedUp,
    mine: mine
      ? { checkedInAt: iso(mine.checkedInAt), checkedOutAt: iso(mine.checkedOutAt), minutes: mine.minutes }
      : null,
  };
}

const attendanceView = (s: SignupRow): AttendanceView => ({
  activityId: s.activityId,
  checkedInAt: iso(s.checkedInAt),
  checkInDistanceM: s.checkInDistanceM,
  checkedOutAt: iso(s.checkedOutAt),
  minutes: s.minutes,
});

/** Publishes an activity at a place of a village or township of the actor's area; the id is the publisher's, so a retry returns it. */
export async function createActivity(
  deps: ForcesDeps,
  ctx: RequestContext,
  body: ActivityInput,
): Promise<ActivityView> {
  const actor = authorize(ctx, 'forces.manage');
  const region = await regionForForces(deps.db, actor, body.regionId);
  const again = async () => {
    const [a] = await deps.db.select().from(forceActivities).where(eq(forceActivities.id, body.id));
    if (!a) return null;
    if (!a.regionPath.startsWith(actor.regionPath) || a.createdBy !== actor.id) throw activityIdTaken();
    return activityView(a, await signedUpCount(deps.db, a.id), undefined);
  };
  const first = await again();
  if (first) return first;
  try {
    return await deps.db.transaction(async (tx) => {
      const [a] = await tx
        .insert(forceActivities)
        .values({
          id: body.id,
          regionPath: region.path,
          kind: body.kind,
          title: body.title,
          placeName: body.placeName,
          lon: body.lon,
          lat: body.lat,
          startsAt: new Date(body.startsAt),
          endsAt: new Date(body.endsAt),
          capacity: body.capacity,
          createdBy: actor.id,
          createdAt: deps.clock.now(),
        })
        .returning();
      if (!a) throw new Error('activity insert failed');
      await notify(tx, deps.clock, [{ regionPath: region.path, role: 'resident' }], {
        kind: 'forces.activity_published',
        title: `志愿活动：${a.title}`,
        subject: { kind: 'force_activity', id: a.id },
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'forces.activity_create',
        targetType: 'force_activity',
        targetId: a.id,
        regionPath: a.regionPath,
        detail: { kind: a.kind, capacity: a.capacity },
      });
      return activityView(a, 0, undefined);
    });
  } catch (e) {
    const raced = isUniqueViolation(e) ? await again() : null;
    if (raced) return raced;
    throw e;
  }
}

async function signedUpCount(db: Db, activityId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(activitySignups).where(eq(activitySignups.activityId, activityId));
  return Number(r?.n ?? 0);
}

/** The desk also sees activities ended in the last 30 days, with their hours (local practice). */
const STAFF_PAST_MS = 30 * 86_400_000;

/**
 * Activities not yet ended (the desk: or ended in the last 30 days): a resident sees their village's (and its township's), with their own
 * sign-up; the cadre and the centre their area's.
 */
export async function listActivities(deps: ForcesDeps, ctx: RequestContext): Promise<{ items: ActivityView[] }> {
  const actor = requireActor(ctx);
  const staff = can(actor, 'forces.read');
  if (!staff) authorize(ctx, 'forces.volunteer');
  const own = staff ? null : await volunteerOf(deps.db, actor.id);
  // A resident's village path and its township's activities (the township path is a prefix of theirs).
  const place = staff
    ? inScope(actor, forceActivities.regionPath)
    : sql`${actor.regionPath} LIKE ${forceActivities.regionPath} || '%' AND length(${forceActivities.regionPath}) >= ${townshipPathLength(actor.regionPath)}`;
  const rows = await deps.db
    .select()
    .from(forceActivities)
    .where(and(place, gte(forceActivities.endsAt, new Date(deps.clock.now().getTime() - (staff ? STAFF_PAST_MS : 0)))))
    .orderBy(asc(forceActivities.startsAt))
    .limit(200);
  const mine = new Map<string, SignupRow>();
  const counted = rows.length
    ? await deps.db
        .select({ id: activitySignups.activityId, n: count() })
        .from(activitySignups)
        .where(
          inArray(
            activitySignups.activityId,
            rows.map((a) => a.id),
          ),
        )
        .groupBy(activitySignups.activityId)
    : [];
  const counts = new Map(counted.map((c) => [c.id, Number(c.n)]));
  if (own) {
    const signups = await deps.db.select().from(activitySignups).where(eq(activitySignups.volunteerId, own.id));
    for (const s of signups) mine.set(s.activityId, s);
  }
  return { items: rows.map((a) => activityView(a, counts.get(a.id) ?? 0, mine.get(a.id))) };
}

/**
 * An activity's sign-ups for the desk (the cadre, the centre; leaders with names masked): who, when they
 * checked in and how far from the place, checked out, minutes served. 404 outside the actor's area.
 */
export async function listSignups(deps: ForcesDeps, ctx: RequestContext, id: string): Promise<{ items: SignupView[] }> {
  const actor = authorize(ctx, 'forces.read');
  const [a] = await deps.db
    .select({ id: forceActivities.id })
    .from(forceActivities)
    .where(and(eq(forceActivities.id, id), inScope(actor, forceActivities.regionPath)));
  if (!a) throw activityNotFound();
  const rows = await deps.db
    .select({ s: activitySignups, name: volunteers.name })
    .from(activitySignups)
    .innerJoin(volunteers, eq(volunteers.id, activitySignups.volunteerId))
    .where(eq(activitySignups.activityId, a.id))
    .orderBy(asc(activitySignups.signedUpAt));
  const named = can(actor, 'forces.manage');
  return {
    items: rows.map(({ s, name }) => ({
      volunteerId: s.volunteerId,
      name: named ? name : maskName(name),
      signedUpAt: s.signedUpAt.toISOString(),
      checkedInAt: iso(s.checkedInAt),
      checkInDistanceM: s.checkInDistanceM,
      checkedOutAt: iso(s.checkedOutAt),
      minutes: s.minutes,
    })),
  };
}

/** The length of the township part of a village's path (`/province/city/county/township/`). */
function townshipPathLength(villagePath: string): number {
  const parts = villagePath.split('/').filter(Boolean);
  return parts.length >= 2 ? `/${parts.slice(0, -1).join('/')}/`.length : villagePath.length;
}

/** An activity a resident may join: of their village or its township, else 404. */
async function activityForVolunteer(db: Db, regionPath: string, id: string): Promise<ActivityRow> {
  const [a] = await db.select().from(forceActivities).where(eq(forceActivities.id, id));
  if (!a || !regionPath.startsWith(a.regionPath) || a.regionPath.length < townshipPathLength(regionPath))
    throw activityNotFound();
  return a;
}

/** An approved volunteer signs up (a second time: the same sign-up); full → 409, ended → 422. */
export async function signUp(deps: ForcesDeps, ctx: RequestContext, id: string): Promise<AttendanceView> {
  const actor = authorize(ctx, 'forces.volunteer');
  const v = await approvedVolunteer(deps.db, actor);
  const a = await activityForVolunteer(deps.db, v.regionPath, id);
  const existing = await signupOf(deps.db, a.id, v.id);
  if (existing) return attendanceView(existing);
  if (a.endsAt <= deps.clock.now()) throw activityEnded();
  try {
    return await deps.db.transaction(async (tx) => {
      // Lock the activity so two last sign-ups cannot both take the last place.
      await tx.execute(sql`SELECT 1 FROM force_activities WHERE id = ${a.id} FOR UPDATE`);
      if ((await signedUpCount(tx, a.id)) >= a.capacity) throw activityFull();
      const [s] = await tx
        .insert(activitySignups)
        .values({ activityId: a.id, volunteerId: v.id, regionPath: a.regionPath, signedUpAt: deps.clock.now() })
        .returning();
      if (!s) throw new Error('sign-up insert failed');
      await recordAudit(tx, deps.clock, ctx, {
        action: 'forces.signup',
        targetType: 'force_activity',
        targetId: a.id,
        regionPath: a.regionPath,
      });
      return attendanceView(s);
    });
  } catch (e) {
    const raced = isUniqueViolation(e) ? await signupOf(deps.db, a.id, v.id) : null;
    if (raced) return attendanceView(raced);
    throw e;
  }
}

async function signupOf(db: Db, activityId: string, volunteerId: string): Promise<SignupRow | undefined> {
  const [s] = await db
    .select()
    .from(activitySignups)
    .where(and(eq(activitySignups.activityId, activityId), eq(activitySignups.volunteerId, volunteerId)));
  return s;
}

/** The volunteer's sign-up for the activity, or 422. */
async function ownSignup(deps: ForcesDeps, ctx: RequestContext, id: string) {
  const actor = authorize(ctx, 'forces.volunteer');
  const v = await approvedVolunteer(deps.db, actor);
  const a = await activityForVolunteer(deps.db, v.regionPath, id);
  const s = await signupOf(deps.db, a.id, v.id);
  if (!s) throw notSignedUp();
  return { a, s };
}

/** 到场签到: within the place's radius (the distance is recorded), from 30 minutes before the start; again: the first check-in. */
export async function checkIn(
  deps: ForcesDeps,
  ctx: RequestContext,
  id: string,
  pos: { lon: number; lat: number },
): Promise<AttendanceView> {
  const { a, s } = await ownSignup(deps, ctx, id);
  if (s.checkedInAt) return attendanceView(s);
  const now = deps.clock.now();
  const { distanceM, problem } = checkInProblem(pos, now, a);
  if (problem === 'too_far') throw checkInTooFar(distanceM, CHECK_IN_RULE.radiusM);
  if (problem === 'too_early') throw checkInTooEarly();
  if (problem === 'ended') throw checkInEnded();
  return deps.db.transaction(async (tx) => {
    const [done] = await tx
      .update(activitySignups)
      .set({ checkedInAt: now, checkInDistanceM: distanceM })
      .where(and(eq(activitySignups.activityId, a.id), eq(activitySignups.volunteerId, s.volunteerId)))
      .returning();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'forces.check_in',
      targetType: 'force_activity',
      targetId: a.id,
      regionPath: a.regionPath,
      detail: { distanceM },
    });
    return attendanceView(done as SignupRow);
  });
}

/** 签退: the minutes served are check-in to check-out within the activity's times (forces.ts); again: the first check-out. */
export async function checkOut(deps: ForcesDeps, ctx: RequestContext, id: string): Promise<AttendanceView> {
  const { a, s } = await ownSignup(deps, ctx, id);
  if (!s.checkedInAt) throw notCheckedIn();
  if (s.checkedOutAt) return attendanceView(s);
  const now = deps.clock.now();
  const minutes = minutesServed(s.checkedInAt, now, a);
  return deps.db.transaction(async (tx) => {
    const [done] = await tx
      .update(activitySignups)
      .set({ checkedOutAt: now, minutes })
      .where(and(eq(activitySignups.activityId, a.id), eq(activitySignups.volunteerId, s.volunteerId)))
      .returning();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'forces.check_out',
      targetType: 'force_activity',
      targetId: a.id,
      regionPath: a.regionPath,
      detail: { minutes },
    });
    return attendanceView(done as SignupRow);
  });
}
