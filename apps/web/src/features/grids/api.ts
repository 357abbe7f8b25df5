import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignBody,
  AssignmentView,
  CreateGridBody,
  GridCheck,
  GridDetailView,
  GridList,
  GridLookup,
  GridView,
} from '@gewu/domain';
import { api } from '../../app/api.ts';

export type Boundary = NonNullable<GridView['boundary']>;

const GRIDS_KEY = ['grids'] as const;

/** GET /api/grids: every grid in scope (optionally one village's) with its current boundary. */
export function useGrids(villageId?: string) {
  return useQuery({
    queryKey: [...GRIDS_KEY, 'list', villageId ?? 'all'],
    queryFn: async () => (await api.get<GridList>('/api/grids', { villageId })).items,
  });
}

export function useGrid(id: string | null) {
  return useQuery({
    queryKey: [...GRIDS_KEY, 'detail', id],
    queryFn: () => api.get<GridDetailView>(`/api/grids/${id}`),
    enabled: !!id,
  });
}

/** 网格检查: overlaps, the gap against the village outline, grids reaching outside it. */
export function useGridChecks(villageId: string | null) {
  return useQuery({
    queryKey: [...GRIDS_KEY, 'checks', villageId],
    queryFn: () => api.get<GridCheck>('/api/grids/checks', { villageId }),
    enabled: !!villageId,
  });
}

export const lookupGrid = (lon: number, lat: number) => api.get<GridLookup>('/api/grids/lookup', { lon, lat });

/** Grid changes re-read lists, details and checks; errors are shown inline by the caller (silent). */
function useGridMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: GRIDS_KEY }),
  });
}

export const useCreateGrid = () => useGridMutation((input: CreateGridBody) => api.post<GridView>('/api/grids', input));

export const useSetBoundary = () =>
  useGridMutation(({ id, boundary }: { id: string; boundary: Boundary }) =>
    api.put<GridView>(`/api/grids/${id}/boundary`, { boundary, crs: 'WGS84' }),
  );

export const useAssign = () =>
  useGridMutation(({ gridId, ...body }: AssignBody & { gridId: string }) =>
    api.post<AssignmentView>(`/api/grids/${gridId}/assignments`, body),
  );
