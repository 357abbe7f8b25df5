import { type Crs, areaM2, findGaps, toWgs84, validateBoundary } from '@gewu/geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { invalidBoundary, outsideParent } from './grids.errors.ts';

/** Converts every position to WGS84 at the edge of the system (maps in China often give GCJ-02 or BD-09). */
export function boundaryToWgs84(
  geometry: { type: string; coordinates: unknown[] },
  crs: Crs,
): { type: string; coordinates: unknown[] } {
  if (crs === 'WGS84') return geometry;
  const convert = (v: unknown): unknown =>
    Array.isArray(v) && typeof v[0] === 'number'
      ? toWgs84(v[0] as number, v[1] as number, crs)
      : Array.isArray(v)
        ? v.map(convert)
        : v;
  return { type: geometry.type, coordinates: geometry.coordinates.map(convert) };
}

/** Validates a boundary or throws 400 `grid.invalid_boundary` listing each problem in Chinese. */
export function checkedBoundary(raw: { type: string; coordinates: unknown[] }, crs: Crs): Polygon | MultiPolygon {
  // The conversion takes only well-formed coordinates (gcoord throws on anything else): check the shape as sent first.
  const sent = crs === 'WGS84' ? raw : valid(validateBoundary(raw));
  return valid(validateBoundary(boundaryToWgs84(sent, crs)));
}

function valid(result: ReturnType<typeof validateBoundary>): Polygon | MultiPolygon {
  if (!result.ok) {
    throw invalidBoundary(result.errors);
  }
  return result.geometry;
}

/** Refuses a boundary reaching more than 1 m² outside its parent (village outline or unit grid). */
export function assertInsideParent(
  geometry: Polygon | MultiPolygon,
  parent: Polygon | MultiPolygon | null,
  parentName: string,
) {
  if (!parent) return;
  const { outsideAreaM2 } = findGaps(parent, [geometry]);
  if (outsideAreaM2 > 1) {
    throw outsideParent(parentName, outsideAreaM2);
  }
}

export function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const polys: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys)
    for (const ring of poly)
      for (const [lon, lat] of ring as [number, number][]) {
        minLon = Math.min(minLon, lon);
        minLat = Math.min(minLat, lat);
        maxLon = Math.max(maxLon, lon);
        maxLat = Math.max(maxLat, lat);
      }
  return [minLon, minLat, maxLon, maxLat];
}

export { areaM2 };
