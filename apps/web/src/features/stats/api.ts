import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export type RiskLevel = 'low' | 'medium' | 'high';

/** 一表通 tallies: derived from base data, never typed in again. */
export interface Tallies {
  elderlyAlonePerVillage: { villageId: string; villageName: string; count: number }[];
  rentalsPerGrid: { gridId: string; gridCode: string; gridName: string; rentalHouses: number; tenants: number }[];
  specialPerRiskPerTownship: { townshipId: string; townshipName: string; riskLevel: RiskLevel; count: number }[];
}

export function useTallies(regionId: string | undefined) {
  return useQuery({
    queryKey: ['stats', 'tallies', regionId ?? 'scope'],
    queryFn: () => api.get<Tallies>('/api/stats/tallies', { regionId }),
  });
}
