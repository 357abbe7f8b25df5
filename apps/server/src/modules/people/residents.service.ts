import {
  type ResidentInput,
  type ResidentView,
  birthYearShown,
  checkIdNumber,
  checkPhone,
  idNumberFacts,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
} from '@gewu/domain';
import { and, asc, count, eq, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, escapeLike, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { findRegionInScope, regionNameOf } from '../regions/regions.repository.ts';
import { findGridInVillage } from '../grids/grids.repository.ts';
import { residents } from './people.table.ts';
import { villageNotFound } from '../regions/regions.errors.ts';
import {
  gridNotInVillage,
  personDuplicateId,
  personFieldEmpty,
  personInvalid,
  personNotFound,
} from './people.errors.ts';

export type PeopleDeps = { db: Db; clock: Clock; pii: PiiCipher };
type Row = typeof residents.$inferSelect;

/** A resident as every response shows them: masked numbers, the birth year and never the birth date (idcard.ts). */
export function toResidentView(r: Row, villageName: string, today: Date): ResidentView {
  return {
    id: r.id,
    villageId: r.villageId,
    villageName,
    gridId: r.gridId,
    name: r.name,
    gender: r.gender,
    birthYear: birthYearShown(r.birthDate, today),
    ethnicity: r.ethnicity,
    idMasked: r.idMasked,
    phoneMasked: r.phoneMasked,
    categories: r.categories as ResidentView['categories'],
    address: r.address,
    note: r.note,
  };
}

export interface PiiFields {
  idEnc: string | null;
  idHash: string | null;
  idMasked: string | null;
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
}

/**
 * Validates and protects an identity number and a phone number: returns only encrypted, hashed
 * and masked forms, plus the birth date and sex an identity number states. `errors` collects
 * Chinese reasons per field instead of throwing (for imports). Without `encrypt` only the hash and
 * mask are computed (an import's dry run).
 */
export function protectPii(
  pii: PiiCipher,
  clock: Clock,
  idNumber: string | undefined,
  phone: string | undefined,
  errors: { path: string; message: string }[],
  encrypt = true,
) {
  // Plain assignments rather than spreads: an import calls this a million times.
  const out: PiiFields & { gender?: 'male' | 'female'; birthDate?: string } = {
    idEnc: null,
    idHash: null,
    idMasked: null,
    phoneEnc: null,
    phoneHash: null,
    phoneMasked: null,
  };
  if (idNumber) {
    const id = normalizeIdNumber(idNumber);
    const reason = checkIdNumber(id, clock.now());
    if (reason) errors.push({ path: 'idNumber', message: reason });
    else {
      const facts = idNumberFacts(id);
      out.idEnc = encrypt ? pii.encrypt(id) : null;
      out.idHash = pii.lookupHash('id', id);
      out.idMasked = maskIdNumber(id);
      out.birthDate = facts.birthDate;
      out.gender = facts.gender;
    }
  }
  if (phone) {
    const p = normalizePhone(phone);
    const reason = checkPhone(p);
    if (reason) errors.push({ path: 'phone', message: reason });
    else {
      out.phoneEnc = encrypt ? pii.encrypt(p) : null;
      out.phoneHash = pii.lookupHash('phone', p);
      out.phoneMasked = maskPhone(p);
    }
  }
  return out;
}

/** The village (in scope) and optional grid (in that village) a record is placed in. */
export async function resolvePlace(db: Db, actor: Actor, villageId: string, gridId: string | undefined) {
  const village = await findRegionInScope(db, actor, villageId);
  if (!village || village.level !== 'village') throw villageNotFound();
  let regionPath = village.path;
  if (gridId) {
    const grid = await findGridInVillage(db, gridId, village.id);
    if (!grid) throw gridNotInVillage();
    regionPath = grid.regionPath;
  }
  return { village, regionPath };
}

export async function createResident(
  deps: PeopleDeps,
  ctx: RequestContext,
  input: ResidentInput,
): Promise<ResidentView> {
  const actor = authorize(ctx, 'person.manage');
  const errors: { path: string; message: string }[] = [];
  const protectedFields = protectPii(deps.pii, deps.clock, input.idNumber, input.phone, errors);
  if (errors.length) throw personInvalid(errors);
  return deps.db.transaction(async (tx) => {
    const { village, regionPath } = await resolvePlace(tx, actor, input.villageId, input.gridId);
    if (protectedFields.idHash) {
      const [dup] = await tx
        .select({ id: residents.id })
        .from(residents)
        .where(eq(residents.idHash, protectedFields.idHash))
        .limit(1);
      if (dup) throw personDuplicateId();
    }
    const [row] = await tx
      .insert(residents)
      .values({
        regionPath,
        villageId: village.id,
        gridId: input.gridId ?? null,
        name: input.name,
        gender: input.gender ?? protectedFields.gender ?? null,
        birthDate: input.birthDate ?? protectedFields.birthDate ?? null,
        ethnicity: input.ethnicity ?? null,
        idEnc: protectedFields.idEnc,
        idHash: protectedFields.idHash,
        idMasked: protectedFields.idMasked,
        phoneEnc: protectedFields.phoneEnc,
        phoneHash: protectedFields.phoneHash,
        phoneMasked: protectedFields.phoneMasked,
        categories: input.categories,
        address: input.address ?? null,
        note: input.note ?? null,
      })
      .returning();
    const r = row as Row;
    await recordAudit(tx, deps.clock, ctx, {
      action: 'person.create',
      targetType: 'resident',
      targetId: r.id,
      regionPath,
    });
    return toResidentView(r, village.name, deps.clock.now());
  });
}

export interface ResidentQuery {
  page: number;
  pageSize: number;
  q?: string;
  idNumber?: string;
  phone?: string;
  category?: string;
  villageId?: string;
  gridId?: string;
}

/** Residents in scope; ID and phone numbers are found by their keyed hash, never by plaintext. */
export async function listResidents(deps: PeopleDeps, ctx: RequestContext, q: ResidentQuery) {
  const byNumber = q.idNumber !== undefined || q.phone !== undefined;
  // A lookup by exact number confirms a guess: only roles that may see full numbers may make it.
  const actor = authorize(ctx, byNumber ? 'person.reveal' : 'person.read');
  const where = and(
    inScope(actor, residents.regionPath),
    q.q ? ilike(residents.name, `%${escapeLike(q.q)}%`) : undefined,
    q.idNumber ? eq(residents.idHash, deps.pii.lookupHash('id', normalizeIdNumber(q.idNumber))) : undefined,
    q.phone ? eq(residents.phoneHash, deps.pii.lookupHash('phone', normalizePhone(q.phone))) : undefined,
    q.category ? sql`${residents.categories} @> ARRAY[${q.category}]::text[]` : undefined,
    q.villageId ? eq(residents.villageId, q.villageId) : undefined,
    q.gridId ? eq(residents.gridId, q.gridId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ r: residents, villageName: regionNameOf(residents.villageId) })
      .from(residents)
      .where(where)
      .orderBy(asc(residents.regionPath), asc(residents.name), asc(residents.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db.select({ n: count() }).from(residents).where(where),
  ]);
  if (byNumber) {
    // Each lookup by number is recorded (which kind, how many found — never the number itself).
    await recordAudit(deps.db, deps.clock, ctx, {
      action: 'person.search_by_number',
      targetType: 'resident',
      detail: { by: q.idNumber !== undefined ? 'idNumber' : 'phone', found: total?.n ?? 0 },
    });
  }
  return {
    items: rows.map((x) => toResidentView(x.r, x.villageName, deps.clock.now())),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function loadResident(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ r: residents, villageName: regionNameOf(residents.villageId) })
    .from(residents)
    .where(and(eq(residents.id, id), inScope(actor, residents.regionPath)))
    .limit(1);
  if (!row) throw personNotFound();
  return row;
}

export async function getResident(deps: PeopleDeps, ctx: RequestContext, id: string) {
  const actor = authorize(ctx, 'person.read');
  const row = await loadResident(deps.db, actor, id);
  return toResidentView(row.r, row.villageName, deps.clock.now());
}

/**
 * Shows one full identity or phone number to someone allowed to see it, for a stated reason.
 * The reveal itself is audited (who, whose, which field, why).
 */
export async function revealResidentField(
  deps: PeopleDeps,
  ctx: RequestContext,
  id: string,
  field: 'idNumber' | 'phone',
  reason: string,
) {
  const actor = authorize(ctx, 'person.reveal');
  return deps.db.transaction(async (tx) => {
    const row = await loadResident(tx, actor, id);
    const enc = field === 'idNumber' ? row.r.idEnc : row.r.phoneEnc;
    if (!enc) throw personFieldEmpty(field);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'person.reveal',
      targetType: 'resident',
      targetId: id,
      regionPath: row.r.regionPath,
      detail: { field, reason },
    });
    return { field, value: deps.pii.decrypt(enc) };
  });
}
