import { describe, expect, it } from 'vitest';
import { GridIndex, type GridIndexItem } from './grid-index.ts';
import { INSIDE, ON_BOUNDARY } from './pip.ts';
import { pointInBoundary } from './point-in-boundary.ts';
import { jitteredTiling, mulberry32 } from './synthetic.ts';
import { item, multi, rect, rectRing } from './test-shapes.ts';

const grid = (index: GridIndex, x: number, y: number) => index.lookup(x, y).gridId;

/** The boundary rule evaluated by brute force with the independent reference classifier. */
function naive(items: GridIndexItem[], kind: 'grid' | 'micro', x: number, y: number): string | null {
  const byRule = items
    .filter((i) => i.kind === kind)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : 1));
  return (
    byRule.find((i) => pointInBoundary(i.geometry, x, y) === INSIDE)?.id ??
    byRule.find((i) => pointInBoundary(i.geometry, x, y) === ON_BOUNDARY)?.id ??
    null
  );
}

describe('GridIndex boundary rule', () => {
  it('gives a point on an edge shared by two grids to the one with the smaller code, whatever the input order', () => {
    const a = item('A', '410102001001001', rect(0, 0, 1, 1));
    const b = item('B', '410102001001002', rect(1, 0, 2, 1));
    expect(grid(new GridIndex([a, b]), 1, 0.5)).toBe('A');
    expect(grid(new GridIndex([b, a]), 1, 0.5)).toBe('A');
    const swapped = [{ ...a, code: '410102001001009' }, b];
    expect(grid(new GridIndex(swapped), 1, 0.5)).toBe('B');
    // Off the edge each side keeps its own points.
    expect(grid(new GridIndex([a, b]), 0.999999, 0.5)).toBe('A');
    expect(grid(new GridIndex([a, b]), 1.000001, 0.5)).toBe('B');
  });

  it('decides slanted shared edges exactly', () => {
    // Two triangles sharing the diagonal of the square (0,0)-(2,2); (1,1) and (0.5,0.5) lie on it exactly.
    const lower = item('lower', '002', {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 0],
        ],
      ],
    });
    const upper = item('upper', '001', {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    });
    const index = new GridIndex([lower, upper]);
    for (const [x, y] of [
      [1, 1],
      [0.5, 0.5],
      [0.25, 0.25],
      [2, 2],
      [0, 0],
    ] as const)
      expect(grid(index, x, y)).toBe('upper');
    expect(grid(index, 1.5, 0.5)).toBe('lower');
    expect(grid(index, 0.5, 1.5)).toBe('upper');
    // A point a hair below the diagonal is strictly inside `lower`.
    expect(grid(index, 1, 1 - 2 ** -40)).toBe('lower');
  });

  it('gives a vertex shared by 4 grids to the smallest code among them', () => {
    const cells = [rect(0, 0, 1, 1), rect(1, 0, 2, 1), rect(0, 1, 1, 2), rect(1, 1, 2, 2)];
    for (let winner = 0; winner < 4; winner++) {
      const items = cells.map((g, k) => item(`c${k}`, k === winner ? '100' : `20${k}`, g));
      expect(grid(new GridIndex(items), 1, 1)).toBe(`c${winner}`);
      expect(grid(new GridIndex([...items].reverse()), 1, 1)).toBe(`c${winner}`);
    }
  });

  it('prefers a grid strictly containing the point over one merely touching it, even with a smaller code', () => {
    // Overlapping grids (bad data) still resolve by the rule: inside beats boundary.
    const a = item('A', '001', rect(0, 0, 2, 2));
    const b = item('B', '002', rect(1, 0, 3, 2));
    const index = new GridIndex([a, b]);
    expect(grid(index, 2, 1)).toBe('B'); // on A's edge, inside B
    expect(grid(index, 1, 1)).toBe('A'); // on B's edge, inside A
    expect(grid(index, 1.5, 1)).toBe('A'); // inside both: smaller code
  });
});

describe('GridIndex shapes', () => {
  const donut = item('donut', '001', rect(0, 0, 4, 4, rectRing(1, 1, 3, 3).reverse()));
  const plug = item('plug', '002', rect(1, 1, 3, 3));

  it('lets a point inside a hole fall through to the grid filling the hole, or to null', () => {
    expect(grid(new GridIndex([donut, plug]), 2, 2)).toBe('plug');
    expect(grid(new GridIndex([donut]), 2, 2)).toBeNull();
    expect(grid(new GridIndex([donut, plug]), 0.5, 2)).toBe('donut');
    // The hole's ring is a boundary of both; the donut has the smaller code.
    expect(grid(new GridIndex([donut, plug]), 1, 2)).toBe('donut');
    expect(grid(new GridIndex([donut]), 3, 3)).toBe('donut');
  });

  it('finds points in any part of a multipolygon and nothing between the parts', () => {
    const index = new GridIndex([item('islands', '001', multi(rect(0, 0, 1, 1), rect(5, 5, 6, 7)))]);
    expect(grid(index, 0.5, 0.5)).toBe('islands');
    expect(grid(index, 5.5, 6.5)).toBe('islands');
    expect(grid(index, 3, 3)).toBeNull();
    expect(grid(index, 6, 7)).toBe('islands');
  });

  it('resolves micro-grids independently of the unit grid around them', () => {
    const items = [
      item('G', '900', rect(0, 0, 4, 4)),
      item('M1', '901', rect(0, 0, 1, 1), 'micro'),
      item('M2', '902', rect(1, 0, 2, 1), 'micro'),
    ];
    const index = new GridIndex(items);
    expect(index.lookup(0.5, 0.5)).toEqual({ gridId: 'G', microId: 'M1' });
    expect(index.lookup(1.5, 0.5)).toEqual({ gridId: 'G', microId: 'M2' });
    expect(index.lookup(1, 0.5)).toEqual({ gridId: 'G', microId: 'M1' });
    expect(index.lookup(3, 3)).toEqual({ gridId: 'G', microId: null });
    expect(index.lookup(0, 0)).toEqual({ gridId: 'G', microId: 'M1' });
  });

  it('answers null for points outside everything and for non-finite input', () => {
    const index = new GridIndex([donut, plug]);
    for (const [x, y] of [
      [10, 10],
      [-0.000001, 2],
      [4.000001, 4],
      [NaN, 1],
      [1, Infinity],
    ] as const) {
      expect(index.lookup(x, y)).toEqual({ gridId: null, microId: null });
    }
    expect(new GridIndex([]).lookup(1, 1)).toEqual({ gridId: null, microId: null });
    expect(
      new GridIndex([item('empty', '1', { type: 'MultiPolygon', coordinates: [] })]).lookup(0, 0).gridId,
    ).toBeNull();
  });

  it('reports its size and an approximate memory footprint', () => {
    const index = new GridIndex([donut, plug]);
    expect(index.size).toBe(2);
    // 4 + 4 + 4 vertices × 16 bytes at least, plus the tree.
    expect(index.memoryBytes).toBeGreaterThan(12 * 16);
    expect(index.memoryBytes).toBeLessThan(10_000);
  });
});

describe('GridIndex on a jittered tiling', () => {
  const items = jitteredTiling({ cols: 12, rows: 9, extent: [113.5, 34.6, 113.8, 34.9], seed: 7 });
  const index = new GridIndex(items);

  it('agrees with the brute-force rule on random points and covers the whole extent', () => {
    const random = mulberry32(42);
    for (let k = 0; k < 3000; k++) {
      const x = 113.5 + random() * 0.3;
      const y = 34.6 + random() * 0.3;
      const got = grid(index, x, y);
      expect(got).not.toBeNull();
      expect(got).toBe(naive(items, 'grid', x, y));
    }
  });

  it('agrees with the brute-force rule on every vertex and on edge midpoints', () => {
    const seen = new Set<string>();
    for (const it of items.slice(0, 40)) {
      const ring = (it.geometry.coordinates as number[][][])[0]!;
      for (let k = 0; k + 1 < ring.length; k++) {
        const [x, y] = ring[k] as [number, number];
        const [x2, y2] = ring[k + 1] as [number, number];
        for (const [px, py] of [
          [x, y],
          [(x + x2) / 2, (y + y2) / 2],
        ] as const) {
          const key = `${px},${py}`;
          if (seen.has(key)) continue;
          seen.add(key);
          expect(grid(index, px, py)).toBe(naive(items, 'grid', px, py));
        }
      }
    }
    expect(seen.size).toBeGreaterThan(1000);
  });
});

describe('GridIndex on mixed sizes (exercises the raster fast path next to the exact path)', () => {
  // Two big triangles sharing a long diagonal, a dense tiling in one corner, micro-grids over part of
  // it, and a donut whose hole is partly filled.
  const small = jitteredTiling({ cols: 20, rows: 20, extent: [0, 0, 1, 1], seed: 3, codePrefix: '9' });
  const items: GridIndexItem[] = [
    ...small,
    item('T1', '100', {
      type: 'Polygon',
      coordinates: [
        [
          [1, 0],
          [8, 0],
          [8, 7],
          [1, 0],
        ],
      ],
    }),
    item('T2', '101', {
      type: 'Polygon',
      coordinates: [
        [
          [1, 0],
          [8, 7],
          [1, 7],
          [1, 0],
        ],
      ],
    }),
    item('D', '102', rect(0, 1, 1, 7, rectRing(0.25, 2, 0.75, 3).reverse())),
    item('P', '103', rect(0.25, 2, 0.5, 3)),
    // A comb: row lines cross it many times.
    item('C', '104', {
      type: 'Polygon',
      coordinates: [
        [
          [8, 0],
          [10, 0],
          [10, 3],
          ...[9.75, 9.5, 9.25, 9, 8.75, 8.5, 8.25].flatMap((x, k) =>
            k % 2 === 0
              ? [
                  [x, 3],
                  [x, 0.5],
                ]
              : [
                  [x, 0.5],
                  [x, 3],
                ],
          ),
          [8, 3],
          [8, 0],
        ],
      ],
    }),
    ...small.slice(0, 30).map((g, k) => ({ ...g, id: `m${k}`, code: `8${k}`, kind: 'micro' as const })),
  ];
  const index = new GridIndex(items);
  const check = (x: number, y: number) => {
    expect(index.lookup(x, y), `(${x}, ${y})`).toEqual({
      gridId: naive(items, 'grid', x, y),
      microId: naive(items, 'micro', x, y),
    });
  };

  it('agrees with the brute-force rule on random points, on the long diagonal and one ulp beside edges', () => {
    const random = mulberry32(5);
    for (let k = 0; k < 4000; k++) check(random() * 10, random() * 7);
    for (let k = 0; k <= 64; k++) {
      const t = 1 + (7 * k) / 64; // exactly on the diagonal (1,0)-(8,7): y = x - 1
      check(t, t - 1);
      check(t, (t - 1) * (1 + Number.EPSILON));
      check(t * (1 + Number.EPSILON), t - 1);
    }
  });

  it('agrees on every vertex and a hair off every vertex of the dense corner', () => {
    for (const it of [...items.slice(0, 60), ...items.slice(400, 405)]) {
      for (const [x, y] of (it.geometry.coordinates as number[][][])[0] as [number, number][]) {
        check(x, y);
        check(x + 1e-12, y);
        check(x, y - 1e-12);
      }
    }
  });
});
