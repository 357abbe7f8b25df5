import {
  type PetitionFigureRow,
  type PetitionFiguresQuery,
  type PetitionFiguresView,
  type PetitionRate,
  regionPathPattern,
} from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, escapeLike } from '../../platform/access.ts';
import { figuresBadPeriod } from './petitions.errors.ts';
import { regionNamesByPath } from './petitions.read.repository.ts';

const COUNT_KEYS = [
  'registered',
  'collective',
  'repeats',
  'intakeDecided',
  'intakeOnTime',
  'intakeOverdueOpen',
  'accepted',
  'answered',
  'answeredOnTime',
  'handlingOverdueOpen',
  'resolvedFirstTime',
  'reviewRequested',
  'reviewDecided',
  'reexaminationRequested',
  'taken',
  'supervised',
] as const;
type Counts = Record<(typeof COUNT_KEYS)[number], number>;

const rate = (numerator: number, denominator: number): PetitionRate => ({
  numerator,
  denominator,
  rate: denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null,
});

function row(key: string, name: string, c: Counts): PetitionFigureRow {
  return {
    key,
    name,
    counts: {
      registered: c.registered,
      collective: c.collective,
      accepted: c.accepted,
      answered: c.answered,
      reviewRequested: c.reviewRequested,
      reexaminationRequested: c.reexaminationRequested,
      taken: c.taken,
      supervised: c.supervised,
    },
    rates: {
      intakeOnTime: rate(c.intakeOnTime, c.intakeDecided + c.intakeOverdueOpen),
      handledOnTime: rate(c.answeredOnTime, c.answered + c.handlingOverdueOpen),
      resolvedFirstTime: rate(c.resolvedFirstTime, c.answered),
      repeat: rate(c.repeats, c.registered),
      review: rate(c.reviewRequested, c.answered),
      reexamination: rate(c.reexaminationRequested, c.reviewDecided),
    },
  };
}

const MAX_PERIOD_MS = 366 * 86_400_000;

/**
 * The petition figures of domain.md for a period, per township (the centre handling them) or per
 * village/community (where the matter arose), each rate with its numerator and denominator (null when
 * nothing was due):
 * - 按期受理率: intakes decided in the period within their 15 days / intakes decided in the period +
 *   petitions still undecided past their 15 days at the period's end (or now, if sooner);
 * - 按期办结率: replies in the period within the (extended) handling limit / replies in the period +
 *   accepted petitions still unanswered past their limit;
 * - 一次性化解率: replies in the period after which neither 复查 was asked nor the matter petitioned
 *   again / replies in the period;
 * - 重复信访率: petitions registered in the period as a repeat of an earlier one / registered;
 * - 复查率: replies in the period whose 复查 was asked / replies in the period;
 * - 复核率: 复查 opinions in the period whose 复核 was asked / 复查 opinions in the period.
 */
export async function petitionFigures(
  deps: { db: Db; clock: Clock },
  ctx: RequestContext,
  q: PetitionFiguresQuery,
): Promise<PetitionFiguresView> {
  const actor = authorize(ctx, 'petition.read');
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (!(from < to) || to.getTime() - from.getTime() > MAX_PERIOD_MS) throw figuresBadPeriod();
  const f = from.toISOString();
  const t = to.toISOString();
  const cut = new Date(Math.min(to.getTime(), deps.clock.now().getTime())).toISOString();
  const scope = `${escapeLike(actor.regionPath)}%`;
  const key = sql.raw(`coalesce(substring(p.region_path from '${regionPathPattern(q.by)}'), p.region_path)`);
  const within = (column: string) =>
    sql.raw(`p.${column} >= '${f}'::timestamptz AND p.${column} < '${t}'::timestamptz`);
  const rows = await queryRows<Counts & { key: string }>(
    deps.db,
    sql`SELECT ${key} AS key,
      count(*) FILTER (WHERE ${within('registered_at')})::int AS registered,
      count(*) FILTER (WHERE ${within('registered_at')} AND p.collective)::int AS collective,
      count(*) FILTER (WHERE ${within('registered_at')} AND p.repeat_of_id IS NOT NULL)::int AS repeats,
      count(*) FILTER (WHERE ${within('intake_at')})::int AS "intakeDecided",
      count(*) FILTER (WHERE ${within('intake_at')} AND NOT p.intake_late)::int AS "intakeOnTime",
      count(*) FILTER (WHERE p.state = 'registered' AND p.stage_deadline < ${cut}::timestamptz)::int AS "intakeOverdueOpen",
      count(*) FILTER (WHERE ${within('accepted_at')})::int AS accepted,
      count(*) FILTER (WHERE ${within('answered_at')})::int AS answered,
      count(*) FILTER (WHERE ${within('answered_at')} AND NOT p.handling_late)::int AS "answeredOnTime",
      count(*) FILTER (WHERE p.state = 'accepted' AND p.stage_deadline < ${cut}::timestamptz AND p.accepted_at < ${t}::timestamptz)::int AS "handlingOverdueOpen",
      count(*) FILTER (WHERE ${within('answered_at')} AND p.review_requested_on IS NULL AND NOT EXISTS (
        SELECT 1 FROM petitions r WHERE r.matter_id = p.matter_id AND r.id <> p.id AND r.received_at > p.answered_at
      ))::int AS "resolvedFirstTime",
      count(*) FILTER (WHERE ${within('answered_at')} AND p.review_requested_on IS NOT NULL)::int AS "reviewRequested",
      count(*) FILTER (WHERE ${within('review_decided_at')})::int AS "reviewDecided",
      count(*) FILTER (WHERE ${within('review_decided_at')} AND p.reexamination_requested_on IS NOT NULL)::int AS "reexaminationRequested",
      count(*) FILTER (WHERE ${within('leader_taken_at')})::int AS taken,
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM petition_events e WHERE e.petition_id = p.id AND e.type = 'supervise'
          AND e.at >= ${f}::timestamptz AND e.at < ${t}::timestamptz
      ))::int AS supervised
    FROM petitions p
    WHERE p.region_path LIKE ${scope} AND p.registered_at < ${t}::timestamptz
    GROUP BY 1`,
  );
  const names = await regionNamesByPath(
    deps.db,
    rows.map((r) => r.key),
  );
  const items = rows
    .map((r) => row(r.key, names.get(r.key) ?? r.key, r))
    .filter(
      (r) =>
        Object.values(r.counts).some((n) => n > 0) ||
        r.rates.intakeOnTime.denominator > 0 ||
        r.rates.handledOnTime.denominator > 0,
    )
    .sort((a, b) => b.counts.registered - a.counts.registered || a.key.localeCompare(b.key));
  const sum = Object.fromEntries(COUNT_KEYS.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Counts;
  return { from: f, to: t, by: q.by, items, total: row(actor.regionPath, actor.regionName, sum) };
}
