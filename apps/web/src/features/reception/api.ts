import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DisputeTypeView,
  ReceptionTrack,
  RegisterVisitInput,
  RegisteredVisit,
  VisitCategory,
  VisitDetail,
  VisitPage,
} from '@gewu/domain';
import { api, apiUrl } from '../../app/api.ts';

export type { RegisteredVisit, VisitSummary } from '@gewu/domain';

/** Every reception list and detail lives under this key, so one invalidation refreshes them all. */
export const RECEPTION_KEY = ['reception'] as const;

export interface VisitListParams {
  track?: ReceptionTrack;
  category?: VisitCategory;
  q?: string;
  page: number;
  pageSize: number;
}

export function useVisits(params: VisitListParams) {
  return useQuery({
    queryKey: [...RECEPTION_KEY, 'list', params],
    queryFn: () => api.get<VisitPage>('/api/reception/visits', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useVisit(id: string | null) {
  return useQuery({
    queryKey: [...RECEPTION_KEY, 'detail', id],
    queryFn: () => api.get<VisitDetail>(`/api/reception/visits/${id}`),
    enabled: !!id,
  });
}

/** 来访登记 and its routing in one request (the desk's idempotency key makes a double submit harmless). */
export function useRegisterVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterVisitInput) => api.post<RegisteredVisit>('/api/reception/visits', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RECEPTION_KEY }),
  });
}

/** The dispute types the desk offers (active ones). */
export function useDisputeTypes(enabled: boolean) {
  return useQuery({
    queryKey: ['dispute-types'],
    queryFn: async () => (await api.get<{ items: DisputeTypeView[] }>('/api/dispute-types')).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The receipt (PDF) of a visit, opened as a plain link (the session cookie goes along). */
export const receiptUrl = (id: string) => apiUrl(`/api/reception/visits/${id}/receipt.pdf`);
