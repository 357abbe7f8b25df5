import type { Tallies } from './api.ts';

export interface RiskRow {
  townshipId: string;
  townshipName: string;
  low: number;
  medium: number;
  high: number;
  total: number;
}

/** One row per township with a column per risk level (the server sends one row per pair). */
export function pivotRisk(rows: Tallies['specialPerRiskPerTownship']): RiskRow[] {
  const byTownship = new Map<string, RiskRow>();
  for (const r of rows) {
    const row = byTownship.get(r.townshipId) ?? {
      townshipId: r.townshipId,
      townshipName: r.townshipName,
      low: 0,
      medium: 0,
      high: 0,
      total: 0,
    };
    row[r.riskLevel] += r.count;
    row.total += r.count;
    byTownship.set(r.townshipId, row);
  }
  return [...byTownship.values()];
}
