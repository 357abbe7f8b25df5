import { and, asc, desc, eq, ilike, inArray, isNotNull, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../platform/access.ts';
import { residentHouses, residents } from './people.table.ts';

/*
 * The base data deliberation rolls are derived from (村民会议: residents of the village by age and by
 * household). Names leave here in full for the caller to mask; identity numbers only masked.
 */

export type RollPerson = { id: string; name: string; birthDate: string | null; idMasked: string | null };

const person = {
  id: residents.id,
  name: residents.name,
  birthDate: residents.birthDate,
  idMasked: residents.idMasked,
};

/** Residents of a village with a known birth date (the caller keeps those of voting age). */
export function villageResidentsWithBirthDate(db: Db, villageId: string): Promise<RollPerson[]> {
  return db
    .select(person)
    .from(residents)
    .where(and(eq(residents.villageId, villageId), isNotNull(residents.birthDate)))
    .orderBy(asc(residents.name), asc(residents.id));
}

/** Residents of a village among `ids`. */
export function villageResidentsByIds(db: Db, villageId: string, ids: string[]): Promise<RollPerson[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select(person)
    .from(residents)
    .where(and(eq(residents.villageId, villageId), inArray(residents.id, ids)));
}

/** Residents of a village whose name starts with `q`, not among `exclude`, at most `limit`. */
export function searchVillageResidents(
  db: Db,
  villageId: string,
  q: string | undefined,
  exclude: string[],
  limit: number,
): Promise<RollPerson[]> {
  return db
    .select(person)
    .from(residents)
    .where(
      and(
        eq(residents.villageId, villageId),
        q ? ilike(residents.name, `${escapeLike(q)}%`) : undefined,
        exclude.length ? notInArray(residents.id, exclude) : undefined,
      ),
    )
    .orderBy(asc(residents.name), asc(residents.id))
    .limit(limit);
}

/**
 * The households of a village: each house of the village with a resident living in it as owner or
 * family, with its representative (the owner first — `owner` sorts after `family` — then by name) — one entry per household (art. 22).
 */
export async function villageHouseholds(
  db: Db,
  villageId: string,
): Promise<{ houseId: string; resident: RollPerson }[]> {
  const rows = await db
    .select({ houseId: residentHouses.houseId, relation: residentHouses.relation, ...person })
    .from(residentHouses)
    .innerJoin(residents, eq(residents.id, residentHouses.residentId))
    .where(and(eq(residents.villageId, villageId), inArray(residentHouses.relation, ['owner', 'family'])))
    .orderBy(asc(residentHouses.houseId), desc(residentHouses.relation), asc(residents.name));
  const seen = new Map<string, RollPerson>();
  for (const r of rows)
    if (!seen.has(r.houseId))
      seen.set(r.houseId, { id: r.id, name: r.name, birthDate: r.birthDate, idMasked: r.idMasked });
  return [...seen].map(([houseId, resident]) => ({ houseId, resident }));
}

/** The household (house) a resident lives in as owner or family, if any. */
export async function householdOf(db: Db, residentId: string): Promise<string | null> {
  const [row] = await db
    .select({ houseId: residentHouses.houseId })
    .from(residentHouses)
    .where(and(eq(residentHouses.residentId, residentId), inArray(residentHouses.relation, ['owner', 'family'])))
    .orderBy(desc(residentHouses.relation))
    .limit(1);
  return row?.houseId ?? null;
}
