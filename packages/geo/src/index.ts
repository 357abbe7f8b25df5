// @gewu/geo — pure geometry for grids (no I/O): coordinate systems, boundary validation,
// point → grid lookup, overlaps, gaps and areas. GeoJSON, WGS84 lon/lat throughout.
export { toWgs84, fromWgs84, type Crs } from './crs.ts';
export { validateBoundary, type BoundaryValidation, type GeoError, type GeoErrorCode } from './validate.ts';
export { GridIndex, type GridIndexItem, type GridKind, type GridLookup } from './grid-index.ts';
export {
  findOverlaps,
  findGaps,
  type Overlap,
  type OverlapInput,
  type GapReport,
  type OverlayOptions,
} from './overlay.ts';
export { areaM2 } from './area.ts';
export { classifyPoint, INSIDE, ON_BOUNDARY, OUTSIDE, type PointClass } from './pip.ts';
export type { Boundary, MultiPolygon, Polygon, Position } from './types.ts';
export { pointInBoundary } from './point-in-boundary.ts';
export { bboxOf } from './types.ts';
export { jitteredTiling, mulberry32, type TilingOptions } from './synthetic.ts';
export { simplifyBoundary } from './simplify.ts';
export { trackCoverage, type CoverageResult } from './coverage.ts';
