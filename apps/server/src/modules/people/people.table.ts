import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Columns every base-data row carries: where it is (scope) and its grid. */
const placed = {
  regionPath: text('region_path').notNull(),
  villageId: uuid('village_id').notNull(),
  gridId: uuid('grid_id'),
};

/**
 * Residents (实有人口). Identity and phone numbers are stored only encrypted (`*_enc`), findable by a
 * keyed hash (`*_hash`), and shown masked (`*_masked`); revealing needs a permission, a reason and
 * leaves an audit row.
 */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...placed,
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }),
    birthDate: date('birth_date'),
    ethnicity: text('ethnicity'),
    idEnc: text('id_enc'),
    idHash: text('id_hash'),
    idMasked: text('id_masked'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    /** registered 户籍, floating 流动, left_behind 留守, elderly_alone 独居老人, disabled 残疾, minor 未成年, hardship_women 困境妇女 */
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    address: text('address'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('residents_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('residents_grid_idx').on(t.gridId),
    uniqueIndex('residents_id_hash_idx').on(t.idHash),
    index('residents_phone_hash_idx').on(t.phoneHash),
    index('residents_categories_idx').using('gin', t.categories),
  ],
);

/** Buildings (楼栋). */
export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...placed,
    name: text('name').notNull(),
    address: text('address'),
    floors: integer('floors'),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
  },
  (t) => [index('buildings_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops'))],
);

/** Houses (实有房屋), including rental housing (出租屋). */
export const houses = pgTable(
  'houses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...placed,
    buildingId: uuid('building_id'),
    address: text('address').notNull(),
    usage: text('usage', { enum: ['self_occupied', 'rental', 'vacant', 'commercial', 'other'] }).notNull(),
    areaM2: doublePrecision('area_m2'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('houses_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('houses_grid_idx').on(t.gridId),
  ],
);

/** Person ↔ house (人房关联). */
export const residentHouses = pgTable(
  'resident_houses',
  {
    residentId: uuid('resident_id').notNull(),
    houseId: uuid('house_id').notNull(),
    relation: text('relation', { enum: ['owner', 'family', 'tenant'] }).notNull(),
    since: date('since'),
  },
  (t) => [primaryKey({ columns: [t.residentId, t.houseId] }), index('resident_houses_house_idx').on(t.houseId)],
);

/** Organisations and businesses (组织、企业、个体工商户). */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...placed,
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['enterprise', 'individual_business', 'social_org', 'public_institution', 'government', 'other'],
    }).notNull(),
    creditCode: text('credit_code'),
    address: text('address'),
    employees: integer('employees'),
  },
  (t) => [index('organisations_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops'))],
);

/** Key places (重点场所): schools, hospitals, markets, stations, hazardous-goods sites … */
export const keyPlaces = pgTable(
  'key_places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...placed,
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['school', 'hospital', 'market', 'station', 'hazardous', 'venue', 'religious', 'other'],
    }).notNull(),
    address: text('address'),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    /** Patrol check-in radius in metres; null: the default for the kind (domain patrols.ts CHECKIN_RADIUS_M). */
    radiusM: integer('radius_m'),
  },
  (t) => [index('key_places_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops'))],
);

/** Special populations (特殊人群), visible only to roles that need them. */
export const specialPopulations = pgTable(
  'special_populations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id').notNull(),
    regionPath: text('region_path').notNull(),
    kind: text('kind', {
      enum: ['community_correction', 'released_prisoner', 'drug_user', 'severe_mental_disorder'],
    }).notNull(),
    riskLevel: text('risk_level', { enum: ['low', 'medium', 'high'] }).notNull(),
    helperGroup: text('helper_group')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    visitIntervalDays: integer('visit_interval_days').notNull(),
    nextVisitDue: date('next_visit_due').notNull(),
    /** The plan's clock for the due day (visit-plans.ts `visitClock`): yellow from, red after. */
    visitWarnAt: timestamp('visit_warn_at', { withTimezone: true }).notNull(),
    visitDeadline: timestamp('visit_deadline', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('special_populations_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('special_populations_resident_idx').on(t.residentId),
    index('special_populations_due_idx').on(t.nextVisitDue),
  ],
);
