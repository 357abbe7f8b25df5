import { type BaseLayer, MAP_LIMITS, type MapConfig, type MapOutlines, type RegionLevel, roleCan } from '@gewu/domain';
import { type Boundary, bboxOf, simplifyBoundary } from '@gewu/geo';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/access.ts';
import * as repo from './map.repository.ts';
import { mapRegionMissing } from './map.errors.ts';

export type MapDeps = { db: Db; config: { baseLayer: BaseLayer | null } };

/** The base layer the deployment configured (GEWU_MAP_*), or null: the maps draw on a plain background. */
export function mapConfig(deps: MapDeps, ctx: RequestContext): MapConfig {
  requireActor(ctx);
  return { baseLayer: deps.config.baseLayer };
}

/**
 * What the maps draw under everything else and centre on: the caller's region outline (or, lacking
 * one, the nearest outlined regions under it), the unit grids and the key places of their subtree,
 * simplified for drawing. Key places only for roles that read base data (a resident is not shown
 * where the hazardous-goods sites are).
 */
export async function mapOutlines(deps: MapDeps, ctx: RequestContext): Promise<MapOutlines> {
  const actor = requireActor(ctx);
  const region = await repo.regionById(deps.db, actor.regionId);
  if (!region) throw mapRegionMissing();
  const topmost: string[] = [];
  let lastKept: string | null = null;
  for (const r of await repo.outlinedRegionPaths(deps.db, actor)) {
    if (lastKept && r.path.startsWith(lastKept)) continue; // inside an outline already drawn
    topmost.push(r.id);
    lastKept = r.path;
    if (topmost.length === MAP_LIMITS.regions) break;
  }
  const gridCount = await repo.countOutlinedGrids(deps.db, actor);
  const gridRows = gridCount <= MAP_LIMITS.grids ? await repo.outlinedGrids(deps.db, actor, MAP_LIMITS.grids) : [];
  const placeRows = roleCan(actor.roles, 'person.read')
    ? await repo.placesWithPosition(deps.db, actor, MAP_LIMITS.places)
    : [];
  const simplify = (b: Boundary) => roundBoundary(simplifyBoundary(b, MAP_LIMITS.toleranceM));
  const regions = (await repo.regionOutlines(deps.db, topmost)).flatMap((r) =>
    r.boundary ? [{ ...r, level: r.level as RegionLevel, boundary: simplify(r.boundary) }] : [],
  );
  const grids = gridRows.map((g) => ({ ...g, boundary: simplify(g.boundary) }));
  const places = placeRows.map((p) => ({ ...p, lon: round(p.lon as number), lat: round(p.lat as number) }));
  return {
    region: { ...region, level: region.level as RegionLevel },
    regions,
    grids,
    gridsOmitted: gridRows.length ? 0 : gridCount,
    places,
    bbox: extentOf(
      [...regions, ...grids].map((o) => o.boundary),
      places,
    ),
  };
}

/** [west, south, east, north] of the boundaries and points, or null when there are none. */
function extentOf(boundaries: Boundary[], points: { lon: number; lat: number }[]) {
  const boxes = boundaries.map(bboxOf).concat(points.map((p) => [p.lon, p.lat, p.lon, p.lat]));
  if (boxes.length === 0) return null;
  return boxes.reduce(
    (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  ) as [number, number, number, number];
}

const SCALE = 10 ** MAP_LIMITS.decimals;
const round = (v: number) => Math.round(v * SCALE) / SCALE;

/** Coordinates rounded to MAP_LIMITS.decimals places (drawing needs no more, and the phone downloads them). */
function roundBoundary(b: Boundary): Boundary {
  const ring = (r: number[][]) => r.map((p) => p.map(round));
  return b.type === 'Polygon'
    ? { type: 'Polygon', coordinates: b.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: b.coordinates.map((poly) => poly.map(ring)) };
}
