import { type PetitionerBrief, type PetitionerInput, type PetitionerView, maskName } from '@gewu/domain';
import type { Clock } from '../../platform/clock.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { protectPii } from '../people/residents.service.ts';
import type { PetitionerRow } from './petitions.repository.ts';
import type { petitionPetitioners } from './petitions.table.ts';

type PetitionerValues = Omit<typeof petitionPetitioners.$inferInsert, 'petitionId' | 'createdAt' | 'ordinal'>;

/**
 * A petitioner's stored form: name, identity number and phone encrypted and masked (the numbers also
 * hashed: the identity number's hash is how a refiling by the same person is found), as residents' and
 * dispute parties' are. A gender not given is read from the identity number. Problems are collected
 * with their path.
 */
export function protectPetitioner(
  deps: { pii: PiiCipher; clock: Clock },
  input: PetitionerInput,
  errors: { path: string; message: string }[],
  at: string,
): PetitionerValues {
  const local: { path: string; message: string }[] = [];
  const n = protectPii(deps.pii, deps.clock, input.idNumber || undefined, input.phone || undefined, local);
  errors.push(...local.map((e) => ({ path: `${at}${e.path}`, message: e.message })));
  return {
    nameEnc: deps.pii.encrypt(input.name),
    nameMasked: maskName(input.name),
    gender: input.gender ?? n.gender ?? null,
    idEnc: n.idEnc,
    idHash: n.idHash,
    idMasked: n.idMasked,
    phoneEnc: n.phoneEnc,
    phoneHash: n.phoneHash,
    phoneMasked: n.phoneMasked,
    address: input.address ?? null,
  };
}

export function toPetitionerBrief(p: PetitionerRow): PetitionerBrief {
  return { id: p.id, nameMasked: p.nameMasked, phoneMasked: p.phoneMasked, idMasked: p.idMasked };
}

/** A petitioner in the detail: the full name only for the centre handling it (`showName`); numbers always masked. */
export function toPetitionerView(p: PetitionerRow, pii: PiiCipher, showName: boolean): PetitionerView {
  return {
    ...toPetitionerBrief(p),
    name: showName ? pii.decrypt(p.nameEnc) : null,
    gender: p.gender ?? null,
    address: showName ? p.address : null,
  };
}
