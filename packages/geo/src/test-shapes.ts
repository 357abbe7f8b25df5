// Hand-made shapes for the unit tests (not exported from the package).
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { GridIndexItem, GridKind } from './grid-index.ts';

/** Closed counter-clockwise rectangle ring. */
export function rectRing(x0: number, y0: number, x1: number, y1: number): Position[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

export function rect(x0: number, y0: number, x1: number, y1: number, ...holes: Position[][]): Polygon {
  return { type: 'Polygon', coordinates: [rectRing(x0, y0, x1, y1), ...holes] };
}

export function multi(...polygons: Polygon[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polygons.map((p) => p.coordinates) };
}

export function item(
  id: string,
  code: string,
  geometry: Polygon | MultiPolygon,
  kind: GridKind = 'grid',
): GridIndexItem {
  return { id, code, kind, geometry };
}
