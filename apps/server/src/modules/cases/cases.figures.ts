import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { TERMINAL_STATES } from '@gewu/domain';
import { type Db, queryRows, sqlList } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, escapeLike } from '../../platform/access.ts';
import { forbidden } from '../../platform/errors.ts';
import { figuresBadPeriod } from './cases.errors.ts';

export const figuresQuerySchema = z.strictObject({
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
  by: z.enum(['unit', 'grid']).default('unit'),
});

interface Counts {
  key: string | null;
  name: string | null;
  reported: number;
  accepted: number;
  closed: number;
  closedOnTime: number;
  closedWithinLevel: number;
  openOverdue: number;
  closedOverdue: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  resolved: number;
  contactedInTime: number;
}

const ZERO: Omit<Counts, 'key' | 'name'> = {
  reported: 0,
  accepted: 0,
  closed: 0,
  closedOnTime: 0,
  closedWithinLevel: 0,
  openOverdue: 0,
  closedOverdue: 0,
  rated: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  resolved: 0,
  contactedInTime: 0,
};

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/**
 * The assessment figures of domain.md for a period, per unit or per grid, from what the case chain
 * recorded. `due` = closed in the period + open cases past their deadline at its end. Every ratio
 * comes with its counts, and is null when nothing was due (small units are not ranked on noise).
 */
export async function caseFigures(
  deps: { db: Db; clock: Clock },
  ctx: RequestContext,
  q: z.infer<typeof figuresQuerySchema>,
) {
  const actor = authorize(ctx, 'case.read');
  const centreOrLeader = actor.roles.some((r) => r === 'dispatcher' || r === 'leader');
  // A unit sees its own figures only; grid workers and centres see their area's.
  const ownUnitOnly = !centreOrLeader && !actor.roles.includes('grid_worker') && actor.unitId !== null;
  if (!centreOrLeader && !ownUnitOnly) authorize(ctx, 'stats.read');
  if (ownUnitOnly && q.by !== 'unit') throw forbidden('处置单位只能查看本单位的指标');
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (!(from < to)) throw figuresBadPeriod();
  const scope = `${escapeLike(actor.regionPath)}%`;
  const keyCol = sql.raw(q.by === 'unit' ? 'c.assignee_unit_id' : 'c.grid_id');
  const nameJoin =
    q.by === 'unit' ? sql`LEFT JOIN units k ON k.id = c.assignee_unit_id` : sql`LEFT JOIN grids k ON k.id = c.grid_id`;
  const f = from.toISOString();
  const t = to.toISOString();
  // Open cases count as overdue only once their deadline has really passed (a period may end in the future).
  const cut = new Date(Math.min(to.getTime(), deps.clock.now().getTime())).toISOString();
  const rows = await queryRows<Counts>(
    deps.db,
    sql`SELECT ${keyCol}::text AS key, min(k.name) AS name,
      count(*) FILTER (WHERE c.reported_at >= ${f}::timestamptz AND c.reported_at < ${t}::timestamptz)::int AS reported,
      count(*) FILTER (WHERE c.reported_at >= ${f}::timestamptz AND c.reported_at < ${t}::timestamptz AND c.accepted_at IS NOT NULL)::int AS accepted,
      count(*) FILTER (WHERE c.closed_at >= ${f}::timestamptz AND c.closed_at < ${t}::timestamptz AND c.state = 'closed')::int AS closed,
      count(*) FILTER (WHERE c.closed_at >= ${f}::timestamptz AND c.closed_at < ${t}::timestamptz AND c.state = 'closed' AND NOT c.ever_overdue)::int AS "closedOnTime",
      count(*) FILTER (WHERE c.closed_at >= ${f}::timestamptz AND c.closed_at < ${t}::timestamptz AND c.state = 'closed' AND c.ever_overdue)::int AS "closedOverdue",
      count(*) FILTER (WHERE c.closed_at >= ${f}::timestamptz AND c.closed_at < ${t}::timestamptz AND c.state = 'closed' AND c.escalation_count = 0)::int AS "closedWithinLevel",
      count(*) FILTER (WHERE c.reported_at < ${t}::timestamptz AND c.state NOT IN (${sqlList(TERMINAL_STATES)}) AND c.stage_deadline < ${cut}::timestamptz)::int AS "openOverdue",
      count(*) FILTER (WHERE c.rated_at >= ${f}::timestamptz AND c.rated_at < ${t}::timestamptz)::int AS rated,
      count(*) FILTER (WHERE c.rated_at >= ${f}::timestamptz AND c.rated_at < ${t}::timestamptz AND c.rating = 'satisfied')::int AS satisfied,
      count(*) FILTER (WHERE c.rated_at >= ${f}::timestamptz AND c.rated_at < ${t}::timestamptz AND c.rating = 'basically_satisfied')::int AS "basicallySatisfied",
      count(*) FILTER (WHERE c.rated_at >= ${f}::timestamptz AND c.rated_at < ${t}::timestamptz AND c.resolved)::int AS resolved,
      count(*) FILTER (WHERE c.rated_at >= ${f}::timestamptz AND c.rated_at < ${t}::timestamptz AND c.contacted_in_time)::int AS "contactedInTime"
    FROM cases c ${nameJoin}
    WHERE c.region_path LIKE ${scope} AND c.reported_at < ${t}::timestamptz
    GROUP BY ${keyCol}`,
  );
  // Dispatches, returns, handling and rework come from the events, so a unit keeps its record after a case moves on.
  const eventKey =
    q.by === 'unit'
      ? sql`coalesce(e.data->'target'->>'unitId', e.data->>'unitId', e.actor_unit_id::text)`
      : sql`c.grid_id::text`;
  const dispatch = await queryRows<{
    key: string | null;
    dispatched: number;
    onTime: number;
    returned: number;
    mismatchedKept: number;
    handled: number;
    reworked: number;
  }>(
    deps.db,
    sql`SELECT ${eventKey} AS key,
        count(*) FILTER (WHERE e.type = 'dispatch')::int AS dispatched,
        count(*) FILTER (WHERE e.type = 'dispatch' AND (e.data->>'onTime')::boolean)::int AS "onTime",
        count(*) FILTER (WHERE e.type = 'return')::int AS returned,
        -- Sent to a unit of another kind than the item's department (with a reason) and not returned: also inaccurate.
        count(*) FILTER (WHERE e.type = 'dispatch' AND e.data ? 'kindMismatch' AND NOT EXISTS (
          SELECT 1 FROM case_events r WHERE r.case_id = e.case_id AND r.type = 'return' AND r.seq > e.seq
            AND NOT EXISTS (SELECT 1 FROM case_events d WHERE d.case_id = e.case_id AND d.type = 'dispatch' AND d.seq > e.seq AND d.seq < r.seq)
        ))::int AS "mismatchedKept",
        count(DISTINCT e.case_id) FILTER (WHERE e.type = 'feed_back')::int AS handled,
        count(DISTINCT e.case_id) FILTER (WHERE e.type = 'verify_fail')::int AS reworked
      FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.type IN ('dispatch','return','feed_back','verify_fail') AND e.at >= ${f}::timestamptz AND e.at < ${t}::timestamptz AND c.region_path LIKE ${scope}
      GROUP BY 1`,
  );
  // Keys that only appear in the events (a unit whose cases all moved on) still get a row and a name.
  const missing = dispatch.map((d) => d.key).filter((k): k is string => !!k && !rows.some((r) => r.key === k));
  if (missing.length) {
    const table = sql.raw(q.by === 'unit' ? 'units' : 'grids');
    const names = await queryRows<{ key: string; name: string }>(
      deps.db,
      sql`SELECT id::text AS key, name FROM ${table} WHERE id::text IN (${sql.join(
        missing.map((m) => sql`${m}`),
        sql`, `,
      )})`,
    );
    for (const key of missing) rows.push({ ...ZERO, key, name: names.find((n) => n.key === key)?.name ?? null });
  }
  const byKey = new Map(dispatch.map((d) => [d.key, d]));
  const items = rows.map((r) => {
    const d = byKey.get(r.key) ?? { dispatched: 0, onTime: 0, returned: 0, mismatchedKept: 0, handled: 0, reworked: 0 };
    // 准确派遣率: a dispatch is inaccurate when the unit returned it or when it went to another department's unit.
    const inaccurate = d.returned + d.mismatchedKept;
    const due = r.closed + r.openOverdue;
    return {
      key: r.key,
      name: r.name ?? (q.by === 'unit' ? '未派遣' : '无网格'),
      counts: {
        ...r,
        due,
        dispatched: d.dispatched,
        dispatchedOnTime: d.onTime,
        returned: d.returned,
        mismatched: d.mismatchedKept,
        handled: d.handled,
        reworked: d.reworked,
      },
      rates: {
        closure: ratio(r.closed, due), // 结案率
        onTimeClosure: ratio(r.closedOnTime, due), // 按期结案率
        overdue: ratio(r.closedOverdue + r.openOverdue, due), // 超期率
        rework: ratio(d.reworked, d.handled), // 返工率
        dispatchAccuracy: d.dispatched ? Math.round((1 - inaccurate / d.dispatched) * 10_000) / 10_000 : null, // 准确派遣率
        onTimeDispatch: ratio(d.onTime, d.dispatched), // 按时派遣率
        validReports: ratio(r.accepted, r.reported), // 有效上报率
        solvedWithinArea: ratio(r.closedWithinLevel, r.closed), // 辖域内解决率
        response: ratio(r.contactedInTime, r.rated), // 响应率
        resolution: ratio(r.resolved, r.rated), // 解决率
        satisfaction: r.rated
          ? Math.round(((r.satisfied + 0.9 * r.basicallySatisfied) / r.rated) * 10_000) / 10_000
          : null, // 满意率
      },
    };
  });
  items.sort((a, b) => b.counts.due - a.counts.due || b.counts.reported - a.counts.reported);
  return { from: f, to: t, by: q.by, items: ownUnitOnly ? items.filter((i) => i.key === actor.unitId) : items };
}
