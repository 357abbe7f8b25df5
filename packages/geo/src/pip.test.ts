import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classifyPoint, INSIDE, ON_BOUNDARY, OUTSIDE } from './pip.ts';
import { pointInBoundary } from './point-in-boundary.ts';
import { mulberry32 } from './synthetic.ts';
import { validateBoundary } from './validate.ts';

/** Flat store of one polygon's rings, closing positions dropped, as GridIndex keeps them. */
function flat(polygon: Polygon) {
  const coords: number[] = [];
  const offsets = [0];
  for (const ring of polygon.coordinates) {
    for (const [x, y] of ring.slice(0, -1) as [number, number][]) coords.push(x, y);
    offsets.push(coords.length / 2);
  }
  return { coords: Float64Array.from(coords), offsets: Uint32Array.from(offsets), rings: polygon.coordinates.length };
}

const classify = (polygon: Polygon, x: number, y: number) => {
  const f = flat(polygon);
  return classifyPoint(f.coords, f.offsets, 0, f.rings, x, y);
};

describe('classifyPoint', () => {
  // An L-shape with horizontal and vertical edges at the query lines, and a hole.
  const shape: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [4, 0],
        [4, 2],
        [2, 2],
        [2, 4],
        [0, 4],
        [0, 0],
      ],
      [
        [0.5, 0.5],
        [1.5, 0.5],
        [1.5, 1.5],
        [0.5, 1.5],
        [0.5, 0.5],
      ],
    ],
  };

  it('tells inside, outside and boundary apart, with horizontal edges and vertices on the ray', () => {
    expect(classify(shape, 3, 1)).toBe(INSIDE);
    expect(classify(shape, 1, 3)).toBe(INSIDE);
    expect(classify(shape, 3, 3)).toBe(OUTSIDE);
    expect(classify(shape, 1, 1)).toBe(OUTSIDE); // in the hole
    expect(classify(shape, -1, 2)).toBe(OUTSIDE); // ray runs along the edge y = 2
    expect(classify(shape, 1, 2)).toBe(INSIDE); // ray passes the reflex vertex (2, 2)
    for (const [x, y] of [
      [3, 2],
      [2, 3],
      [0, 0],
      [2, 2],
      [4, 1],
      [1, 0.5],
      [0.5, 1],
      [1.5, 1.5],
      [0, 4],
    ] as const) {
      expect(classify(shape, x, y)).toBe(ON_BOUNDARY);
    }
  });

  it('agrees with the independent winding-number classifier on random valid polygons', () => {
    const random = mulberry32(11);
    let compared = 0;
    for (let shapeNo = 0; shapeNo < 300; shapeNo++) {
      // Star-shaped rings on a coarse lattice: many collinear, horizontal and vertical edges.
      const n = 3 + Math.floor(random() * 12);
      const ring: Position[] = [];
      for (let k = 0; k < n; k++) {
        const angle = ((k + random() * 0.8) / n) * 2 * Math.PI;
        const radius = 2 + random() * 8;
        ring.push([Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))]);
      }
      ring.push(ring[0]!);
      const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
      if (!validateBoundary(polygon).ok) continue;
      for (let k = 0; k < 200; k++) {
        // Half the points on the lattice (vertices, edges), half anywhere.
        const x = k % 2 === 0 ? Math.round(random() * 24 - 12) : random() * 24 - 12;
        const y = k % 2 === 0 ? Math.round(random() * 24 - 12) : random() * 24 - 12;
        expect(classify(polygon, x, y)).toBe(pointInBoundary(polygon, x, y));
        compared++;
      }
      for (const [x, y] of ring as [number, number][]) expect(classify(polygon, x, y)).toBe(ON_BOUNDARY);
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});
