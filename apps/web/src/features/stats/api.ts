import { useQuery } from '@tanstack/react-query';
import type { TalliesView } from '@gewu/domain';
import { api } from '../../app/api.ts';

/** 一表通 tallies: derived from base data, never typed in again. */
export function useTallies(regionId: string | undefined) {
  return useQuery({
    queryKey: ['stats', 'tallies', regionId ?? 'scope'],
    queryFn: () => api.get<TalliesView>('/api/stats/tallies', { regionId }),
  });
}
