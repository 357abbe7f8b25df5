import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84, type Crs } from './crs.ts';
import { mulberry32 } from './synthetic.ts';

// Published test vectors of the widely used `coordtransform` library (input 116.404, 39.915, Beijing).
const BEIJING: [number, number] = [116.404, 39.915];
// Zhengzhou, Erqi Memorial Tower 二七纪念塔, WGS84 → GCJ-02 by the standard (Krasovsky) GCJ-02 formula,
// the same formula that reproduces the Beijing vector above to the last digit.
const ZHENGZHOU_WGS84: [number, number] = [113.6254, 34.7466];
const ZHENGZHOU_GCJ02: [number, number] = [113.6314466644585, 34.74541745147574];

const metres = (a: [number, number], b: [number, number]) =>
  Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110_574);

describe('coordinate systems', () => {
  it('matches the published WGS84 → GCJ-02 and GCJ-02 → BD-09 vectors', () => {
    const gcj = fromWgs84(BEIJING[0], BEIJING[1], 'GCJ02');
    expect(gcj[0]).toBeCloseTo(116.41024449916938, 10);
    expect(gcj[1]).toBeCloseTo(39.91640428150164, 10);
    // GCJ-02 → BD-09 through WGS84.
    const bd = fromWgs84(...toWgs84(BEIJING[0], BEIJING[1], 'GCJ02'), 'BD09');
    expect(bd[0]).toBeCloseTo(116.41036949371029, 9);
    expect(bd[1]).toBeCloseTo(39.92133699351021, 9);
  });

  it('converts a known point in Zhengzhou both ways', () => {
    const gcj = fromWgs84(...ZHENGZHOU_WGS84, 'GCJ02');
    expect(gcj[0]).toBeCloseTo(ZHENGZHOU_GCJ02[0], 9);
    expect(gcj[1]).toBeCloseTo(ZHENGZHOU_GCJ02[1], 9);
    const back = toWgs84(...ZHENGZHOU_GCJ02, 'GCJ02');
    expect(Math.abs(back[0] - ZHENGZHOU_WGS84[0])).toBeLessThan(1e-9);
    expect(Math.abs(back[1] - ZHENGZHOU_WGS84[1])).toBeLessThan(1e-9);
    // The GCJ-02 offset around Zhengzhou is a few hundred metres.
    expect(metres(gcj, ZHENGZHOU_WGS84)).toBeGreaterThan(300);
    expect(metres(gcj, ZHENGZHOU_WGS84)).toBeLessThan(800);
    // BD-09 adds Baidu's further shift on top of GCJ-02.
    const bd = fromWgs84(...ZHENGZHOU_WGS84, 'BD09');
    expect(metres(bd, gcj)).toBeGreaterThan(500);
  });

  it.each<Crs>(['GCJ02', 'BD09'])('round-trips %s → WGS84 → back within 1e-9° (≪ 1e-6°) across China', (crs) => {
    const random = mulberry32(3);
    for (let k = 0; k < 2000; k++) {
      const lon = 74 + random() * 60;
      const lat = 18 + random() * 35;
      const [x, y] = toWgs84(lon, lat, crs);
      const [u, v] = fromWgs84(x, y, crs);
      expect(Math.abs(u - lon)).toBeLessThan(1e-9);
      expect(Math.abs(v - lat)).toBeLessThan(1e-9);
    }
  });

  it('leaves WGS84 alone, and GCJ-02 outside China unshifted', () => {
    expect(toWgs84(113.6, 34.7, 'WGS84')).toEqual([113.6, 34.7]);
    expect(fromWgs84(113.6, 34.7, 'WGS84')).toEqual([113.6, 34.7]);
    expect(fromWgs84(2.35, 48.85, 'GCJ02')).toEqual([2.35, 48.85]);
    expect(toWgs84(2.35, 48.85, 'GCJ02')).toEqual([2.35, 48.85]);
  });
});
