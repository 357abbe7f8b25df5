// Boundary validation for grid polygons submitted by users or imported from files. Structural checks
// first (type, arrays, numbers, ranges, closed rings); topology (self-intersections, holes, parts of a
// multipolygon) only on structurally sound input. Every error carries a stable code, a Chinese message
// saying where, and a JSON path into `coordinates`.
import type { Position } from 'geojson';
import { checkTopology } from './validate-topology.ts';
import { MAX_ERRORS, ringName, ringPath, type GeoError, type Parsed } from './validate-errors.ts';
import type { Boundary } from './types.ts';

export type { GeoError, GeoErrorCode } from './validate-errors.ts';

export type BoundaryValidation = { ok: true; geometry: Boundary } | { ok: false; errors: GeoError[] };

/**
 * Checks that `input` is a valid GeoJSON Polygon or MultiPolygon in WGS84 lon/lat. On success returns
 * a clean copy: only `type` and `coordinates`, positions cut to [lon, lat] (any altitude dropped).
 * At most 20 errors are returned.
 */
export function validateBoundary(input: unknown): BoundaryValidation {
  const errors: GeoError[] = [];
  const parsed = parseStructure(input, errors);
  if (parsed === null) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  checkTopology(parsed, errors);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  const geometry: Boundary = parsed.isMulti
    ? { type: 'MultiPolygon', coordinates: parsed.polygons }
    : { type: 'Polygon', coordinates: parsed.polygons[0]! };
  return { ok: true, geometry };
}

function parseStructure(input: unknown, errors: GeoError[]): Parsed | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.push({
      code: 'geo.bad_type',
      message: `边界必须是 GeoJSON Polygon 或 MultiPolygon 对象（收到：${describe(input)}）`,
    });
    return null;
  }
  const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    const hint = type === 'Feature' ? '，请传入其 geometry' : '';
    errors.push({
      code: 'geo.bad_type',
      message: `边界必须是 GeoJSON Polygon 或 MultiPolygon（收到：${describe(type)}）${hint}`,
      path: 'type',
    });
    return null;
  }
  const isMulti = type === 'MultiPolygon';
  if (!Array.isArray(coordinates)) {
    errors.push({ code: 'geo.bad_coordinates', message: '缺少 coordinates 数组', path: 'coordinates' });
    return null;
  }
  const rawPolygons: unknown[] = isMulti ? coordinates : [coordinates];
  if (rawPolygons.length === 0) {
    errors.push({ code: 'geo.empty', message: '边界没有任何坐标', path: 'coordinates' });
    return null;
  }
  const polygons: Position[][][] = [];
  rawPolygons.forEach((rawPolygon, p) => {
    const where = ringPath(isMulti, p);
    if (!Array.isArray(rawPolygon)) {
      errors.push({
        code: 'geo.bad_coordinates',
        message: `${isMulti ? `第 ${p + 1} 个多边形` : '多边形'}的坐标应为环的数组`,
        path: where,
      });
      return;
    }
    if (rawPolygon.length === 0) {
      errors.push({
        code: 'geo.empty',
        message: `${isMulti ? `第 ${p + 1} 个多边形` : '多边形'}没有任何环`,
        path: where,
      });
      return;
    }
    polygons.push(rawPolygon.map((rawRing: unknown, r) => parseRing(rawRing, isMulti, p, r, errors) ?? []));
  });
  return errors.length > 0 ? null : { isMulti, polygons };
}

/** A ring as [lon, lat] pairs, or null after recording what is wrong with it. */
function parseRing(raw: unknown, isMulti: boolean, p: number, r: number, errors: GeoError[]): Position[] | null {
  const name = ringName(isMulti, p, r);
  if (!Array.isArray(raw)) {
    errors.push({ code: 'geo.bad_coordinates', message: `${name}应为坐标点的数组`, path: ringPath(isMulti, p, r) });
    return null;
  }
  const ring: Position[] = [];
  for (let i = 0; i < raw.length; i++) {
    const pos: unknown = raw[i];
    if (!Array.isArray(pos) || pos.length < 2 || typeof pos[0] !== 'number' || typeof pos[1] !== 'number') {
      errors.push({
        code: 'geo.bad_coordinates',
        message: `${name}第 ${i + 1} 个点格式不正确，应为 [经度, 纬度]`,
        path: ringPath(isMulti, p, r, i),
      });
      return null;
    }
    const [lon, lat] = pos as [number, number];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      errors.push({
        code: 'geo.out_of_range',
        message: `${name}第 ${i + 1} 个点坐标超出范围（${lon}, ${lat}）：经度须在 -180～180，纬度须在 -90～90 之间`,
        path: ringPath(isMulti, p, r, i),
      });
      return null;
    }
    ring.push([lon, lat]);
  }
  if (ring.length < 4) {
    errors.push({
      code: 'geo.too_few_points',
      message: `${name}只有 ${ring.length} 个点，闭合环至少需要 4 个（首尾相同）`,
      path: ringPath(isMulti, p, r),
    });
    return null;
  }
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    errors.push({ code: 'geo.not_closed', message: `${name}未闭合（首尾坐标不同）`, path: ringPath(isMulti, p, r) });
    return null;
  }
  let distinct = 0;
  for (let i = 1; i < ring.length; i++) {
    if (ring[i]![0] !== ring[i - 1]![0] || ring[i]![1] !== ring[i - 1]![1]) distinct++;
  }
  if (distinct < 3) {
    errors.push({
      code: 'geo.too_few_points',
      message: `${name}去掉重复点后不足 3 个不同的点，围不成面`,
      path: ringPath(isMulti, p, r),
    });
    return null;
  }
  return ring;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  if (typeof value === 'string') return value === '' ? '空字符串' : value.slice(0, 40);
  if (value === undefined) return '无';
  return typeof value;
}
