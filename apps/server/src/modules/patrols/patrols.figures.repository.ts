import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { escapeLike } from '../../platform/access.ts';

/** Which patrols a figure counts: started in [from, to) under `path`, a grid worker's own only. */
export type PatrolFilter = { path: string; from: Date; to: Date; workerId?: string };

export type PatrolTallyRow = {
  patrols: number;
  open: number;
  onTrackSeconds: number;
  distanceM: number;
  coverage: number | null;
  checkins: number;
  problemsReported: number;
};

/**
 * The period's patrols with what each adds up: the kept summary (ended patrols; patrols.summary.ts),
 * its check-ins and the problems its worker reported between start and end.
 */
function patrolsOf(f: PatrolFilter): SQL {
  return sql`SELECT p.id, p.worker_id, p.grid_id, p.ended_at, p.on_track_s, p.distance_m, p.coverage,
      (SELECT count(*) FROM patrol_checkins c WHERE c.patrol_id = p.id) AS checkins,
      CASE WHEN p.ended_at IS NULL THEN 0 ELSE (SELECT count(*) FROM cases k WHERE k.reporter_user_id = p.worker_id
        AND k.reported_at >= p.started_at AND k.reported_at <= p.ended_at) END AS problems
    FROM patrols p
    WHERE p.region_path LIKE ${escapeLike(f.path) + '%'}
      AND p.started_at >= ${f.from.toISOString()}::timestamptz AND p.started_at < ${f.to.toISOString()}::timestamptz
      ${f.workerId ? sql`AND p.worker_id = ${f.workerId}::uuid` : sql``}`;
}

const tally = sql`count(*)::int AS patrols,
  (count(*) - count(x.ended_at))::int AS open,
  coalesce(sum(x.on_track_s), 0)::float8 AS "onTrackSeconds",
  coalesce(sum(x.distance_m), 0)::float8 AS "distanceM",
  avg(x.coverage)::float8 AS coverage,
  coalesce(sum(x.checkins), 0)::float8 AS checkins,
  coalesce(sum(x.problems), 0)::float8 AS "problemsReported"`;

/** The period's totals, with the number of workers and of grids (the rows' totals, for paging). */
export async function patrolTotals(db: Db, f: PatrolFilter) {
  const [row] = await queryRows<PatrolTallyRow & { workers: number; grids: number }>(
    db,
    sql`SELECT ${tally}, count(DISTINCT x.worker_id)::int AS workers,
        (count(DISTINCT x.grid_id) + coalesce(max(CASE WHEN x.grid_id IS NULL THEN 1 ELSE 0 END), 0))::int AS grids
      FROM (${patrolsOf(f)}) x`,
  );
  return row!;
}

/**
 * One page of rows per grid or per worker, in one grouped query, by name: the grid's name (patrols
 * with no grid last) or the worker's display name.
 */
export async function patrolRows(
  db: Db,
  f: PatrolFilter,
  by: 'grid' | 'worker',
  page: { limit: number; offset: number },
): Promise<(PatrolTallyRow & { id: string | null; name: string | null })[]> {
  const key = by === 'grid' ? sql`x.grid_id` : sql`x.worker_id`;
  const names = by === 'grid' ? sql`LEFT JOIN grids n ON n.id = g.id` : sql`LEFT JOIN users n ON n.id = g.id`;
  const name = by === 'grid' ? sql`n.name` : sql`n.display_name`;
  return queryRows(
    db,
    sql`SELECT g.*, ${name} AS name FROM (
        SELECT ${key} AS id, ${tally} FROM (${patrolsOf(f)}) x GROUP BY ${key}
      ) g ${names}
      ORDER BY ${name} NULLS LAST, g.id NULLS LAST LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
}

/**
 * The workers' duty days in [from, to) as the norm counts them (normScore): per Beijing day the
 * patrols with time on track and their seconds (ended patrols, from the kept summary), and the
 * problems they reported that day.
 */
export async function dutyDaysOf(db: Db, workerIds: string[], from: Date, to: Date) {
  if (!workerIds.length) return [];
  const ids = `{${workerIds.join(',')}}`;
  const range = (col: SQL) =>
    sql`${col} >= ${from.toISOString()}::timestamptz AND ${col} < ${to.toISOString()}::timestamptz`;
  const dayNo = (col: SQL) => sql`floor((extract(epoch FROM ${col}) + 28800) / 86400)::int`;
  return queryRows<{ workerId: string; dayNo: number; patrols: number; seconds: number; reports: number }>(
    db,
    sql`SELECT "workerId", "dayNo", sum(patrols)::int AS patrols, sum(seconds)::float8 AS seconds, sum(reports)::int AS reports
      FROM (
        SELECT p.worker_id AS "workerId", ${dayNo(sql`p.started_at`)} AS "dayNo", count(*) AS patrols,
          sum(p.on_track_s) AS seconds, 0 AS reports
        FROM patrols p WHERE p.worker_id = ANY(${ids}::uuid[]) AND p.on_track_s > 0 AND ${range(sql`p.started_at`)}
        GROUP BY 1, 2
        UNION ALL
        SELECT k.reporter_user_id, ${dayNo(sql`k.reported_at`)}, 0, 0, count(*)
        FROM cases k WHERE k.reporter_user_id = ANY(${ids}::uuid[]) AND ${range(sql`k.reported_at`)}
        GROUP BY 1, 2
      ) d GROUP BY 1, 2`,
  );
}
