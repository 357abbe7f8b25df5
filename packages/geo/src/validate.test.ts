import { describe, expect, it } from 'vitest';
import { validateBoundary } from './validate.ts';
import { jitteredTiling } from './synthetic.ts';
import { multi, rect, rectRing } from './test-shapes.ts';

const poly = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });

function errorsOf(input: unknown) {
  const result = validateBoundary(input);
  if (result.ok) throw new Error('expected the boundary to be refused');
  return result.errors;
}

describe('validateBoundary accepts', () => {
  it('a plain polygon, a polygon with a hole, a multipolygon, and returns a clean 2D copy', () => {
    const withZ = {
      type: 'Polygon',
      coordinates: [
        [
          [113, 34, 80],
          [113.1, 34, 80],
          [113.1, 34.1, 80],
          [113, 34, 80],
        ],
      ],
      properties: { x: 1 },
    };
    const ok = validateBoundary(withZ);
    expect(ok).toEqual({
      ok: true,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [113, 34],
            [113.1, 34],
            [113.1, 34.1],
            [113, 34],
          ],
        ],
      },
    });
    expect(validateBoundary(rect(0, 0, 4, 4, rectRing(1, 1, 2, 2).reverse())).ok).toBe(true);
    expect(validateBoundary(multi(rect(0, 0, 1, 1), rect(2, 0, 3, 1))).ok).toBe(true);
  });

  it('parts touching along an edge or at a corner, holes touching the outer ring at a point, repeated points', () => {
    expect(validateBoundary(multi(rect(0, 0, 1, 1), rect(1, 0, 2, 1))).ok).toBe(true);
    expect(validateBoundary(multi(rect(0, 0, 1, 1), rect(1, 1, 2, 2))).ok).toBe(true);
    expect(
      validateBoundary(
        poly(rectRing(0, 0, 4, 4), [
          [0, 2],
          [1, 1],
          [1, 3],
          [0, 2],
        ]),
      ).ok,
    ).toBe(true);
    expect(
      validateBoundary(
        poly([
          [0, 0],
          [1, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ]),
      ).ok,
    ).toBe(true);
  });

  it('every cell of the synthetic tiling', () => {
    for (const cell of jitteredTiling({ cols: 10, rows: 10, extent: [110.3, 31.4, 116.6, 36.4], seed: 9 })) {
      expect(validateBoundary(cell.geometry)).toMatchObject({ ok: true });
    }
  });
});

describe('validateBoundary refuses', () => {
  it('anything but a Polygon or MultiPolygon (geo.bad_type)', () => {
    for (const bad of [
      null,
      42,
      'Polygon',
      [],
      { type: 'Point', coordinates: [1, 2] },
      { type: 'LineString', coordinates: [] },
    ]) {
      expect(errorsOf(bad)[0]!.code).toBe('geo.bad_type');
    }
    const feature = errorsOf({ type: 'Feature', geometry: rect(0, 0, 1, 1) })[0]!;
    expect(feature).toMatchObject({ code: 'geo.bad_type', path: 'type' });
    expect(feature.message).toContain('geometry');
  });

  it('malformed or empty coordinates (geo.bad_coordinates, geo.empty)', () => {
    expect(errorsOf({ type: 'Polygon' })[0]).toMatchObject({ code: 'geo.bad_coordinates', path: 'coordinates' });
    expect(errorsOf({ type: 'Polygon', coordinates: [] })[0]!.code).toBe('geo.empty');
    expect(errorsOf({ type: 'MultiPolygon', coordinates: [[]] })[0]).toMatchObject({
      code: 'geo.empty',
      path: 'coordinates[0]',
    });
    const e = errorsOf(poly([[0, 0], [1, 0], ['1', 1] as never, [0, 0]]))[0]!;
    expect(e).toMatchObject({ code: 'geo.bad_coordinates', path: 'coordinates[0][2]' });
    expect(e.message).toBe('第 1 个环（外环）第 3 个点格式不正确，应为 [经度, 纬度]');
  });

  it('coordinates out of range or not finite (geo.out_of_range)', () => {
    const e = errorsOf(
      poly([
        [0, 0],
        [181, 0],
        [1, 1],
        [0, 0],
      ]),
    )[0]!;
    expect(e).toMatchObject({ code: 'geo.out_of_range', path: 'coordinates[0][1]' });
    expect(e.message).toContain('经度须在 -180～180');
    expect(
      errorsOf(
        poly([
          [0, 0],
          [1, -91],
          [1, 1],
          [0, 0],
        ]),
      )[0]!.code,
    ).toBe('geo.out_of_range');
    expect(
      errorsOf(
        poly([
          [0, 0],
          [1, NaN],
          [1, 1],
          [0, 0],
        ]),
      )[0]!.code,
    ).toBe('geo.out_of_range');
  });

  it('rings with too few points (geo.too_few_points)', () => {
    expect(
      errorsOf(
        poly([
          [0, 0],
          [1, 0],
          [0, 0],
        ]),
      )[0],
    ).toMatchObject({ code: 'geo.too_few_points', path: 'coordinates[0]' });
    expect(
      errorsOf(
        poly([
          [0, 0],
          [1, 0],
          [1, 0],
          [0, 0],
        ]),
      )[0]!.code,
    ).toBe('geo.too_few_points');
  });

  it('rings that are not closed (geo.not_closed), naming the ring', () => {
    const e = errorsOf(
      poly([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
    )[0]!;
    expect(e).toEqual({
      code: 'geo.not_closed',
      message: '第 1 个环（外环）未闭合（首尾坐标不同）',
      path: 'coordinates[0]',
    });
    const m = errorsOf(
      multi(
        rect(0, 0, 1, 1),
        poly([
          [5, 5],
          [6, 5],
          [6, 6],
          [5, 6],
        ]) as never,
      ),
    )[0]!;
    expect(m.message).toBe('第 2 个多边形的第 1 个环（外环）未闭合（首尾坐标不同）');
    expect(m.path).toBe('coordinates[1][0]');
  });

  it('a self-intersecting ring (geo.self_intersection), saying where', () => {
    // A bow-tie: edges (0,0)-(2,2) and (2,0)-(0,2) cross at (1,1).
    const e = errorsOf(
      poly([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]),
    );
    expect(e).toHaveLength(1);
    expect(e[0]!.code).toBe('geo.self_intersection');
    expect(e[0]!.message).toMatch(/^第 1 个环（外环）在第 \d 个点附近自相交（约 1, 1）$/);
    expect(e[0]!.path).toMatch(/^coordinates\[0\]\[\d\]$/);
    // A ring touching itself at a vertex, and a spike going back along itself.
    expect(
      errorsOf(
        poly([
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 0],
          [0, 4],
          [0, 0],
        ]),
      )[0]!.code,
    ).toBe('geo.self_intersection');
    expect(
      errorsOf(
        poly([
          [0, 0],
          [4, 0],
          [6, 0],
          [4, 0],
          [4, 4],
          [0, 0],
        ]),
      )[0]!.code,
    ).toBe('geo.self_intersection');
  });

  it('a hole crossing its outer ring (geo.rings_intersect)', () => {
    const e = errorsOf(rect(0, 0, 4, 4, rectRing(3, 1, 5, 2)))[0]!;
    expect(e.code).toBe('geo.rings_intersect');
    expect(e.message).toContain('第 1 个环（外环）与第 2 个环（内环）相交');
  });

  it('a hole outside its outer ring (geo.hole_outside) and a hole inside another (geo.holes_overlap)', () => {
    expect(errorsOf(rect(0, 0, 4, 4, rectRing(5, 5, 6, 6)))[0]).toEqual({
      code: 'geo.hole_outside',
      message: '第 2 个环（内环）不在外环之内',
      path: 'coordinates[1]',
    });
    const nested = errorsOf(rect(0, 0, 10, 10, rectRing(1, 1, 8, 8), rectRing(2, 2, 3, 3)))[0]!;
    expect(nested.code).toBe('geo.holes_overlap');
    expect(nested.message).toBe('第 3 个环（内环）位于第 2 个环（内环）之内');
  });

  it('overlapping polygons of a multipolygon (geo.polygons_overlap), with the overlap area', () => {
    const e = errorsOf(multi(rect(113, 34, 113.01, 34.01), rect(113.005, 34, 113.015, 34.01)))[0]!;
    expect(e.code).toBe('geo.polygons_overlap');
    expect(e.message).toMatch(/^第 1 个多边形与第 2 个多边形重叠（约 .+，重叠面积约 .+平方米）$/);
    // One part inside another, and two identical parts.
    expect(errorsOf(multi(rect(0, 0, 0.01, 0.01), rect(0.002, 0.002, 0.003, 0.003)))[0]!.code).toBe(
      'geo.polygons_overlap',
    );
    expect(errorsOf(multi(rect(0, 0, 0.01, 0.01), rect(0, 0, 0.01, 0.01)))[0]!.code).toBe('geo.polygons_overlap');
  });

  it('reports several errors at once, at most 20', () => {
    const many = {
      type: 'MultiPolygon',
      coordinates: Array.from({ length: 30 }, () => [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ]),
    };
    const errors = errorsOf(many);
    expect(errors).toHaveLength(20);
    expect(new Set(errors.map((x) => x.code))).toEqual(new Set(['geo.not_closed']));
  });
});
