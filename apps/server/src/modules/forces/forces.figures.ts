import type { ForcesFigures } from '@gewu/domain';
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, escapeLike } from '../../platform/access.ts';
import { claimFigures } from './forces.repository.ts';
import { regionForForces } from './forces.scope.ts';
import { activitySignups, volunteers } from './forces.table.ts';
import type { ForcesDeps } from './forces.teams.ts';

/** A day in China time (UTC+8) as the instant it starts. */
const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * Volunteer hours and 市民认领 for a period (whole China days, both ends included) and a region of the
 * actor's area: approved volunteers, attendances checked out and their minutes, cases closed as
 * handled by a volunteer (apart from the grid workers' 即报即办), and claims sent back.
 */
export async function forcesFigures(
  deps: ForcesDeps,
  ctx: RequestContext,
  q: { from: string; to: string; regionId?: string },
): Promise<ForcesFigures> {
  const actor = authorize(ctx, 'forces.read');
  const path = q.regionId ? (await regionForForces(deps.db, actor, q.regionId)).path : actor.regionPath;
  const from = chinaMidnight(q.from);
  const to = new Date(chinaMidnight(q.to).getTime() + 86_400_000);
  const under = (col: Parameters<typeof sql>[1]) => sql`${col} LIKE ${escapeLike(path) + '%'}`;
  const [vol] = await deps.db
    .select({ n: count() })
    .from(volunteers)
    .where(and(eq(volunteers.state, 'approved'), under(volunteers.regionPath)));
  const [att] = await deps.db
    .select({ n: count(), m: sql<number>`coalesce(sum(${activitySignups.minutes}), 0)::int` })
    .from(activitySignups)
    .where(
      and(
        under(activitySignups.regionPath),
        gte(activitySignups.checkedOutAt, from),
        lt(activitySignups.checkedOutAt, to),
      ),
    );
  const claims = await claimFigures(deps.db, path, from, to);
  return {
    regionPath: path,
    from: q.from,
    to: q.to,
    volunteers: Number(vol?.n ?? 0),
    attendances: Number(att?.n ?? 0),
    minutes: Number(att?.m ?? 0),
    ...claims,
  };
}
