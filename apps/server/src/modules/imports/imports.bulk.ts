import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { organisations, type houses, type residents } from '../people/people.table.ts';

/**
 * Bulk inserts for imports. A batch travels as one JSON parameter expanded by
 * `jsonb_to_recordset`: far cheaper to build and to parse than thousands of bound parameters,
 * and the same SQL on PGlite and PostgreSQL.
 */
/** Inserts residents; returns the identity hashes that were already registered (and so not inserted). */
export async function insertResidentsBulk(db: Db, rows: (typeof residents.$inferInsert)[]): Promise<Set<string>> {
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

export async function insertHousesBulk(db: Db, rows: (typeof houses.$inferInsert)[]) {
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

export async function insertOrganisationsBulk(db: Db, rows: (typeof organisations.$inferInsert)[]) {
  // Organisation files are small (thousands of rows): the ORM's insert is fine here.
  if (rows.length) await db.insert(organisations).values(rows);
}

/** Grid attribute rows update existing grids; empty cells keep what was there. */
export async function updateGridsBulk(db: Db, rows: { id: string; name: string | null; households: number | null }[]) {
  if (!rows.length) return;
  await db.execute(sql`UPDATE grids AS g SET name = COALESCE(x.name, g.name), households = COALESCE(x.households, g.households)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, name text, households integer) WHERE g.id = x.id`);
}
