import type { DisputeFigureCounts, ScreeningFigureCounts } from '@gewu/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { escapeLike } from '../../platform/access.ts';

/** The period as the queries bind it: instants [from, to), and the Beijing days a screening period must end within. */
export interface FigurePeriod {
  from: string;
  to: string;
  fromDay: string;
  toDay: string;
}

export type CountsRow = DisputeFigureCounts & { key: string | null; name: string | null };

const GROUP = {
  total: { key: sql.raw('NULL::text'), name: sql.raw('NULL::text'), join: sql.raw('') },
  organisation: {
    key: sql.raw('d.organisation_id::text'),
    name: sql.raw('min(o.name)'),
    join: sql.raw('LEFT JOIN mediation_organisations o ON o.id = d.organisation_id'),
  },
  mediator: {
    key: sql.raw('d.mediator_user_id::text'),
    name: sql.raw('min(u.display_name)'),
    join: sql.raw('LEFT JOIN users u ON u.id = d.mediator_user_id'),
  },
} as const;

/**
 * The counts of DISPUTE_FIGURES over the disputes under `scopePath` (and `only`, when given), in one
 * group or by organisation or mediator. Each count as the definitions in @gewu/domain
 * (disputes-figures.ts) write it: agreed by the `agree` time, failed by the `fail` time (its end), the
 * last follow-up within the period.
 */
export async function disputeCounts(
  db: Db,
  scopePath: string,
  p: FigurePeriod,
  by: keyof typeof GROUP,
  only?: SQL,
): Promise<CountsRow[]> {
  const g = GROUP[by];
  const inP = (col: string) => sql.raw(`${col} >= '${p.from}'::timestamptz AND ${col} < '${p.to}'::timestamptz`);
  return queryRows<CountsRow>(
    db,
    sql`WITH fu AS (
          SELECT DISTINCT ON (e.dispute_id) e.dispute_id, e.data->>'performance' AS performance
            FROM dispute_events e
           WHERE e.type = 'follow_up' AND ${inP('e.at')}
           ORDER BY e.dispute_id, e.seq DESC
        )
        SELECT ${g.key} AS key, ${g.name} AS name,
          count(*) FILTER (WHERE ${inP('d.registered_at')})::int AS registered,
          count(*) FILTER (WHERE ${inP('d.agreed_at')})::int AS agreed,
          count(*) FILTER (WHERE d.state = 'failed' AND ${inP('d.ended_at')})::int AS failed,
          count(*) FILTER (WHERE ${inP('d.agreed_at')} AND d.confirmation_result = 'confirmed')::int AS confirmed,
          count(*) FILTER (WHERE ${inP('d.agreed_at')} AND d.tier = 'village')::int AS "agreedVillage",
          count(*) FILTER (WHERE ${inP('d.agreed_at')} AND d.tier = 'township')::int AS "agreedTownship",
          count(*) FILTER (WHERE ${inP('d.agreed_at')} AND d.tier = 'county')::int AS "agreedCounty",
          count(fu.dispute_id)::int AS "followedUp",
          count(*) FILTER (WHERE fu.performance = 'full')::int AS performed
        FROM disputes d LEFT JOIN fu ON fu.dispute_id = d.id ${g.join}
        WHERE d.region_path LIKE ${`${escapeLike(scopePath)}%`} ${only ? sql`AND ${only}` : sql``}
          AND (${inP('d.registered_at')} OR ${inP('d.agreed_at')} OR (d.state = 'failed' AND ${inP('d.ended_at')})
               OR fu.dispute_id IS NOT NULL)
        GROUP BY 1`,
  );
}

/**
 * 排查 of the grids under `scopePath`: each unit grid of each round whose period ended within the
 * period and whose due time has passed (`now`), with the report it got — on time, late, or none.
 */
export async function screeningCounts(
  db: Db,
  scopePath: string,
  p: FigurePeriod,
  now: Date,
): Promise<ScreeningFigureCounts> {
  const [row] = await queryRows<ScreeningFigureCounts>(
    db,
    sql`SELECT count(*)::int AS "reportsDue",
          count(*) FILTER (WHERE sr.id IS NOT NULL AND NOT sr.late)::int AS "reportedOnTime",
          count(*) FILTER (WHERE sr.late)::int AS "reportedLate",
          count(*) FILTER (WHERE sr.id IS NULL)::int AS missing,
          count(*) FILTER (WHERE sr.id IS NOT NULL AND NOT sr.late AND sr.first_zero)::int AS "zeroOnTime"
        FROM screening_rounds r
        JOIN grids g ON g.region_path LIKE r.region_path || '%' AND g.kind <> 'micro'
                    AND (g.retired_at IS NULL OR g.retired_at > r.due_at)
        LEFT JOIN screening_reports sr ON sr.round_id = r.id AND sr.grid_id = g.id
        WHERE g.region_path LIKE ${`${escapeLike(scopePath)}%`}
          AND r.period_end >= ${p.fromDay}::date AND r.period_end < ${p.toDay}::date
          AND r.due_at < ${now.toISOString()}::timestamptz`,
  );
  return row ?? { reportsDue: 0, reportedOnTime: 0, reportedLate: 0, missing: 0, zeroOnTime: 0 };
}
