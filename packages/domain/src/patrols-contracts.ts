import { z } from 'zod';
import { intField, queryInt, safeString } from './text.ts';
import { CHINA_BOUNDS, PATROL_RULES } from './patrols.ts';

/*
 * The patrol routes' inputs and answers (server route schemas; the phone posts the same shapes but
 * validates with patrols.ts only).
 */

const B = CHINA_BOUNDS;
const lon = z.number().min(B.minLon, '经度超出中国范围').max(B.maxLon, '经度超出中国范围');
const lat = z.number().min(B.minLat, '纬度超出中国范围').max(B.maxLat, '纬度超出中国范围');
/** ms since the epoch, 2000-01-01 … 2100-01-01, rounded to the ms (beyond int4: a bounded number, then rounded). */
const epochMs = z
  .number()
  .min(946_684_800_000)
  .max(4_102_444_800_000)
  .transform((v) => Math.round(v));

export const trackPointSchema = z.strictObject({
  t: epochMs,
  lon,
  lat,
  acc: z.number().min(0).max(PATROL_RULES.accuracyMaxM),
});

export const patrolStartSchema = z.strictObject({
  /** Client-generated: a retry of the same start returns the same patrol. */
  id: z.string().uuid(),
  gridId: z.string().uuid().optional(),
  startedAt: epochMs.optional(),
});
export type PatrolStart = z.infer<typeof patrolStartSchema>;

export const patrolPointsSchema = z.strictObject({
  /** The phone's batch number within the patrol (0, 1, …): the same seq twice stores once. */
  seq: intField(0, 1_000_000),
  points: z.array(trackPointSchema).min(1).max(PATROL_RULES.batchMax),
});
export type PatrolPoints = z.infer<typeof patrolPointsSchema>;

export const patrolEndSchema = z.strictObject({ endedAt: epochMs.optional() });

export const patrolCheckinSchema = z.strictObject({
  /** Client-generated: a retry stores one check-in. */
  id: z.string().uuid(),
  placeId: z.string().uuid(),
  t: epochMs,
  lon,
  lat,
  acc: z.number().min(0).max(PATROL_RULES.accuracyMaxM),
});
export type PatrolCheckin = z.infer<typeof patrolCheckinSchema>;

export const patrolListQuerySchema = z.strictObject({
  workerId: z.string().uuid().optional(),
  from: safeString()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .optional(),
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 100).default(20),
});

export const patrolNormQuerySchema = z.strictObject({
  week: safeString().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD（所在周的任一天）'),
  workerId: z.string().uuid().optional(),
});

const iso = z.string();
export const patrolViewSchema = z.object({
  id: z.string(),
  workerId: z.string(),
  villageId: z.string(),
  gridId: z.string().nullable(),
  startedAt: iso,
  endedAt: iso.nullable(),
  batches: z.number(),
  points: z.number(),
  flagged: z.number(),
  mine: z.boolean(),
});
export type PatrolView = z.infer<typeof patrolViewSchema>;

export const patrolPageSchema = z.object({ items: z.array(patrolViewSchema), total: z.number() });

const pointOut = z.object({ t: z.number(), lon: z.number(), lat: z.number(), acc: z.number() });
export const checkinViewSchema = z.object({
  id: z.string(),
  placeId: z.string(),
  placeName: z.string(),
  at: iso,
  distanceM: z.number(),
  radiusM: z.number(),
});
export type CheckinView = z.infer<typeof checkinViewSchema>;

export const patrolDetailSchema = patrolViewSchema.extend({
  summary: z.object({
    onTrackSeconds: z.number(),
    elapsedSeconds: z.number(),
    distanceM: z.number(),
    gaps: z.number(),
    flagged: z.number(),
    coverage: z.number().nullable(),
    placesChecked: z.number(),
    problemsReported: z.number(),
  }),
  lines: z.array(z.array(pointOut)),
  jumps: z.array(z.object({ t: z.number(), speedMps: z.number() })),
  checkins: z.array(checkinViewSchema),
});
export type PatrolDetail = z.infer<typeof patrolDetailSchema>;

export const patrolBatchResultSchema = z.object({
  patrolId: z.string(),
  seq: z.number(),
  stored: z.number(),
  flagged: z.number(),
  duplicate: z.boolean(),
});

const dayScore = z.object({
  day: z.string(),
  patrols: z.number(),
  onTrackSeconds: z.number(),
  reports: z.number(),
  hours: z.number(),
  patrolsMet: z.boolean(),
  hoursMet: z.boolean(),
  reportsMet: z.boolean(),
  met: z.boolean(),
});
const dutyNormSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  daysPerWeek: z.number(),
  patrolsPerDay: z.number(),
  hoursPerDay: z.number(),
  reportsPerDay: z.number(),
});
export const patrolNormScoreSchema = z.object({
  workerId: z.string(),
  norm: dutyNormSchema,
  /** The region whose setting the norm comes from (null: the platform's default, 7362). */
  normSetAt: z.string().nullable(),
  normId: z.string(),
  days: z.array(dayScore),
  daysMet: z.number(),
  daysRequired: z.number(),
  share: z.number(),
  compliant: z.boolean(),
});

/**
 * A region's duty norm: `normId` a defined norm (DUTY_NORMS), `custom` with the region's own figures (and a
 * name), or `inherit` to drop the region's own setting. Bounds are the domain's (DUTY_NORM_LIMITS): 422.
 */
export const patrolNormSettingBodySchema = z.strictObject({
  normId: safeString().trim().min(1).max(32),
  name: safeString().trim().min(1).max(40).optional(),
  // Bounded here only against nonsense; the norm's own bounds (DUTY_NORM_LIMITS) answer 422 in the service.
  daysPerWeek: z.number().min(-1000).max(1000).optional(),
  patrolsPerDay: z.number().min(-1000).max(1000).optional(),
  hoursPerDay: z.number().min(-1000).max(1000).optional(),
  reportsPerDay: z.number().min(-1000).max(1000).optional(),
});
export type PatrolNormSettingBody = z.infer<typeof patrolNormSettingBodySchema>;
const limit = z.object({ min: z.number(), max: z.number(), step: z.number() });
export const patrolNormSettingViewSchema = z.object({
  /** The caller's region, and the region whose setting is in force there (null: the default 7362). */
  regionPath: z.string(),
  setAt: z.string().nullable(),
  norm: dutyNormSchema,
  /** The defined norms a region may choose, and the bounds of its own figures. */
  norms: z.array(dutyNormSchema),
  limits: z.object({ daysPerWeek: limit, patrolsPerDay: limit, hoursPerDay: limit, reportsPerDay: limit }),
});
export const patrolFiguresQuerySchema = z.strictObject({
  from: z.iso.date('日期应为 YYYY-MM-DD 格式的有效日期'),
  to: z.iso.date('日期应为 YYYY-MM-DD 格式的有效日期'),
  regionId: z.string().uuid().optional(),
  /** Rows per grid (default) or per worker. */
  by: z.enum(['grid', 'worker']).default('grid'),
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 200).default(50),
});
export type PatrolFiguresQuery = z.infer<typeof patrolFiguresQuerySchema>;

/** One grid's or one worker's patrols in the period (ended patrols carry the figures; open ones are counted apart). */
const patrolTally = {
  patrols: z.number(),
  open: z.number(),
  onTrackSeconds: z.number(),
  distanceM: z.number(),
  /** Mean share of the grid covered, over the ended patrols with a grid boundary (null: none). */
  coverage: z.number().nullable(),
  checkins: z.number(),
  problemsReported: z.number(),
};
export const patrolFiguresSchema = z.object({
  regionPath: z.string(),
  from: z.string(),
  to: z.string(),
  normId: z.string(),
  /** Whole weeks within the period (the weeks the norm is scored on). */
  weeks: z.number(),
  totals: z.object({ ...patrolTally, workers: z.number(), grids: z.number() }),
  by: z.enum(['grid', 'worker']),
  rows: z.array(
    z.object({
      ...patrolTally,
      /** The grid's or the worker's id (null: patrols with no grid). */
      id: z.string().nullable(),
      name: z.string().nullable(),
      /** Workers only: whole weeks meeting the norm (null for grids). */
      weeksMet: z.number().nullable(),
    }),
  ),
  total: z.number(),
});
export type PatrolFigures = z.infer<typeof patrolFiguresSchema>;
