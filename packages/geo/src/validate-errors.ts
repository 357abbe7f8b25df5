// Codes, names and paths shared by the structural and topological checks.
import type { Position } from 'geojson';

export type GeoErrorCode =
  | 'geo.bad_type' // not a Polygon / MultiPolygon object
  | 'geo.bad_coordinates' // coordinates not nested arrays of [lon, lat] numbers
  | 'geo.empty' // no polygon, or a polygon without rings
  | 'geo.out_of_range' // lon outside [-180, 180], lat outside [-90, 90], or not finite
  | 'geo.too_few_points' // ring with fewer than 4 positions, or fewer than 3 distinct ones
  | 'geo.not_closed' // ring's first and last positions differ
  | 'geo.self_intersection' // a ring crosses or touches itself
  | 'geo.rings_intersect' // two rings of one polygon cross or share a stretch of edge
  | 'geo.hole_outside' // a hole not inside its outer ring
  | 'geo.holes_overlap' // a hole inside another hole
  | 'geo.polygons_overlap'; // two polygons of a MultiPolygon overlap

export interface GeoError {
  code: GeoErrorCode;
  /** Chinese, for the person who drew or uploaded the boundary. */
  message: string;
  /** Where in the geometry, e.g. `coordinates[0][12]` (JSON path, 0-based). */
  path?: string;
}

export const MAX_ERRORS = 20;

/** Structurally valid input: closed rings of [lon, lat] with ≥ 4 positions, as a list of polygons. */
export interface Parsed {
  isMulti: boolean;
  polygons: Position[][][];
}

/** "第 2 个多边形的第 1 个环（外环）" — 1-based, as people count. */
export function ringName(isMulti: boolean, p: number, r: number): string {
  return `${isMulti ? `第 ${p + 1} 个多边形的` : ''}第 ${r + 1} 个环（${r === 0 ? '外环' : '内环'}）`;
}

/** JSON path of a polygon, ring or position inside `coordinates` (0-based). */
export function ringPath(isMulti: boolean, p: number, r?: number, i?: number): string {
  let path = isMulti ? `coordinates[${p}]` : 'coordinates';
  if (r !== undefined) path += `[${r}]`;
  if (i !== undefined) path += `[${i}]`;
  return path;
}

/** A coordinate for a message: 6 decimals (≈ 0.1 m). */
export function fmt(x: number, y: number): string {
  return `${Number(x.toFixed(6))}, ${Number(y.toFixed(6))}`;
}
