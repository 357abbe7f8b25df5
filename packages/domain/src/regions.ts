import { z } from 'zod';
import { safeString } from './text.ts';

/** Region tree levels (区划层级). Grids hang under village nodes (next issue). */
export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export const regionLevelSchema = z.enum(REGION_LEVELS);
export type RegionLevel = z.infer<typeof regionLevelSchema>;

/** Significant digits of a GB/T 2260 / 12-digit statistical code at each level. */
export const LEVEL_CODE_DIGITS: Record<RegionLevel, number> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

/** The level of a region from the length of its significant code (GB/T 2260: 2, 4, 6, 9, 12 digits), or null. */
export function regionLevelOfCode(code: string): RegionLevel | null {
  return REGION_LEVELS.find((l) => LEVEL_CODE_DIGITS[l] === code.length) ?? null;
}

export function childLevel(level: RegionLevel): RegionLevel | null {
  const i = REGION_LEVELS.indexOf(level);
  return REGION_LEVELS[i + 1] ?? null;
}

/** The 12-digit statistical code padded with zeros, e.g. 410104 → 410104000000. */
export function fullRegionCode(code: string): string {
  return code.padEnd(12, '0');
}

/**
 * Checks that `code` (its significant digits only) is a valid code for `level` under `parentCode`.
 * Returns a Chinese reason when it is not.
 */
export function checkRegionCode(level: RegionLevel, code: string, parentCode: string | null): string | null {
  const digits = LEVEL_CODE_DIGITS[level];
  if (!/^\d+$/.test(code) || code.length !== digits) return `${levelName(level)}代码应为${digits}位数字`;
  if (parentCode !== null && !code.startsWith(parentCode)) return `代码应以上级代码 ${parentCode} 开头`;
  if (code.slice(parentCode?.length ?? 0) === '0'.repeat(digits - (parentCode?.length ?? 0)))
    return '本级代码段不能全为 0';
  return null;
}

export function levelName(level: RegionLevel): string {
  return { province: '省级', city: '市级', county: '县级', township: '乡镇（街道）', village: '村（社区）' }[level];
}

export const regionSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  level: regionLevelSchema,
  parentId: z.string().uuid().nullable(),
  path: z.string(),
  /** Outline (GeoJSON, WGS84) when one has been drawn; villages use it for grid checks. */
  boundary: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }).nullable(),
});
export type Region = z.infer<typeof regionSchema>;

export const createRegionSchema = z.strictObject({
  parentId: z.string().uuid(),
  code: safeString().min(2).max(12),
  name: safeString().trim().min(1).max(100),
});
