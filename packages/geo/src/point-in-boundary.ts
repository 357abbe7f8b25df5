// Point against one GeoJSON boundary, without building an index: winding number per ring with an
// exact on-edge test. Written independently of pip.ts's crossing-number loop on purpose — the tests
// and the benchmark use it as the reference the GridIndex is checked against.
import { orient2d } from 'robust-predicates';
import { INSIDE, ON_BOUNDARY, OUTSIDE, type PointClass } from './pip.ts';
import { polygonsOf, type Boundary } from './types.ts';

/** INSIDE (1), ON_BOUNDARY (0) or OUTSIDE (-1) of a Polygon / MultiPolygon, holes and parts included. */
export function pointInBoundary(geometry: Boundary, x: number, y: number): PointClass {
  let inside = false;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      let winding = 0;
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i]!;
        const b = ring[(i + 1) % ring.length]!;
        const ax = a[0]!;
        const ay = a[1]!;
        const bx = b[0]!;
        const by = b[1]!;
        const o = orient2d(ax, ay, bx, by, x, y); // < 0: (x, y) left of a→b
        if (
          o === 0 &&
          x >= Math.min(ax, bx) &&
          x <= Math.max(ax, bx) &&
          y >= Math.min(ay, by) &&
          y <= Math.max(ay, by)
        ) {
          return ON_BOUNDARY;
        }
        if (ay <= y) {
          if (by > y && o < 0) winding++;
        } else if (by <= y && o > 0) {
          winding--;
        }
      }
      if (winding !== 0) inside = !inside;
    }
  }
  return inside ? INSIDE : OUTSIDE;
}
