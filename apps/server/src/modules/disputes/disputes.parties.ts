import {
  PARTY_EDIT_STATES,
  type PartyBrief,
  type PartyInput,
  type PartyPatch,
  type PartyView,
  maskName,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { protectPii } from '../people/residents.service.ts';
import {
  partiesLocked,
  partiesNotAllowed,
  partyInAgreement,
  partyInRecord,
  partyInvalid,
  partyNotFound,
} from './disputes.errors.ts';
import {
  type DisputeRow,
  type PartyRow,
  deleteParty,
  findParty,
  insertParties,
  partyNamedInEvents,
  updateParty,
} from './disputes.repository.ts';
import type { disputeParties } from './disputes.table.ts';
import { loadDispute, relationsOf } from './disputes.access.ts';

export type PartyDeps = { db: Db; clock: Clock; pii: PiiCipher };
export type PartyValues = Omit<typeof disputeParties.$inferInsert, 'disputeId' | 'createdAt' | 'updatedAt'>;

/**
 * A party's stored form: a person's name, identity number and phone encrypted and masked (the numbers
 * also hashed for lookup), as residents' are; an organisation's name and credit code as they are, its
 * phone protected. Problems (a bad identity number or phone) are collected with their path.
 */
export function protectParty(
  deps: Pick<PartyDeps, 'pii' | 'clock'>,
  input: PartyInput,
  errors: { path: string; message: string }[],
  at = '',
): PartyValues {
  const local: { path: string; message: string }[] = [];
  const numbers = protectPii(
    deps.pii,
    deps.clock,
    input.kind === 'person' ? input.idNumber || undefined : undefined,
    input.phone || undefined,
    local,
  );
  errors.push(...local.map((e) => ({ path: `${at}${e.path}`, message: e.message })));
  const person = input.kind === 'person';
  return {
    kind: input.kind,
    side: input.side,
    role: input.role,
    nameEnc: person ? deps.pii.encrypt(input.name) : null,
    nameMasked: person ? maskName(input.name) : input.name,
    orgName: person ? null : input.name,
    creditCode: person ? null : (input.creditCode ?? null),
    idEnc: numbers.idEnc,
    idHash: numbers.idHash,
    idMasked: numbers.idMasked,
    phoneEnc: numbers.phoneEnc,
    phoneHash: numbers.phoneHash,
    phoneMasked: numbers.phoneMasked,
    address: input.address ?? null,
  };
}

/** A party as lists show it: masked. */
export function toPartyBrief(p: PartyRow): PartyBrief {
  return {
    id: p.id,
    kind: p.kind,
    side: p.side,
    role: p.role,
    nameMasked: p.nameMasked,
    phoneMasked: p.phoneMasked,
    idMasked: p.idMasked,
  };
}

/** A party in the detail: the full name only to those mediating the dispute (`showName`); numbers always masked. */
export function toPartyView(p: PartyRow, pii: PiiCipher, showName: boolean): PartyView {
  const name = p.kind === 'organisation' ? p.orgName : showName && p.nameEnc ? pii.decrypt(p.nameEnc) : null;
  return { ...toPartyBrief(p), name, creditCode: p.creditCode, address: p.address };
}

/** Who may change the parties: the centre and the organisation's mediators, while the matter is open. */
async function editableDispute(deps: PartyDeps, ctx: RequestContext, id: string): Promise<DisputeRow> {
  const actor = requireActor(ctx);
  const d = await loadDispute(deps.db, actor, id);
  const relations = await relationsOf(deps.db, actor, d);
  if (!relations.some((r) => r === 'centre' || r === 'organisation' || r === 'mediator')) throw partiesNotAllowed();
  if (!PARTY_EDIT_STATES.includes(d.state)) throw partiesLocked();
  return d;
}

export async function addParty(
  deps: PartyDeps,
  ctx: RequestContext,
  id: string,
  input: PartyInput,
): Promise<PartyView> {
  const d = await editableDispute(deps, ctx, id);
  const errors: { path: string; message: string }[] = [];
  const values = protectParty(deps, input, errors);
  if (errors.length) throw partyInvalid(errors);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await insertParties(tx, [{ ...values, disputeId: d.id, createdAt: now, updatedAt: now }]);
    if (!row) throw new Error('party write failed');
    await recordAudit(tx, deps.clock, ctx, {
      action: 'dispute.party_add',
      targetType: 'dispute',
      targetId: d.id,
      regionPath: d.regionPath,
      detail: { code: d.code, partyId: row.id, kind: row.kind, side: row.side },
    });
    return toPartyView(row, deps.pii, true);
  });
}

/** Corrects a party; a field given as null is cleared. The kind stays (remove and add to change it). */
export async function patchParty(
  deps: PartyDeps,
  ctx: RequestContext,
  id: string,
  partyId: string,
  patch: PartyPatch,
): Promise<PartyView> {
  const d = await editableDispute(deps, ctx, id);
  const p = await findParty(deps.db, d.id, partyId);
  if (!p) throw partyNotFound();
  const errors: { path: string; message: string }[] = [];
  const values: Partial<PartyValues> = {};
  if (patch.side) values.side = patch.side;
  if (patch.role) values.role = patch.role;
  if (patch.address !== undefined) values.address = patch.address;
  if (patch.name !== undefined) {
    values.nameEnc = p.kind === 'person' ? deps.pii.encrypt(patch.name) : null;
    values.nameMasked = p.kind === 'person' ? maskName(patch.name) : patch.name;
    values.orgName = p.kind === 'person' ? null : patch.name;
  }
  if (patch.creditCode !== undefined && p.kind === 'organisation') values.creditCode = patch.creditCode;
  if (patch.idNumber !== undefined && p.kind === 'person') {
    const n = protectPii(deps.pii, deps.clock, patch.idNumber ?? undefined, undefined, errors);
    Object.assign(values, { idEnc: n.idEnc, idHash: n.idHash, idMasked: n.idMasked });
  }
  if (patch.phone !== undefined) {
    const n = protectPii(deps.pii, deps.clock, undefined, patch.phone ?? undefined, errors);
    Object.assign(values, { phoneEnc: n.phoneEnc, phoneHash: n.phoneHash, phoneMasked: n.phoneMasked });
  }
  if (errors.length) throw partyInvalid(errors);
  return deps.db.transaction(async (tx) => {
    const row = await updateParty(tx, p.id, { ...values, updatedAt: deps.clock.now() });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'dispute.party_update',
      targetType: 'dispute',
      targetId: d.id,
      regionPath: d.regionPath,
      detail: { code: d.code, partyId: p.id, fields: Object.keys(patch) },
    });
    return toPartyView(row, deps.pii, true);
  });
}

/** Removes a party added by mistake; one named in a session record or the agreement stays. */
export async function removeParty(deps: PartyDeps, ctx: RequestContext, id: string, partyId: string): Promise<void> {
  const d = await editableDispute(deps, ctx, id);
  const p = await findParty(deps.db, d.id, partyId);
  if (!p) throw partyNotFound();
  if (d.agreement?.partyIds.includes(p.id)) throw partyInAgreement();
  if (await partyNamedInEvents(deps.db, d.id, p.id)) throw partyInRecord();
  await deps.db.transaction(async (tx) => {
    await deleteParty(tx, p.id);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'dispute.party_remove',
      targetType: 'dispute',
      targetId: d.id,
      regionPath: d.regionPath,
      detail: { code: d.code, partyId: p.id },
    });
  });
}
