import type { MultiPolygon, Polygon, Position } from 'geojson';

export type { MultiPolygon, Polygon, Position };

/** A grid boundary: a GeoJSON Polygon or MultiPolygon in WGS84 lon/lat. */
export type Boundary = Polygon | MultiPolygon;

/** The polygons of a boundary as coordinate arrays (a Polygon is a MultiPolygon of one). */
export function polygonsOf(geometry: Boundary): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** [minX, minY, maxX, maxY] of a boundary's outer rings (holes lie inside them). */
export function bboxOf(geometry: Boundary): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const p of polygon[0] ?? []) {
      const x = p[0]!;
      const y = p[1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}
