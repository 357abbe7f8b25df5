import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRegionBody, Region, RegionList } from '@gewu/domain';
import { api } from '../../app/api.ts';

export const REGIONS_KEY = ['regions'] as const;

/** GET /api/regions: the flat list of regions inside the caller's scope. */
export function useRegions(enabled = true) {
  return useQuery({
    queryKey: REGIONS_KEY,
    queryFn: async () => (await api.get<RegionList>('/api/regions')).items,
    enabled,
  });
}

export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRegionBody) => api.post<Region>('/api/regions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REGIONS_KEY }),
  });
}
