import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Region } from '@gewu/domain';
import { api } from '../../app/api.ts';

export const REGIONS_KEY = ['regions'] as const;

/** GET /api/regions: the flat list of regions inside the caller's scope. */
export function useRegions(enabled = true) {
  return useQuery({
    queryKey: REGIONS_KEY,
    queryFn: async () => (await api.get<{ items: Region[] }>('/api/regions')).items,
    enabled,
  });
}

export interface CreateRegionInput {
  parentId: string;
  code: string;
  name: string;
}

export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRegionInput) => api.post<Region>('/api/regions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REGIONS_KEY }),
  });
}
