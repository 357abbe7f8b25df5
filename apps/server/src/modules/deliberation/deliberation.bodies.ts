import {
  BODY_BASES,
  type BodyCreate,
  type BodyList,
  type BodyView,
  type RollChange,
  chinaDayOf,
  isOfVotingAge,
  maskName,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { type RegionRow, findRegionInScope } from '../regions/regions.repository.ts';
import {
  type RollPerson,
  householdOf,
  searchVillageResidents,
  villageHouseholds,
  villageResidentsByIds,
  villageResidentsWithBirthDate,
} from '../people/people.rolls.ts';
import {
  bodyBasisInvalid,
  bodyExists,
  bodyNotFound,
  rollChangeEmpty,
  rollMemberInvalid,
  rollReasonRequired,
  rollResidentInvalid,
  villageNotFound,
} from './deliberation.errors.ts';
import {
  type BodyRow,
  bodiesInScope,
  bodyInScope,
  bodyOfVillage,
  currentMembers,
  insertBody,
  insertMembers,
  membersOf,
  removeMembers,
  touchBody,
} from './deliberation.repository.ts';

export type BodyDeps = { db: Db; clock: Clock };

/** A village (or community) in the actor's scope, else 404. */
export async function villageInScope(db: Db, actor: Actor, villageId: string): Promise<RegionRow> {
  const v = await findRegionInScope(db, actor, villageId);
  if (!v || v.level !== 'village') throw villageNotFound();
  return v;
}

async function loadBody(db: Db, actor: Actor, id: string): Promise<BodyRow> {
  const b = await bodyInScope(db, id, actor.regionPath);
  if (!b) throw bodyNotFound();
  return b;
}

async function bodyView(db: Db, actor: Actor, b: BodyRow): Promise<BodyView> {
  const members = await membersOf(db, b.id);
  const village = await findRegionInScope(db, actor, b.villageId);
  return {
    id: b.id,
    villageId: b.villageId,
    villageName: village?.name ?? '',
    kind: b.kind,
    basis: b.basis,
    rollSize: members.filter((m) => !m.removedAt).length,
    members: members.map((m) => ({
      id: m.id,
      label: m.label,
      household: m.houseId !== null,
      addedAt: m.addedAt.toISOString(),
      addedReason: m.addedReason,
      removedAt: m.removedAt?.toISOString() ?? null,
      removedReason: m.removedReason,
    })),
  };
}

/** The bodies of the actor's area (or of one village of it). */
export async function listBodies(deps: BodyDeps, ctx: RequestContext, villageId?: string): Promise<BodyList> {
  const actor = authorize(ctx, 'deliberation.read');
  if (villageId) await villageInScope(deps.db, actor, villageId);
  const rows = await bodiesInScope(deps.db, actor.regionPath, villageId);
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.villageId)))
    names.set(id, (await findRegionInScope(deps.db, actor, id))?.name ?? '');
  return {
    items: rows.map((r) => ({
      id: r.id,
      villageId: r.villageId,
      villageName: names.get(r.villageId) ?? '',
      kind: r.kind,
      basis: r.basis,
      rollSize: r.rollSize,
    })),
  };
}

export async function getBody(deps: BodyDeps, ctx: RequestContext, id: string): Promise<BodyView> {
  const actor = authorize(ctx, 'deliberation.read');
  return bodyView(deps.db, actor, await loadBody(deps.db, actor, id));
}

const label = (p: RollPerson) => maskName(p.name);

/**
 * Sets up a body of a village. The villagers' meeting's roll is derived from the base data: the
 * residents aged 18 or over today (birth dates come from their identity numbers), or one
 * representative per household (村民委员会组织法 art. 22); other bodies start empty and are filled by hand.
 */
export async function createBody(deps: BodyDeps, ctx: RequestContext, body: BodyCreate): Promise<BodyView> {
  const actor = authorize(ctx, 'deliberation.manage');
  const village = await villageInScope(deps.db, actor, body.villageId);
  if (!BODY_BASES[body.kind].includes(body.basis)) throw bodyBasisInvalid();
  if (await bodyOfVillage(deps.db, village.id, body.kind)) throw bodyExists();
  const now = deps.clock.now();
  const today = chinaDayOf(now);
  const reason =
    body.basis === 'adults' ? '依据实有人口生成：年满十八周岁的本村村民' : '依据人房关联生成：每户一名代表';
  const derived =
    body.basis === 'adults'
      ? (await villageResidentsWithBirthDate(deps.db, village.id))
          .filter((p) => p.birthDate && isOfVotingAge(p.birthDate, today))
          .map((p) => ({ residentId: p.id, houseId: null, label: label(p) }))
      : body.basis === 'households'
        ? (await villageHouseholds(deps.db, village.id)).map((h) => ({
            residentId: h.resident.id,
            houseId: h.houseId,
            label: `${label(h.resident)}户`,
          }))
        : [];
  const created = await deps.db.transaction(async (tx) => {
    const b = await insertBody(tx, {
      regionPath: village.path,
      villageId: village.id,
      kind: body.kind,
      basis: body.basis,
      createdAt: now,
      updatedAt: now,
    });
    await insertMembers(
      tx,
      derived.map((d) => ({ ...d, bodyId: b.id, addedAt: now, addedReason: reason, addedBy: actor.id })),
    );
    await recordAudit(tx, deps.clock, ctx, {
      action: 'deliberation.body_create',
      targetType: 'deliberation_body',
      targetId: b.id,
      regionPath: village.path,
      detail: { kind: body.kind, basis: body.basis, rollSize: derived.length },
    });
    return b;
  });
  return bodyView(deps.db, actor, created);
}

/**
 * Changes a roll: residents of the village added (of voting age for the villagers' meeting; their
 * household for a roll by households), entries removed — always with a reason, kept on each entry.
 * Meetings already convened keep the roll they froze.
 */
export async function changeRoll(
  deps: BodyDeps,
  ctx: RequestContext,
  id: string,
  change: RollChange,
): Promise<BodyView> {
  const actor = authorize(ctx, 'deliberation.manage');
  const b = await loadBody(deps.db, actor, id);
  const reason = change.reason?.trim() ?? '';
  if (!reason) throw rollReasonRequired();
  if (!change.add.length && !change.remove.length) throw rollChangeEmpty();
  const now = deps.clock.now();
  const wanted = [...new Set(change.add)];
  const people = await villageResidentsByIds(deps.db, b.villageId, wanted);
  const onRoll = await currentMembers(deps.db, b.id);
  const adding: { residentId: string; houseId: string | null; label: string }[] = [];
  for (const p of people) {
    if (b.basis === 'adults' && !(p.birthDate && isOfVotingAge(p.birthDate, chinaDayOf(now)))) continue;
    const houseId = b.basis === 'households' ? await householdOf(deps.db, p.id) : null;
    if (b.basis === 'households' && !houseId) continue;
    const taken = onRoll.some(
      (m) => !change.remove.includes(m.id) && (houseId ? m.houseId === houseId : m.residentId === p.id),
    );
    if (!taken) adding.push({ residentId: p.id, houseId, label: houseId ? `${label(p)}户` : label(p) });
  }
  if (adding.length !== wanted.length || new Set(adding.map((a) => a.houseId ?? a.residentId)).size !== adding.length)
    throw rollResidentInvalid();
  const removing = [...new Set(change.remove)];
  await deps.db.transaction(async (tx) => {
    if ((await removeMembers(tx, b.id, removing, now, reason, actor.id)) !== removing.length) throw rollMemberInvalid();
    await insertMembers(
      tx,
      adding.map((a) => ({ ...a, bodyId: b.id, addedAt: now, addedReason: reason, addedBy: actor.id })),
    );
    await touchBody(tx, b.id, now);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'deliberation.roll_change',
      targetType: 'deliberation_body',
      targetId: b.id,
      regionPath: b.regionPath,
      detail: { added: adding.length, removed: removing.length, reason },
    });
  });
  return bodyView(deps.db, actor, b);
}

/** Residents of the body's village not on its roll, by name prefix (masked), for the roll form. */
export async function rollCandidates(deps: BodyDeps, ctx: RequestContext, id: string, q?: string) {
  const actor = authorize(ctx, 'deliberation.manage');
  const b = await loadBody(deps.db, actor, id);
  const onRoll = (await currentMembers(deps.db, b.id)).flatMap((m) => (m.residentId ? [m.residentId] : []));
  const rows = await searchVillageResidents(deps.db, b.villageId, q, onRoll, 50);
  return { items: rows.map((p) => ({ residentId: p.id, label: label(p), idMasked: p.idMasked })) };
}
