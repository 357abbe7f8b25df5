import { z } from 'zod';
import { safeString, queryInt } from './text.ts';
import { KEY_PLACE_KINDS } from './places.ts';

export const RESIDENT_CATEGORIES = [
  'registered',
  'floating',
  'left_behind',
  'elderly_alone',
  'disabled',
  'minor',
  'hardship_women',
] as const;
export const residentCategorySchema = z.enum(RESIDENT_CATEGORIES);
export const SPECIAL_KINDS = [
  'community_correction',
  'released_prisoner',
  'drug_user',
  'severe_mental_disorder',
] as const;
export const specialKindSchema = z.enum(SPECIAL_KINDS);
export const riskLevelSchema = z.enum(['low', 'medium', 'high']);
export const HOUSE_USAGES = ['self_occupied', 'rental', 'vacant', 'commercial', 'other'] as const;
export const houseUsageSchema = z.enum(HOUSE_USAGES);

const dateString = z.iso.date();

export const residentInputSchema = z.strictObject({
  villageId: z.string().uuid(),
  gridId: z.string().uuid().optional(),
  name: safeString().trim().min(1).max(64),
  idNumber: safeString().trim().max(18).optional(),
  phone: safeString().trim().max(20).optional(),
  gender: z.enum(['male', 'female']).optional(),
  birthDate: dateString.optional(),
  ethnicity: safeString().trim().max(20).optional(),
  categories: z.array(residentCategorySchema).max(7).default([]),
  address: safeString().trim().max(200).optional(),
  note: safeString().trim().max(500).optional(),
});
export type ResidentInput = z.infer<typeof residentInputSchema>;

export const residentUpdateSchema = residentInputSchema.omit({ villageId: true }).partial().strict();

/** What every response carries: masked numbers only. */
export const residentViewSchema = z.object({
  id: z.string().uuid(),
  villageId: z.string().uuid(),
  villageName: z.string(),
  gridId: z.string().uuid().nullable(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  /** 出生年份: the year, or "2025–2026" for the two youngest years (birthYearShown in idcard.ts); never the birth date nor an age. */
  birthYear: z.string().nullable(),
  ethnicity: z.string().nullable(),
  idMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  categories: z.array(residentCategorySchema),
  address: z.string().nullable(),
  note: z.string().nullable(),
});
export type ResidentView = z.infer<typeof residentViewSchema>;

/**
 * Filters of `GET /api/residents`. Identity and phone numbers are never query parameters: a URL
 * lands in access logs, proxies and browser history, so a lookup by number goes in the body of
 * `POST /api/residents/search` (residentSearchBodySchema).
 */
export const residentListQuerySchema = z.strictObject({
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 200).default(20),
  q: safeString().trim().max(64).optional(),
  category: residentCategorySchema.optional(),
  villageId: z.string().uuid().optional(),
  gridId: z.string().uuid().optional(),
});

/** The same filters plus an exact identity or phone number, matched by its keyed hash. */
export const residentSearchBodySchema = residentListQuerySchema.extend({
  idNumber: safeString().trim().max(18).optional(),
  phone: safeString().trim().max(20).optional(),
});
/** What the client sends to either: page and pageSize spelled out, a number only in the search body. */
export type ResidentSearchBody = z.infer<typeof residentSearchBodySchema>;

export const revealBodySchema = z.strictObject({
  field: z.enum(['idNumber', 'phone']),
  reason: safeString().trim().min(4, '请填写查看原因（至少 4 个字）').max(200),
});
export type RevealBody = z.input<typeof revealBodySchema>;

/** The full number, answered once to a role that may see it (the reveal is audited). */
export const revealedSchema = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string() });
export type Revealed = z.infer<typeof revealedSchema>;

export const specialInputSchema = z.strictObject({
  residentId: z.string().uuid(),
  kind: specialKindSchema,
  riskLevel: riskLevelSchema,
  helperGroup: z.array(safeString().trim().min(1).max(32)).max(10).default([]),
  /** Omitted: the county's interval for the kind and risk (visit-plans.ts). */
  visitIntervalDays: z.number().int().min(1).max(365).optional(),
  nextVisitDue: dateString.optional(),
});
export type SpecialInput = z.input<typeof specialInputSchema>;

export const specialViewSchema = z.object({
  id: z.string().uuid(),
  residentId: z.string().uuid(),
  residentName: z.string(),
  idMasked: z.string().nullable(),
  kind: specialKindSchema,
  riskLevel: riskLevelSchema,
  helperGroup: z.array(z.string()),
  visitIntervalDays: z.number(),
  nextVisitDue: z.string(),
  overdue: z.boolean(),
  status: z.enum(['active', 'closed']),
});
export type SpecialView = z.infer<typeof specialViewSchema>;

/** Filters of `GET /api/special-populations` (`overdue`: visits past due). */
export const specialListQuerySchema = z.strictObject({
  kind: specialKindSchema.optional(),
  riskLevel: riskLevelSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 500).default(100),
});
/** What the client sends (the server defaults page and pageSize when absent). */
export type SpecialListQuery = Omit<z.input<typeof specialListQuerySchema>, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
};

export const houseInputSchema = z.strictObject({
  villageId: z.string().uuid(),
  gridId: z.string().uuid().optional(),
  address: safeString().trim().min(1).max(200),
  usage: houseUsageSchema,
  areaM2: z.number().positive().max(100_000).optional(),
});
export type HouseInput = z.input<typeof houseInputSchema>;

export const houseViewSchema = z.object({
  id: z.string().uuid(),
  villageId: z.string().uuid(),
  gridId: z.string().uuid().nullable(),
  address: z.string(),
  usage: houseUsageSchema,
  areaM2: z.number().nullable(),
  occupants: z.array(
    z.object({ residentId: z.string().uuid(), name: z.string(), relation: z.enum(['owner', 'family', 'tenant']) }),
  ),
});
export type HouseView = z.infer<typeof houseViewSchema>;
export type HouseUsage = z.infer<typeof houseUsageSchema>;

/** Filters of `GET /api/houses`. */
export const houseListQuerySchema = z.strictObject({
  villageId: z.string().uuid().optional(),
  gridId: z.string().uuid().optional(),
  usage: houseUsageSchema.optional(),
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 200).default(50),
});
/** What the client sends: page and pageSize spelled out. */
export type HouseListQuery = z.infer<typeof houseListQuerySchema>;

export const linkBodySchema = z.strictObject({
  residentId: z.string().uuid(),
  relation: z.enum(['owner', 'family', 'tenant']),
  since: dateString.optional(),
});
export type LinkBody = z.input<typeof linkBodySchema>;

export const ORG_KINDS = [
  'enterprise',
  'individual_business',
  'social_org',
  'public_institution',
  'government',
  'other',
] as const;
export { KEY_PLACE_KINDS };

const placedInput = { villageId: z.string().uuid(), gridId: z.string().uuid().optional() };
const placedView = { id: z.string().uuid(), villageId: z.string().uuid(), gridId: z.string().uuid().nullable() };

/** 统一社会信用代码: 18 characters from the GB 32100 alphabet (digits and upper-case letters without I, O, Z, S, V). */
export const creditCodeSchema = safeString()
  .trim()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码格式不正确');

export const organisationInputSchema = z.strictObject({
  ...placedInput,
  name: safeString().trim().min(1).max(100),
  kind: z.enum(ORG_KINDS),
  creditCode: creditCodeSchema.optional(),
  address: safeString().trim().max(200).optional(),
  employees: z.number().int().min(0).max(1_000_000).optional(),
});
export const organisationViewSchema = z.object({
  ...placedView,
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  creditCode: z.string().nullable(),
  address: z.string().nullable(),
  employees: z.number().nullable(),
});

export const buildingInputSchema = z.strictObject({
  ...placedInput,
  name: safeString().trim().min(1).max(100),
  address: safeString().trim().max(200).optional(),
  floors: z.number().int().min(1).max(200).optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
});
export const buildingViewSchema = z.object({
  ...placedView,
  name: z.string(),
  address: z.string().nullable(),
  floors: z.number().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
});

export const keyPlaceInputSchema = z.strictObject({
  ...placedInput,
  name: safeString().trim().min(1).max(100),
  kind: z.enum(KEY_PLACE_KINDS),
  address: safeString().trim().max(200).optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
});
export const keyPlaceViewSchema = z.object({
  ...placedView,
  name: z.string(),
  kind: z.enum(KEY_PLACE_KINDS),
  address: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  /** The place's own check-in radius (m); null: the kind's default (patrols.ts CHECKIN_RADIUS_M). */
  radiusM: z.number().int().nullable(),
});
/** Sets a key place's check-in radius (m, within CHECKIN_RADIUS_LIMITS), or null for the kind's default. */
export const keyPlaceRadiusSchema = z.strictObject({
  // Bounded here only against nonsense; CHECKIN_RADIUS_LIMITS answers 422 in the service.
  radiusM: z.number().int().min(-100_000).max(100_000).nullable(),
});

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * A person's full name from its given and family parts (Open311's `first_name`, `last_name`; the
 * same for any other form that asks for them apart). Chinese names are written family name first
 * with no space (王 + 小明 → 王小明); Latin names given name first with one space (John Smith). A
 * name with Han characters in either part counts as Chinese. Empty parts are left out; neither
 * given: the empty string.
 */
export function fullName(given: string | null | undefined, family: string | null | undefined): string {
  const g = (given ?? '').trim().replace(/\s+/g, ' ');
  const f = (family ?? '').trim().replace(/\s+/g, ' ');
  if (!g || !f) return g || f;
  return HAN.test(g) || HAN.test(f) ? `${f}${g}` : `${g} ${f}`;
}
