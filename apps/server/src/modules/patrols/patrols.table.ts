import {
  bigint,
  customType,
  doublePrecision,
  index,
  integer,
  pgTable,
  real,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A grid worker's patrol (巡查): started and ended on the phone, its id generated there (a retried start
 * is the same patrol). `grid_id`: the grid whose coverage the summary reports, when named.
 */
export const patrols = pgTable(
  'patrols',
  {
    id: uuid('id').primaryKey(),
    regionPath: text('region_path').notNull(),
    villageId: uuid('village_id').notNull(),
    gridId: uuid('grid_id'),
    workerId: uuid('worker_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /**
     * The summary kept once the patrol ends (and redone when a batch of it arrives after the end), for
     * the figures: seconds on track (gaps left out), metres walked, the grid's share covered (null: no
     * grid or no boundary). Null seconds: not summarised (still open).
     */
    onTrackS: integer('on_track_s'),
    distanceM: integer('distance_m'),
    coverage: real('coverage'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('patrols_region_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    index('patrols_worker_idx').on(t.workerId, t.startedAt),
    index('patrols_started_idx').on(t.startedAt),
  ],
);

/**
 * One uploaded batch of a patrol's track, its points packed (patrols.codec.ts): one row per batch, not
 * per point. (patrol_id, seq) is the key: the same batch sent twice is stored once. `t0`/`t1` (ms epoch)
 * bound it in time; `flagged` counts its steps faster than the speed rule (kept, not dropped).
 */
export const patrolSegments = pgTable(
  'patrol_segments',
  {
    patrolId: uuid('patrol_id').notNull(),
    seq: integer('seq').notNull(),
    t0: bigint('t0', { mode: 'number' }).notNull(),
    t1: bigint('t1', { mode: 'number' }).notNull(),
    n: smallint('n').notNull(),
    flagged: smallint('flagged').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.patrolId, t.seq] })],
);

/** A check-in at a key place during a patrol (accepted only within the place's radius; the distance kept). */
export const patrolCheckins = pgTable(
  'patrol_checkins',
  {
    id: uuid('id').primaryKey(),
    patrolId: uuid('patrol_id').notNull(),
    placeId: uuid('place_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    distanceM: integer('distance_m').notNull(),
    radiusM: integer('radius_m').notNull(),
    accuracyM: integer('accuracy_m').notNull(),
  },
  (t) => [index('patrol_checkins_patrol_idx').on(t.patrolId)],
);

/**
 * A region's duty norm for patrols (巡查履职标准, patrols-norm.ts): a defined norm by id or the region's own
 * figures, set by the admin of a province, city or county; the nearest ancestor's setting applies, none: 7362.
 */
export const patrolNormSettings = pgTable('patrol_norm_settings', {
  regionPath: text('region_path').primaryKey(),
  normId: text('norm_id').notNull(),
  name: text('name').notNull(),
  daysPerWeek: smallint('days_per_week').notNull(),
  patrolsPerDay: smallint('patrols_per_day').notNull(),
  hoursPerDay: doublePrecision('hours_per_day').notNull(),
  reportsPerDay: smallint('reports_per_day').notNull(),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
