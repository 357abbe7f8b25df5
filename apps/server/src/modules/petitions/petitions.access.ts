import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { petitionNotFound } from './petitions.errors.ts';
import { visiblePetitions } from './petitions.policy.ts';
import { type PetitionRow, findPetitionWhere } from './petitions.repository.ts';

/** Loads a petition the actor may see, or 404 (never revealing that an out-of-scope petition exists). */
export async function loadPetition(db: Db, actor: Actor, id: string): Promise<PetitionRow> {
  const row = await findPetitionWhere(db, id, visiblePetitions(actor));
  if (!row) throw petitionNotFound();
  return row;
}
