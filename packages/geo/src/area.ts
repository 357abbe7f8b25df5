// Geodesic area. @turf/area sums spherical excess on a sphere of radius 6,371,008.8 m (Chamberlain &
// Duquette); at Henan's latitudes it is within ~0.1 % of the WGS84 ellipsoid — plenty for grid sizes.
import { area } from '@turf/area';
import type { Boundary } from './types.ts';

/** Area of a Polygon or MultiPolygon in square metres (holes subtracted). */
export function areaM2(geometry: Boundary): number {
  return area(geometry);
}
