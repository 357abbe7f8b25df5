import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyVisits, ProgressLookupBody, VisitProgress } from '@gewu/domain';
import { api } from '../../app/api.ts';

const MY_VISITS_KEY = ['reception', 'my-visits'] as const;

/** The public lookup: receipt number + the phone's last four digits (the screen shows the error itself). */
export function useProgressLookup() {
  return useMutation({
    mutationFn: (body: ProgressLookupBody) => api.post<VisitProgress>('/api/reception/progress', body),
    meta: { silent: true },
  });
}

/** 我的来访 of a signed-in resident. */
export function useMyVisits(enabled: boolean) {
  return useQuery({
    queryKey: MY_VISITS_KEY,
    queryFn: async () => (await api.get<MyVisits>('/api/reception/my-visits')).items,
    enabled,
    meta: { silent: true },
  });
}

/** Adds a visit to the resident's 我的来访 (proved with the same number and digits). */
export function useClaimVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgressLookupBody) => api.post<VisitProgress>('/api/reception/my-visits', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_VISITS_KEY }),
    meta: { silent: true },
  });
}
