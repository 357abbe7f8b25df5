import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { simplifyBoundary } from './simplify.ts';
import { mulberry32 } from './synthetic.ts';

const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

// A 0.001° square near Zhengzhou (~91 m × 111 m) with a vertex in the middle of every edge.
const SQUARE_WITH_MIDPOINTS: Position[] = [
  [113.7, 34.7],
  [113.7005, 34.7],
  [113.701, 34.7],
  [113.701, 34.7005],
  [113.701, 34.701],
  [113.7005, 34.701],
  [113.7, 34.701],
  [113.7, 34.7005],
  [113.7, 34.7],
];
const CORNERS: Position[] = [
  [113.7, 34.7],
  [113.701, 34.7],
  [113.701, 34.701],
  [113.7, 34.701],
  [113.7, 34.7],
];

describe('simplifyBoundary', () => {
  it('drops vertices lying on the line between their neighbours', () => {
    expect(simplifyBoundary(poly(SQUARE_WITH_MIDPOINTS), 1)).toEqual(poly(CORNERS));
  });

  it('keeps a bump larger than the tolerance and drops one smaller (0.00002° of latitude ≈ 2.2 m)', () => {
    const bumped = poly([
      [113.7, 34.7],
      [113.7005, 34.69998],
      [113.701, 34.7],
      [113.701, 34.701],
      [113.7, 34.701],
      [113.7, 34.7],
    ]);
    expect(simplifyBoundary(bumped, 1)).toEqual(bumped);
    expect(simplifyBoundary(bumped, 5)).toEqual(poly(CORNERS));
  });

  it('measures longitude in metres at the ring’s latitude (0.00002° of longitude: 2.2 m at the equator, 1.1 m at 60°N)', () => {
    const at = (lat: number) =>
      poly([
        [10, lat],
        [10.001, lat],
        [10.00102, lat + 0.0005],
        [10.001, lat + 0.001],
        [10, lat + 0.001],
        [10, lat],
      ]);
    expect(simplifyBoundary(at(0), 1.5)).toEqual(at(0));
    expect(simplifyBoundary(at(60), 1.5)).toEqual(
      poly([
        [10, 60],
        [10.001, 60],
        [10.001, 60.001],
        [10, 60.001],
        [10, 60],
      ]),
    );
  });

  it('drops a hole that would fall below a triangle, keeps a larger one', () => {
    const outer: Position[] = [
      [113.7, 34.7],
      [113.71, 34.7],
      [113.71, 34.71],
      [113.7, 34.71],
      [113.7, 34.7],
    ];
    const tinyHole: Position[] = [
      [113.705, 34.705],
      [113.705, 34.70501],
      [113.70501, 34.705],
      [113.705, 34.705],
    ];
    const hole: Position[] = [
      [113.702, 34.702],
      [113.702, 34.703],
      [113.703, 34.703],
      [113.703, 34.702],
      [113.702, 34.702],
    ];
    expect(simplifyBoundary(poly(outer, tinyHole, hole), 5)).toEqual(poly(outer, hole));
  });

  it('keeps an outer ring that would fall below a triangle as it was, so the place stays on the map', () => {
    const tiny = poly([
      [113.7, 34.7],
      [113.70001, 34.7],
      [113.7, 34.70001],
      [113.7, 34.7],
    ]);
    expect(simplifyBoundary(tiny, 50)).toEqual(tiny);
  });

  it('simplifies every part of a MultiPolygon and keeps its type', () => {
    const shifted = SQUARE_WITH_MIDPOINTS.map(([x, y]) => [(x as number) + 0.01, y as number]);
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[SQUARE_WITH_MIDPOINTS], [shifted]] };
    expect(simplifyBoundary(multi, 1)).toEqual({
      type: 'MultiPolygon',
      coordinates: [[CORNERS], [CORNERS.map(([x, y]) => [(x as number) + 0.01, y as number])]],
    });
  });

  it('with no tolerance only drops repeated vertices, and never changes its input', () => {
    const input = poly([
      [113.7, 34.7],
      [113.701, 34.7],
      [113.701, 34.7],
      [113.701, 34.701],
      [113.7, 34.7],
    ]);
    const before = structuredClone(input);
    expect(simplifyBoundary(input, 0)).toEqual(
      poly([
        [113.7, 34.7],
        [113.701, 34.7],
        [113.701, 34.701],
        [113.7, 34.7],
      ]),
    );
    simplifyBoundary(input, 100);
    expect(input).toEqual(before);
  });

  it('on a jagged ring of 400 vertices: a closed subset in order, each dropped vertex within the tolerance of the kept edge', () => {
    const random = mulberry32(14);
    const ring: Position[] = [];
    for (let i = 0; i < 400; i++) {
      const a = (i / 400) * 2 * Math.PI;
      const r = 0.005 * (1 + 0.05 * random());
      ring.push([113.7 + r * Math.cos(a), 34.7 + r * Math.sin(a)]);
    }
    ring.push(ring[0] as Position);
    const tolerance = 10;
    const out = (simplifyBoundary(poly(ring), tolerance) as Polygon).coordinates[0] as Position[];
    expect(out[0]).toEqual(out[out.length - 1]);
    expect(out.length).toBeLessThan(200);
    expect(out.length).toBeGreaterThan(3);
    const indexes = out.slice(0, -1).map((p) => ring.findIndex((q) => q[0] === p[0] && q[1] === p[1]));
    expect(indexes.every((i, k) => i >= 0 && (k === 0 || i > (indexes[k - 1] as number)))).toBe(true);
    const kx = 111_320 * Math.cos((34.7 * Math.PI) / 180);
    const m = (p: Position) => [(p[0] as number) * kx, (p[1] as number) * 110_574] as const;
    for (let k = 0; k < indexes.length; k++) {
      const from = indexes[k] as number;
      const to = k + 1 < indexes.length ? (indexes[k + 1] as number) : 400;
      const [ax, ay] = m(ring[from] as Position);
      const [bx, by] = m(ring[to % 400] as Position);
      for (let i = from + 1; i < to; i++) {
        const [px, py] = m(ring[i] as Position);
        const t = Math.max(
          0,
          Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
        );
        expect(Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)))).toBeLessThanOrEqual(tolerance + 0.01);
      }
    }
  });
});
