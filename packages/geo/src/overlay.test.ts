import { describe, expect, it } from 'vitest';
import { areaM2 } from './area.ts';
import { findGaps, findOverlaps } from './overlay.ts';
import { jitteredTiling } from './synthetic.ts';
import { multi, rect, rectRing } from './test-shapes.ts';

// Exact area of a lon/lat rectangle on the sphere Turf uses: R² · Δλ · (sin φ₁ − sin φ₀).
const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;
const sphereRect = (x0: number, y0: number, x1: number, y1: number) =>
  R * R * rad(x1 - x0) * (Math.sin(rad(y1)) - Math.sin(rad(y0)));

/** |actual − expected| within `pct` % of expected. */
function expectWithin(actual: number, expected: number, pct: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual((Math.abs(expected) * pct) / 100);
}

describe('areaM2', () => {
  it('measures a 0.01° square in Zhengzhou (≈ 1.02 km²), subtracting holes and adding parts', () => {
    const square = rect(113.6, 34.7, 113.61, 34.71);
    expectWithin(areaM2(square), sphereRect(113.6, 34.7, 113.61, 34.71), 0.01);
    // Roughly 915 m × 1109 m.
    expectWithin(areaM2(square), 1_015_000, 1);
    const holed = rect(113.6, 34.7, 113.61, 34.71, rectRing(113.602, 34.702, 113.604, 34.704).reverse());
    expectWithin(
      areaM2(holed),
      sphereRect(113.6, 34.7, 113.61, 34.71) - sphereRect(113.602, 34.702, 113.604, 34.704),
      0.01,
    );
    expectWithin(
      areaM2(multi(square, rect(113.62, 34.7, 113.63, 34.71))),
      2 * sphereRect(113.6, 34.7, 113.61, 34.71),
      0.01,
    );
  });
});

describe('findOverlaps', () => {
  it('finds the overlapping pair and its area, not the pair that only shares an edge', () => {
    const items = [
      { id: 'a', code: '001', geometry: rect(113.6, 34.7, 113.61, 34.71) },
      { id: 'b', code: '002', geometry: rect(113.608, 34.7, 113.618, 34.71) }, // 0.002° × 0.01° over a
      { id: 'c', code: '003', geometry: rect(113.618, 34.7, 113.628, 34.71) }, // shares an edge with b
      { id: 'd', code: '004', geometry: rect(113.7, 34.7, 113.71, 34.71) }, // far away
    ];
    const overlaps = findOverlaps(items);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]).toMatchObject({ aId: 'a', bId: 'b' });
    expectWithin(overlaps[0]!.areaM2, sphereRect(113.608, 34.7, 113.61, 34.71), 0.5);
    expect(overlaps[0]!.geometry.type).toBe('MultiPolygon');
  });

  it('orders each pair by code, ignores slivers of 1 m² or less, and finds nothing in a true tiling', () => {
    const items = [
      { id: 'x', code: '009', geometry: rect(0, 0, 0.01, 0.01) },
      { id: 'y', code: '001', geometry: rect(0.005, 0.005, 0.015, 0.015) },
    ];
    expect(findOverlaps(items)[0]).toMatchObject({ aId: 'y', bId: 'x' });
    // An overlap of 0.00000001° × 0.00001° (≈ 0.001 m²) is a sliver, not an overlap.
    expect(
      findOverlaps([
        { id: 'p', code: '1', geometry: rect(0, 0, 0.01, 0.01) },
        { id: 'q', code: '2', geometry: rect(0.00999999, 0, 0.02, 0.00001) },
      ]),
    ).toEqual([]);
    const tiles = jitteredTiling({ cols: 6, rows: 5, extent: [113.5, 34.6, 113.8, 34.9], seed: 5 });
    expect(findOverlaps(tiles)).toEqual([]);
  });
});

describe('findGaps', () => {
  const parent = rect(113.6, 34.7, 113.62, 34.72);
  const whole = sphereRect(113.6, 34.7, 113.62, 34.72);

  it('reports nothing when the children tile the parent', () => {
    const children = [
      rect(113.6, 34.7, 113.61, 34.72),
      rect(113.61, 34.7, 113.62, 34.71),
      rect(113.61, 34.71, 113.62, 34.72),
    ];
    expect(findGaps(parent, children)).toEqual({ areaM2: 0, geometry: null, outsideAreaM2: 0 });
  });

  it('measures the uncovered quarter and the part of a child spilling outside', () => {
    const children = [rect(113.6, 34.7, 113.61, 34.72), rect(113.61, 34.7, 113.63, 34.71)];
    const gaps = findGaps(parent, children);
    expectWithin(gaps.areaM2, sphereRect(113.61, 34.71, 113.62, 34.72), 0.5);
    expect(gaps.geometry?.coordinates).toHaveLength(1);
    expectWithin(gaps.outsideAreaM2, sphereRect(113.62, 34.7, 113.63, 34.71), 0.5);
  });

  it('treats a child with a hole as leaving the hole uncovered, and no children as all gap', () => {
    const holed = rect(113.6, 34.7, 113.62, 34.72, rectRing(113.605, 34.705, 113.607, 34.707).reverse());
    expectWithin(findGaps(parent, [holed]).areaM2, sphereRect(113.605, 34.705, 113.607, 34.707), 0.5);
    expectWithin(findGaps(parent, []).areaM2, whole, 0.01);
  });

  it('finds no gap in a true tiling against its extent', () => {
    const tiles = jitteredTiling({ cols: 6, rows: 5, extent: [113.5, 34.6, 113.8, 34.9], seed: 5 });
    const r = findGaps(
      rect(113.5, 34.6, 113.8, 34.9),
      tiles.map((t) => t.geometry),
    );
    expect(r.areaM2).toBeLessThan(1);
    expect(r.outsideAreaM2).toBeLessThan(1);
  });
});
