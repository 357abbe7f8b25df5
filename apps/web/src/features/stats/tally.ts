import type { TalliesView } from '@gewu/domain';

export interface RiskRow {
  townshipCode: string;
  townshipName: string;
  low: number;
  medium: number;
  high: number;
  total: number;
}

/**
 * One row per township with a column per risk level (the server sends one row per pair). Keyed by
 * the township's code: its id is null when the code names no region.
 */
export function pivotRisk(rows: TalliesView['specialPerRiskPerTownship']): RiskRow[] {
  const byTownship = new Map<string, RiskRow>();
  for (const r of rows) {
    const row = byTownship.get(r.townshipCode) ?? {
      townshipCode: r.townshipCode,
      townshipName: r.townshipName,
      low: 0,
      medium: 0,
      high: 0,
      total: 0,
    };
    row[r.riskLevel] += r.count;
    row.total += r.count;
    byTownship.set(r.townshipCode, row);
  }
  return [...byTownship.values()];
}
