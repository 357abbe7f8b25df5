import { describe, expect, it } from 'vitest';
import { trackCoverage } from './coverage.ts';
import type { Polygon } from './types.ts';

// A 1000 m × 1000 m square on the equator: 1 m = 1 / 111,195.08 degrees (sphere of 6,371,008.8 m).
const DEG = 1 / 111_195.08;
const side = 1000 * DEG;
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [side, 0],
      [side, side],
      [0, side],
      [0, 0],
    ],
  ],
};
const at = (xm: number, ym: number) => [xm * DEG, ym * DEG] as const;

describe('trackCoverage on a known 1 km square (hand values)', () => {
  it('a straight line across the middle covers a 100 m band: 100 000 of 1 000 000 m² = 0.1', () => {
    const r = trackCoverage(square, [[at(-100, 500), at(1100, 500)]]);
    expect(r.insideCells).toBe(10_000); // 100 × 100 cells of 10 m
    expect(r.share).toBeCloseTo(0.1, 3);
  });

  it('a 200 m step in the middle: 200 × 100 + π × 50² = 27 854 m² ≈ 0.0279 (raster ±3 %)', () => {
    const r = trackCoverage(square, [[at(400, 500), at(600, 500)]]);
    expect(r.share).toBeGreaterThan(0.0279 * 0.97);
    expect(r.share).toBeLessThan(0.0279 * 1.03);
  });

  it('a gap is not drawn: two separate 1-point lines cover two discs, π × 50² × 2 = 15 708 m² ≈ 0.0157', () => {
    const r = trackCoverage(square, [[at(200, 500)], [at(800, 500)]]);
    expect(r.share).toBeGreaterThan(0.0157 * 0.95);
    expect(r.share).toBeLessThan(0.0157 * 1.05);
  });

  it('the part of the band outside the boundary does not count: along the south edge, 50 m of 1000 = 0.05', () => {
    const r = trackCoverage(square, [[at(-100, 0), at(1100, 0)]]);
    expect(r.share).toBeCloseTo(0.05, 3);
  });

  it('no track covers nothing', () => {
    expect(trackCoverage(square, []).share).toBe(0);
  });
});
