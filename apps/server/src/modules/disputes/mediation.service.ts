import {
  DISPUTE_TIER_OF_LEVEL,
  type DisputeTier,
  type MediationOrganisationInput,
  type MediationOrganisationPatch,
  type MediationOrganisationView,
  type MediationProposal,
  type MediatorLink,
  type OrganisationKind,
  PATH_ORGANISATION_KINDS,
  type ProposalQuery,
  type RegionLevel,
  disputeTierRank,
} from '@gewu/domain';
import { type SQL, and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, inScope, isInScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { loadDispute, relationsOf } from './disputes.access.ts';
import {
  disputeNotFound,
  mediatorHoldsDisputes,
  mediatorNotLinked,
  mediatorUserInvalid,
  organisationHasOpenDisputes,
  organisationKindTier,
  organisationNameTaken,
  organisationNotFound,
  organisationRegionInvalid,
  typeCodesUnknown,
} from './disputes.errors.ts';
import { mediationOrganisations } from './disputes.table.ts';
import {
  type OrganisationRow,
  existingTypeCodes,
  findOrganisation,
  insertOrganisation,
  linkMediator,
  listOrganisations,
  mediatorAccount,
  mediatorHoldCount,
  mediatorsOf,
  organisationNameTaken as nameTaken,
  organisationOpenCount,
  unlinkMediator,
  updateOrganisation,
} from './mediation.repository.ts';

export type MediationDeps = { db: Db; clock: Clock };

/** The kinds of committee that sit at one tier only (a village's committee is a village's). */
const KIND_TIER: Partial<Record<OrganisationKind, DisputeTier>> = {
  people_village: 'village',
  people_township: 'township',
  people_county: 'county',
};

async function withMediators(
  db: Db,
  rows: { o: OrganisationRow; regionName: string; openLoad: number }[],
): Promise<MediationOrganisationView[]> {
  const members = await mediatorsOf(
    db,
    rows.map((r) => r.o.id),
  );
  return rows.map(({ o, regionName, openLoad }) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    tier: o.tier,
    regionId: o.regionId,
    regionName,
    typeCodes: o.typeCodes,
    active: o.active,
    openLoad,
    mediators: members
      .filter((m) => m.organisationId === o.id)
      .map((m) => ({ userId: m.userId, name: m.name, title: m.title, openLoad: m.openLoad })),
  }));
}

/** Organisations in the actor's area, and those above it that serve it (a county's committee for a township). */
export async function listMediationOrganisations(deps: MediationDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const covering = sql`${actor.regionPath} LIKE ${mediationOrganisations.regionPath} || '%'`;
  const rows = await listOrganisations(deps.db, or(inScope(actor, mediationOrganisations.regionPath), covering));
  return { items: await withMediators(deps.db, rows) };
}

async function organisationView(db: Db, id: string): Promise<MediationOrganisationView> {
  const [view] = await withMediators(db, await listOrganisations(db, eq(mediationOrganisations.id, id)));
  if (!view) throw organisationNotFound();
  return view;
}

async function checkTypeCodes(db: Db, codes: readonly string[]) {
  const found = await existingTypeCodes(db, codes);
  if (codes.some((c) => !found.includes(c))) throw typeCodesUnknown();
}

/** An organisation the admin keeps: inside their area. */
async function ownOrganisation(db: Db, actor: Actor, id: string): Promise<OrganisationRow> {
  const o = await findOrganisation(db, id);
  if (!o || !isInScope(actor.regionPath, o.regionPath)) throw organisationNotFound();
  return o;
}

export async function createMediationOrganisation(
  deps: MediationDeps,
  ctx: RequestContext,
  input: MediationOrganisationInput,
): Promise<MediationOrganisationView> {
  const actor = authorize(ctx, 'dispute.manage');
  const region = await findRegionInScope(deps.db, actor, input.regionId);
  if (!region || !['village', 'township', 'county'].includes(region.level)) throw organisationRegionInvalid();
  const tier = DISPUTE_TIER_OF_LEVEL[region.level as RegionLevel];
  const fixed = KIND_TIER[input.kind];
  if (fixed && fixed !== tier) throw organisationKindTier();
  await checkTypeCodes(deps.db, input.typeCodes);
  if (await nameTaken(deps.db, region.id, input.name)) throw organisationNameTaken();
  const id = await deps.db.transaction(async (tx) => {
    const row = await insertOrganisation(tx, {
      regionId: region.id,
      regionPath: region.path,
      tier,
      kind: input.kind,
      name: input.name,
      typeCodes: [...new Set(input.typeCodes)],
      createdAt: deps.clock.now(),
    });
    if (!row) throw organisationNameTaken();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'mediation.organisation_create',
      targetType: 'mediation_organisation',
      targetId: row.id,
      regionPath: row.regionPath,
      detail: { name: row.name, kind: row.kind },
    });
    return row.id;
  });
  return organisationView(deps.db, id);
}

export async function patchMediationOrganisation(
  deps: MediationDeps,
  ctx: RequestContext,
  id: string,
  patch: MediationOrganisationPatch,
): Promise<MediationOrganisationView> {
  const actor = authorize(ctx, 'dispute.manage');
  const o = await ownOrganisation(deps.db, actor, id);
  if (patch.typeCodes) await checkTypeCodes(deps.db, patch.typeCodes);
  if (patch.name && (await nameTaken(deps.db, o.regionId, patch.name, o.id))) throw organisationNameTaken();
  if (patch.active === false && o.active && (await organisationOpenCount(deps.db, o.id)) > 0)
    throw organisationHasOpenDisputes();
  await deps.db.transaction(async (tx) => {
    await updateOrganisation(tx, o.id, {
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.typeCodes ? { typeCodes: [...new Set(patch.typeCodes)] } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'mediation.organisation_update',
      targetType: 'mediation_organisation',
      targetId: o.id,
      regionPath: o.regionPath,
      detail: { fields: Object.keys(patch) },
    });
  });
  return organisationView(deps.db, o.id);
}

/**
 * Makes a mediator account a member of an organisation (or moves it): an active account with the
 * mediator role, inside the admin's area, whose region holds the organisation's or lies inside it.
 * A mediator still holding disputes is not moved (they belong to the old organisation).
 */
export async function linkMediatorToOrganisation(
  deps: MediationDeps,
  ctx: RequestContext,
  userId: string,
  link: MediatorLink,
) {
  const actor = authorize(ctx, 'dispute.manage');
  const o = await ownOrganisation(deps.db, actor, link.organisationId);
  if (!o.active) throw organisationNotFound();
  const u = await mediatorAccount(deps.db, userId);
  const fits =
    u &&
    u.status === 'active' &&
    u.roles.includes('mediator') &&
    isInScope(actor.regionPath, u.regionPath) &&
    (isInScope(u.regionPath, o.regionPath) || isInScope(o.regionPath, u.regionPath));
  if (!u || !fits) throw mediatorUserInvalid();
  if (u.organisationId && u.organisationId !== o.id && (await mediatorHoldCount(deps.db, u.id)) > 0)
    throw mediatorHoldsDisputes();
  return deps.db.transaction(async (tx) => {
    const row = await linkMediator(tx, {
      userId: u.id,
      organisationId: o.id,
      title: link.title ?? null,
      linkedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'mediation.mediator_link',
      targetType: 'user',
      targetId: u.id,
      regionPath: o.regionPath,
      detail: { organisationId: o.id },
    });
    return { userId: u.id, organisationId: o.id, title: row?.title ?? null };
  });
}

export async function unlinkMediatorFromOrganisation(deps: MediationDeps, ctx: RequestContext, userId: string) {
  const actor = authorize(ctx, 'dispute.manage');
  const u = await mediatorAccount(deps.db, userId);
  const o = u?.organisationId ? await findOrganisation(deps.db, u.organisationId) : undefined;
  if (!u || !o || !isInScope(actor.regionPath, o.regionPath)) throw mediatorNotLinked();
  if ((await mediatorHoldCount(deps.db, u.id)) > 0) throw mediatorHoldsDisputes();
  await deps.db.transaction(async (tx) => {
    await unlinkMediator(tx, u.id);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'mediation.mediator_unlink',
      targetType: 'user',
      targetId: u.id,
      regionPath: o.regionPath,
      detail: { organisationId: o.id },
    });
  });
}

/**
 * 分流建议: the organisations that may take the dispute — active, serving its place, at its tier or
 * above, taking its type, suiting the path when one is named — lowest tier first, then those naming
 * its type, then the least loaded; each with its mediators' open load.
 */
export async function proposeOrganisations(
  deps: MediationDeps,
  ctx: RequestContext,
  id: string,
  q: ProposalQuery,
): Promise<MediationProposal> {
  const actor = requireActor(ctx);
  const d = await loadDispute(deps.db, actor, id);
  if (!(await relationsOf(deps.db, actor, d)).includes('centre')) throw disputeNotFound();
  const kinds = q.path ? PATH_ORGANISATION_KINDS[q.path] : null;
  const where = and(
    eq(mediationOrganisations.active, true),
    sql`${d.regionPath} LIKE ${mediationOrganisations.regionPath} || '%'`,
    sql`(cardinality(${mediationOrganisations.typeCodes}) = 0 OR ${d.typeCode} = ANY(${mediationOrganisations.typeCodes}))`,
    q.tier ? eq(mediationOrganisations.tier, q.tier) : undefined,
  ) as SQL;
  const views = await withMediators(deps.db, await listOrganisations(deps.db, where));
  const rank = (v: MediationOrganisationView) => disputeTierRank(v.tier);
  const organisations = views
    .filter((v) => rank(v) >= disputeTierRank(d.tier) && (!kinds || kinds.includes(v.kind)))
    .map((v) => ({ ...v, handlesType: v.typeCodes.includes(d.typeCode), atTier: v.tier === d.tier }))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        Number(b.handlesType) - Number(a.handlesType) ||
        a.openLoad - b.openLoad ||
        a.name.localeCompare(b.name, 'zh'),
    );
  return { tier: d.tier, organisations };
}
