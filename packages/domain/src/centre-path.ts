import { CASE_LEVELS, type CaseLevel } from './cases.ts';
import { LEVEL_CODE_DIGITS, REGION_LEVELS, type RegionLevel } from './regions.ts';

/*
 * The centre responsible for a case (负责的指挥中心), as a region path — one rule, read in TypeScript
 * (`centrePathFor`) and in SQL (`centrePathSql`), both from the same patterns, so the two cannot drift.
 *
 * A region path is the chain of region codes from the province down, e.g.
 * `/41/4101/410104/410104001/410104001001/`, and a case in a grid has the grid's code after its village's.
 */

/** The region tier whose centre runs a case at each level: grid and village cases are the township's. */
const CENTRE_TIER: Record<CaseLevel, RegionLevel> = {
  grid: 'township',
  village: 'township',
  township: 'township',
  county: 'county',
  city: 'city',
};

/** A pattern whose first group is the path of the region at `level` containing the path (POSIX and JS alike). */
export function regionPathPattern(level: RegionLevel): string {
  const chain = REGION_LEVELS.slice(0, REGION_LEVELS.indexOf(level) + 1);
  return `^(${chain.map((l) => `/[0-9]{${LEVEL_CODE_DIGITS[l]}}`).join('')}/)`;
}

/** Where to look, in order, for a case at `level`: its centre's tier, else the county; else the path itself. */
function centrePatterns(level: CaseLevel): string[] {
  return [...new Set([CENTRE_TIER[level], 'county' as const])].map(regionPathPattern);
}

/** The path of the region at `level` that contains `path` (e.g. the township of a grid), or null. */
export function pathAtLevel(path: string, level: RegionLevel): string | null {
  return new RegExp(regionPathPattern(level)).exec(path)?.[1] ?? null;
}

/** The centre responsible for a case at its level: grid and village tiers are run by the township centre. */
export function centrePathFor(regionPath: string, level: CaseLevel): string {
  for (const pattern of centrePatterns(level)) {
    const found = new RegExp(pattern).exec(regionPath)?.[1];
    if (found) return found;
  }
  return regionPath;
}

/**
 * `centrePathFor` as an SQL expression over a region-path expression and a case-level expression
 * (trusted column references such as `c.region_path`, never user input).
 */
export function centrePathSql(regionPath: string, level: string): string {
  const arms = CASE_LEVELS.map(
    (l) =>
      `WHEN '${l}' THEN coalesce(${centrePatterns(l)
        .map((p) => `substring(${regionPath} from '${p}')`)
        .join(', ')}, ${regionPath})`,
  );
  return `(CASE ${level} ${arms.join(' ')} ELSE ${regionPath} END)`;
}
