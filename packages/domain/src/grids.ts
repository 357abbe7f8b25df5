import { z } from 'zod';
import type { RegionLevel } from './regions.ts';
import type { Role } from './roles.ts';
import { nonEmptyPatch, safeString } from './text.ts';

export const GRID_KINDS = ['urban_community', 'rural', 'dedicated', 'micro'] as const;
export const gridKindSchema = z.enum(GRID_KINDS);
export type GridKind = z.infer<typeof gridKindSchema>;

/** 专属网格 kinds: schools, hospitals, industrial parks, markets, big buildings. */
export const DEDICATED_KINDS = ['school', 'hospital', 'industrial_park', 'market', 'building', 'other'] as const;
export type DedicatedKind = (typeof DEDICATED_KINDS)[number];

export const GRID_DUTIES = ['grid_worker_full', 'grid_worker_part', 'police', 'mediator', 'legal_adviser'] as const;
export const gridDutySchema = z.enum(GRID_DUTIES);
export type GridDuty = z.infer<typeof gridDutySchema>;

/**
 * When an assignment names an account, the role that account must hold for the duty: grid workers
 * (专职/兼职) are grid_worker accounts; the police officer (一格一警) works for the 派出所, a handling
 * unit; the mediator is a mediator; the legal adviser is a mediator or works for a unit (司法所).
 */
export const DUTY_ROLES: Record<GridDuty, readonly Role[]> = {
  grid_worker_full: ['grid_worker'],
  grid_worker_part: ['grid_worker'],
  police: ['handler'],
  mediator: ['mediator'],
  legal_adviser: ['mediator', 'handler'],
};

/**
 * The levels an assigned account may sit at: the grid's own township or its village (and the
 * account's region must contain the grid, so it sees the grid's cases). A county account is not the
 * person on the ground, and an account elsewhere would be answerable for a grid it cannot see.
 */
export const ASSIGNEE_LEVELS: readonly RegionLevel[] = ['township', 'village'];

export const CRS = ['WGS84', 'GCJ02', 'BD09'] as const;
export const crsSchema = z.enum(CRS);

/** Shape only; rings, closure and self-intersections are checked by @gewu/geo's validateBoundary. */
export const boundarySchema = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.any()).min(1).max(1000),
});

export const createGridBodySchema = z.strictObject({
  villageId: z.string().uuid(),
  /** For a micro-grid: its unit grid. */
  parentGridId: z.string().uuid().optional(),
  /** 3-digit sequence appended to the village's (or unit grid's) code. */
  seq: safeString()
    .regex(/^\d{3}$/, '序号应为 3 位数字')
    .refine((s) => s !== '000', '序号不能为 000'),
  name: safeString().trim().min(1).max(100),
  kind: gridKindSchema,
  dedicatedKind: z.enum(DEDICATED_KINDS).optional(),
  households: z.number().int().min(0).max(100_000).default(0),
  boundary: boundarySchema.optional(),
  crs: crsSchema.default('WGS84'),
});
export type CreateGridBody = z.input<typeof createGridBodySchema>;

export const updateGridBodySchema = nonEmptyPatch(
  z.strictObject({
    name: safeString().trim().min(1).max(100).optional(),
    households: z.number().int().min(0).max(100_000).optional(),
  }),
);

export const setBoundaryBodySchema = z.strictObject({ boundary: boundarySchema, crs: crsSchema.default('WGS84') });

export const assignBodySchema = z.strictObject({
  duty: gridDutySchema,
  userId: z.string().uuid().optional(),
  personName: safeString().trim().min(1).max(64),
  phone: safeString().trim().max(20).optional(),
});
export type AssignBody = z.input<typeof assignBodySchema>;

export const gridViewSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  kind: gridKindSchema,
  dedicatedKind: z.string().nullable(),
  villageId: z.string().uuid(),
  parentGridId: z.string().uuid().nullable(),
  households: z.number(),
  boundary: boundarySchema.nullable(),
  areaM2: z.number().nullable(),
  boundaryValidFrom: z.string().nullable(),
});
export type GridView = z.infer<typeof gridViewSchema>;

export const assignmentViewSchema = z.object({
  id: z.string().uuid(),
  duty: gridDutySchema,
  userId: z.string().uuid().nullable(),
  personName: z.string(),
  phoneMasked: z.string().nullable(),
  validFrom: z.string(),
});
export type AssignmentView = z.infer<typeof assignmentViewSchema>;

export const gridDetailSchema = gridViewSchema.extend({
  assignments: z.array(assignmentViewSchema),
  residentCount: z.number(),
  houseCount: z.number(),
  boundaryVersions: z.number(),
});

export const lookupQuerySchema = z.strictObject({
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  crs: crsSchema.default('WGS84'),
});

/** GET /api/grids/lookup: the point in WGS84 and the unit grid and micro-grid holding it (null: none in scope). */
export const gridLookupSchema = z.object({
  lon: z.number(),
  lat: z.number(),
  grid: gridViewSchema.nullable(),
  micro: gridViewSchema.nullable(),
});
export type GridLookup = z.infer<typeof gridLookupSchema>;

export const gridListSchema = z.object({ items: z.array(gridViewSchema) });
export type GridList = z.infer<typeof gridListSchema>;

/** POST /api/grids/import: a GeoJSON FeatureCollection, attributes in `properties`. */
export const gridImportBodySchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.any(),
        properties: z.record(safeString().max(100), z.unknown()).nullable(),
      }),
    )
    .min(1)
    .max(100_000),
});

/** What the import found (per feature) and whether it wrote anything (all or nothing). */
export const gridImportResultSchema = z.object({
  features: z.number(),
  create: z.number(),
  update: z.number(),
  committed: z.boolean(),
  errors: z.array(z.object({ index: z.number(), code: z.string().nullable(), field: z.string(), message: z.string() })),
});
export type GridImportResult = z.infer<typeof gridImportResultSchema>;

export const gridCheckSchema = z.object({
  villageId: z.string().uuid(),
  gridCount: z.number(),
  parentHasBoundary: z.boolean(),
  overlaps: z.array(
    z.object({
      aId: z.string(),
      aCode: z.string(),
      bId: z.string(),
      bCode: z.string(),
      areaM2: z.number(),
      geometry: z.any(),
    }),
  ),
  gap: z.object({ areaM2: z.number(), geometry: z.any() }).nullable(),
  outside: z.array(z.object({ id: z.string(), code: z.string(), areaM2: z.number() })),
});
export type GridCheck = z.infer<typeof gridCheckSchema>;
export type GridDetailView = z.infer<typeof gridDetailSchema>;
