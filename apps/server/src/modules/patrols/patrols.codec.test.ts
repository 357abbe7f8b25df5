import { describe, expect, it } from 'vitest';
import { decodePoints, encodePoints } from './patrols.codec.ts';

describe('segment packing', () => {
  const t0 = 1_796_000_000_000;
  const walk = Array.from({ length: 60 }, (_, i) => ({
    t: t0 + i * 10_000,
    lon: 113.625 + i * 0.00013,
    lat: 34.746 - i * 0.00007,
    acc: 8 + (i % 5),
  }));

  it('round-trips to 1e-6° and whole metres', () => {
    const back = decodePoints(encodePoints(walk, t0), t0);
    expect(back).toHaveLength(60);
    back.forEach((p, i) => {
      expect(p.t).toBe(walk[i]!.t);
      expect(Math.abs(p.lon - walk[i]!.lon)).toBeLessThanOrEqual(5e-7);
      expect(Math.abs(p.lat - walk[i]!.lat)).toBeLessThanOrEqual(5e-7);
      expect(p.acc).toBe(walk[i]!.acc);
    });
  });

  it('a walker at one point per 10 s takes 7 bytes a point (the first 10: 0 ms, 4 + 4 bytes of degrees, 1)', () => {
    // 10,000 ms → 2 bytes; 130 µ° → zigzag 260 → 2 bytes; −70 µ° → 139 → 2 bytes; accuracy < 128 → 1 byte.
    expect(encodePoints(walk, t0).length).toBe(10 + 59 * 7);
  });

  it('keeps negative steps and a late first point', () => {
    const pts = [
      { t: t0 + 5, lon: 100.000001, lat: 30, acc: 0 },
      { t: t0 + 6, lon: 99.999999, lat: 29.999999, acc: 70_000 },
    ];
    expect(decodePoints(encodePoints(pts, t0), t0)).toEqual([
      { t: t0 + 5, lon: 100.000001, lat: 30, acc: 0 },
      { t: t0 + 6, lon: 99.999999, lat: 29.999999, acc: 65_535 },
    ]);
  });
});
