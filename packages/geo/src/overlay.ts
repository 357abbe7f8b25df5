// Overlaps between grids and gaps left in a parent's area (网格全覆盖、不交叉): boolean operations
// by polyclip-ts (the maintained TypeScript successor of polygon-clipping that Turf 7 uses), areas by
// @turf/area, candidate pairs by a Flatbush box search so n grids do not cost n² clippings.
import Flatbush from 'flatbush';
import { difference, intersection, union, type Geom } from 'polyclip-ts';
import type { MultiPolygon, Position } from 'geojson';
import { areaM2 } from './area.ts';
import { bboxOf, type Boundary } from './types.ts';

export interface OverlapInput {
  id: string;
  code: string;
  geometry: Boundary;
}

export interface Overlap {
  /** The pair, `aId` being the one with the smaller code (then id). */
  aId: string;
  bId: string;
  areaM2: number;
  geometry: MultiPolygon;
}

export interface GapReport {
  /** Area of the parent not covered by any child, in m². */
  areaM2: number;
  /** The uncovered pieces, or null when there are none. */
  geometry: MultiPolygon | null;
  /** Area of the children lying outside the parent, in m². */
  outsideAreaM2: number;
}

export interface OverlayOptions {
  /** Pieces at or below this area are dropped as rounding slivers (default 1 m²). */
  minAreaM2?: number;
}

/** Every pair of items whose intersection is larger than `minAreaM2` (default 1 m²). */
export function findOverlaps(items: readonly OverlapInput[], options: OverlayOptions = {}): Overlap[] {
  const minArea = options.minAreaM2 ?? 1;
  const sorted = [...items].sort((a, b) =>
    a.code !== b.code ? (a.code < b.code ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  if (sorted.length < 2) return [];
  const tree = new Flatbush(sorted.length);
  const boxes = sorted.map((item) => bboxOf(item.geometry));
  for (const [minX, minY, maxX, maxY] of boxes) tree.add(minX, minY, maxX, maxY);
  tree.finish();
  const overlaps: Overlap[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const [minX, minY, maxX, maxY] = boxes[i]!;
    const others = tree
      .search(minX, minY, maxX, maxY)
      .filter((j) => j > i)
      .sort((a, b) => a - b);
    for (const j of others) {
      const pieces = keepPieces(intersection(asGeom(sorted[i]!.geometry), asGeom(sorted[j]!.geometry)), minArea);
      if (pieces === null) continue;
      overlaps.push({ aId: sorted[i]!.id, bId: sorted[j]!.id, areaM2: areaM2(pieces), geometry: pieces });
    }
  }
  return overlaps;
}

/** What part of `parent` its `children` leave uncovered, and how much of them spills outside it. */
export function findGaps(parent: Boundary, children: readonly Boundary[], options: OverlayOptions = {}): GapReport {
  const minArea = options.minAreaM2 ?? 1;
  if (children.length === 0) {
    const whole = keepPieces(asGeom(parent) as Geom, minArea);
    return { areaM2: whole ? areaM2(whole) : 0, geometry: whole, outsideAreaM2: 0 };
  }
  const covered = union(asGeom(children[0]!), ...children.slice(1).map(asGeom));
  const gaps = keepPieces(difference(asGeom(parent), covered), minArea);
  const outside = keepPieces(difference(covered, asGeom(parent)), minArea);
  return { areaM2: gaps ? areaM2(gaps) : 0, geometry: gaps, outsideAreaM2: outside ? areaM2(outside) : 0 };
}

function asGeom(geometry: Boundary): Geom {
  return geometry.coordinates as Geom;
}

/** The pieces of a clipping result larger than `minArea`, as a MultiPolygon, or null. */
function keepPieces(geom: Geom, minArea: number): MultiPolygon | null {
  if (geom.length === 0) return null;
  const polygons = (isMulti(geom) ? geom : [geom]) as Position[][][];
  const kept = polygons.filter((p) => areaM2({ type: 'Polygon', coordinates: p }) > minArea);
  return kept.length > 0 ? { type: 'MultiPolygon', coordinates: kept } : null;
}

function isMulti(geom: Geom): boolean {
  // A Poly's first element is a ring (array of positions); a MultiPoly's is a Poly (array of rings).
  const first = geom[0];
  return first !== undefined && Array.isArray(first[0]) && Array.isArray((first[0] as unknown[])[0]);
}
