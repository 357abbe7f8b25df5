import {
  type DisputeFigureCounts,
  type DisputeFigureGroup,
  type DisputeFiguresQuery,
  type DisputeFiguresView,
  chinaDayOf,
  disputeFigureTerms,
  disputeRates,
  screeningComplianceRate,
} from '@gewu/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, can } from '../../platform/access.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { regionNotFound } from '../regions/regions.errors.ts';
import { actorOrganisation } from '../disputes/disputes.access.ts';
import { figuresBadPeriod } from '../cases/cases.errors.ts';
import { type CountsRow, type FigurePeriod, disputeCounts, screeningCounts } from './dispute-figures.repository.ts';

export type DisputeFigureDeps = { db: Db; clock: Clock };

const ZERO: DisputeFigureCounts = {
  registered: 0,
  agreed: 0,
  failed: 0,
  confirmed: 0,
  agreedVillage: 0,
  agreedTownship: 0,
  agreedCounty: 0,
  followedUp: 0,
  performed: 0,
};

function group(key: string | null, name: string, row: Partial<CountsRow> | undefined): DisputeFigureGroup {
  const c: DisputeFigureCounts = {
    ...ZERO,
    ...Object.fromEntries(Object.entries(row ?? {}).filter(([k]) => k in ZERO)),
  };
  const t = disputeFigureTerms(c);
  return {
    key,
    name,
    counts: { ...c, mediated: t.mediated },
    rates: disputeRates(c),
  };
}

/**
 * The dispute figures (DISPUTE_FIGURES) for a period and a region of the actor's area — the centre
 * and leaders their area's, with its 排查 compliance; a mediator their organisation's only — in
 * total, per mediation organisation and per mediator, each rate with its numerator and denominator.
 */
export async function disputeFigures(
  deps: DisputeFigureDeps,
  ctx: RequestContext,
  q: DisputeFiguresQuery,
): Promise<DisputeFiguresView> {
  const actor = authorize(ctx, 'dispute.read');
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (!(from < to)) throw figuresBadPeriod();
  let region = { id: actor.regionId, name: actor.regionName, path: actor.regionPath };
  if (q.regionId) {
    const found = await findRegionInScope(deps.db, actor, q.regionId);
    if (!found) throw regionNotFound();
    region = { id: found.id, name: found.name, path: found.path };
  }
  // The centre and leaders see their area; a mediator only the disputes of their organisation.
  const area = can(actor, 'dispute.centre') || actor.roles.includes('leader');
  const organisationId = area ? null : await actorOrganisation(deps.db, actor);
  const only = area ? undefined : organisationId ? sql`d.organisation_id = ${organisationId}` : sql`false`;
  const p: FigurePeriod = {
    from: from.toISOString(),
    to: to.toISOString(),
    fromDay: chinaDayOf(from),
    toDay: chinaDayOf(to),
  };
  const [total, byOrg, byMediator, screening] = await Promise.all([
    disputeCounts(deps.db, region.path, p, 'total', only),
    disputeCounts(deps.db, region.path, p, 'organisation', only),
    disputeCounts(deps.db, region.path, p, 'mediator', only),
    area ? screeningCounts(deps.db, region.path, p, deps.clock.now()) : Promise.resolve(null),
  ]);
  const order = (a: DisputeFigureGroup, b: DisputeFigureGroup) =>
    b.counts.registered - a.counts.registered || b.counts.mediated - a.counts.mediated || a.name.localeCompare(b.name);
  return {
    from: p.from,
    to: p.to,
    region: { id: region.id, name: region.name },
    total: group(null, region.name, total[0]),
    screening: screening ? { ...screening, compliance: screeningComplianceRate(screening) } : null,
    byOrganisation: byOrg.map((r) => group(r.key, r.name ?? '未分流', r)).sort(order),
    byMediator: byMediator.map((r) => group(r.key, r.name ?? '未指派调解员', r)).sort(order),
  };
}
