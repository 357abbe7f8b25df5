import { z } from 'zod';
import { boundarySchema, gridKindSchema } from './grids.ts';
import { KEY_PLACE_KINDS } from './people.ts';
import { regionLevelSchema } from './regions.ts';

/**
 * What the maps need from the server (`/api/map/*`): the base layer chosen at run time by the
 * deployment, and the user's own area to draw and centre on — declared once, used by the routes and
 * the web client.
 */

/**
 * A tile layer as Leaflet takes it: a URL template (`{z}`, `{x}`, `{y}`, optionally `{s}` for one of
 * `subdomains`) serving WGS84/CGCS2000-aligned Web Mercator tiles, like the stored coordinates.
 */
export const baseLayerSchema = z.object({
  url: z.string(),
  /** A second layer drawn over the first: place names (天地图's cva_w over vec_w). */
  labelUrl: z.string().nullable(),
  subdomains: z.array(z.string()),
  attribution: z.string().nullable(),
  maxZoom: z.number().int(),
});
export type BaseLayer = z.infer<typeof baseLayerSchema>;

/** `baseLayer: null`: no tile server is configured — the maps draw outlines on a plain background. */
export const mapConfigSchema = z.object({ baseLayer: baseLayerSchema.nullable() });
export type MapConfig = z.infer<typeof mapConfigSchema>;

export const mapRegionOutlineSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  level: regionLevelSchema,
  boundary: boundarySchema,
});
export const mapGridOutlineSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  kind: gridKindSchema,
  boundary: boundarySchema,
});
export const mapPlaceSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(KEY_PLACE_KINDS),
  lon: z.number(),
  lat: z.number(),
});

export const mapOutlinesSchema = z.object({
  /** The user's own region (the node of the tree their account belongs to). */
  region: z.object({ id: z.string().uuid(), code: z.string(), name: z.string(), level: regionLevelSchema }),
  /**
   * The outline of the user's region, or — when it has none — of the nearest regions under it that
   * have one (a township without its own outline is drawn as its villages).
   */
  regions: z.array(mapRegionOutlineSchema),
  /** Unit grids in the user's scope (micro-grids left out), simplified; empty past MAP_LIMITS.grids. */
  grids: z.array(mapGridOutlineSchema),
  /** How many grids were left out because there were more than MAP_LIMITS.grids (0 otherwise). */
  gridsOmitted: z.number().int(),
  /** Key places (重点场所) with a position, for roles that read base data; empty for others. */
  places: z.array(mapPlaceSchema),
  /** [west, south, east, north] of everything above, or null when nothing has a position yet. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});
export type MapOutlines = z.infer<typeof mapOutlinesSchema>;
export type MapGridOutline = z.infer<typeof mapGridOutlineSchema>;
export type MapPlace = z.infer<typeof mapPlaceSchema>;

/**
 * How much the outline map carries. A county or city user would get thousands of grids: past the
 * limit they are left out (with their count) and the map shows the region outlines alone. Outlines
 * are simplified to `toleranceM` metres — a screen pixel at street zoom (17) is about 1 m — and their
 * coordinates rounded to `decimals` places (10⁻⁶° ≈ 0.1 m), which halves the bytes on a phone.
 */
export const MAP_LIMITS = { grids: 2000, places: 1000, regions: 500, toleranceM: 1, decimals: 6 } as const;
