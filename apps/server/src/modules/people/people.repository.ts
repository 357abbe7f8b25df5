import { count, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { copyArray, copyField } from '../../db/copy-text.ts';
import { houses, organisations, residents } from './people.table.ts';

export type ResidentInsert = typeof residents.$inferInsert;
export type HouseInsert = typeof houses.$inferInsert;
export type OrganisationInsert = typeof organisations.$inferInsert;
export type ResidentRow = typeof residents.$inferSelect;
export type HouseRow = typeof houses.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

/** How many residents and houses are placed in the grid `gridId` (the grid detail shows them). */
export async function countPeopleInGrid(db: Db, gridId: string): Promise<{ residents: number; houses: number }> {
  const [[r], [h]] = await Promise.all([
    db.select({ n: count() }).from(residents).where(eq(residents.gridId, gridId)),
    db.select({ n: count() }).from(houses).where(eq(houses.gridId, gridId)),
  ]);
  return { residents: r?.n ?? 0, houses: h?.n ?? 0 };
}

/** The identity hashes among `hashes` that are already registered to a resident. */
export function registeredIdHashes(db: Db, hashes: string[]) {
  return db.select({ h: residents.idHash }).from(residents).where(inArray(residents.idHash, hashes));
}

/*
 * Bulk inserts (imports). A batch travels as one JSON parameter expanded by
 * `jsonb_to_recordset`: far cheaper to build and to parse than thousands of bound parameters,
 * and the same SQL on PGlite and PostgreSQL.
 */

/** Inserts residents; returns the identity hashes that were already registered (and so not inserted). */
export async function insertResidentsBulk(db: Db, rows: ResidentInsert[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const json = JSON.stringify(
    rows.map((r) => ({
      region_path: r.regionPath,
      village_id: r.villageId,
      grid_id: r.gridId ?? null,
      name: r.name,
      gender: r.gender ?? null,
      birth_date: r.birthDate ?? null,
      ethnicity: r.ethnicity ?? null,
      id_enc: r.idEnc ?? null,
      id_hash: r.idHash ?? null,
      id_masked: r.idMasked ?? null,
      phone_enc: r.phoneEnc ?? null,
      phone_hash: r.phoneHash ?? null,
      phone_masked: r.phoneMasked ?? null,
      categories: r.categories ?? [],
      address: r.address ?? null,
      note: r.note ?? null,
    })),
  );
  const inserted = await queryRows<{ h: string | null }>(
    db,
    sql`INSERT INTO residents (region_path, village_id, grid_id, name, gender, birth_date, ethnicity, id_enc, id_hash, id_masked, phone_enc, phone_hash, phone_masked, categories, address, note)
    SELECT region_path, village_id, grid_id, name, gender, birth_date, ethnicity, id_enc, id_hash, id_masked, phone_enc, phone_hash, phone_masked, categories, address, note
    FROM jsonb_to_recordset(${json}::jsonb) AS x(region_path text, village_id uuid, grid_id uuid, name text, gender text, birth_date date, ethnicity text,
      id_enc text, id_hash text, id_masked text, phone_enc text, phone_hash text, phone_masked text, categories text[], address text, note text)
    ON CONFLICT (id_hash) DO NOTHING RETURNING id_hash AS h`,
  );
  const kept = new Set(inserted.map((x) => x.h));
  return new Set(rows.flatMap((r) => (r.idHash && !kept.has(r.idHash) ? [r.idHash] : [])));
}

export async function insertHousesBulk(db: Db, rows: HouseInsert[]) {
  if (!rows.length) return;
  const json = JSON.stringify(
    rows.map((h) => ({
      region_path: h.regionPath,
      village_id: h.villageId,
      grid_id: h.gridId ?? null,
      address: h.address,
      usage: h.usage,
      area_m2: h.areaM2 ?? null,
    })),
  );
  await db.execute(sql`INSERT INTO houses (region_path, village_id, grid_id, address, usage, area_m2)
    SELECT region_path, village_id, grid_id, address, usage, area_m2
    FROM jsonb_to_recordset(${json}::jsonb) AS x(region_path text, village_id uuid, grid_id uuid, address text, usage text, area_m2 double precision)`);
}

export async function insertOrganisationsBulk(db: Db, rows: OrganisationInsert[]) {
  // Organisation files are small (thousands of rows): the ORM's insert is fine here.
  if (rows.length) await db.insert(organisations).values(rows);
}

/*
 * Residents streamed in with `COPY … FROM STDIN` (node-postgres only; the COPY stream itself is
 * driven by imports.copy.ts). COPY has no ON CONFLICT: an identity number registered meanwhile
 * surfaces as a unique violation on RESIDENTS_ID_HASH_INDEX.
 */
const RESIDENT_COPY_COLUMNS =
  'region_path, village_id, grid_id, name, gender, birth_date, ethnicity, id_enc, id_hash, id_masked, phone_enc, phone_hash, phone_masked, categories, address, note';
/** The statement that starts a COPY of residents; its rows are lines of `residentCopyLine`. */
export const RESIDENT_COPY_STATEMENT = `COPY residents (${RESIDENT_COPY_COLUMNS}) FROM STDIN WITH (FORMAT text, ENCODING 'UTF8')`;
/** The unique index a COPY of residents breaks when an identity number is already registered. */
export const RESIDENTS_ID_HASH_INDEX = 'residents_id_hash_idx';

/** One resident as a line of COPY text, in the order of RESIDENT_COPY_COLUMNS. */
export function residentCopyLine(r: ResidentInsert): string {
  return `${copyField(r.regionPath)}\t${r.villageId}\t${copyField(r.gridId)}\t${copyField(r.name)}\t${copyField(r.gender)}\t${copyField(r.birthDate)}\t${copyField(r.ethnicity)}\t${copyField(r.idEnc)}\t${copyField(r.idHash)}\t${copyField(r.idMasked)}\t${copyField(r.phoneEnc)}\t${copyField(r.phoneHash)}\t${copyField(r.phoneMasked)}\t${copyArray(r.categories ?? [])}\t${copyField(r.address)}\t${copyField(r.note)}\n`;
}
