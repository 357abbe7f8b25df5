import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdmissionPage, AdmissionState, AdmissionView, ItemsView } from '@gewu/domain';
import { api } from '../../app/api.ts';

// The views are declared once in @gewu/domain (items-views.ts), with the routes' response schemas.
export type { AdmissionView, ItemView } from '@gewu/domain';

const ITEMS_KEY = ['items'] as const;
const ADMISSIONS_KEY = ['admissions'] as const;

export interface ItemFilter {
  q?: string;
  categoryCode?: string;
}

/** The catalogue (the whole list is small: a few hundred items at most). */
export function useItems(filter: ItemFilter = {}, enabled = true) {
  return useQuery({
    queryKey: [...ITEMS_KEY, filter],
    queryFn: async () => (await api.get<ItemsView>('/api/items', { ...filter })).items,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export interface AdmissionFilter {
  state?: AdmissionState;
  itemCode?: string;
}

export function useAdmissions(filter: AdmissionFilter = {}) {
  return useQuery({
    queryKey: [...ADMISSIONS_KEY, filter],
    queryFn: () => api.get<AdmissionPage>('/api/admissions', { ...filter, pageSize: 500 }),
    placeholderData: keepPreviousData,
  });
}

/** Admission changes re-read the admissions and the catalogue (dispatch proposals depend on them too). */
function useAdmissionMutation<TInput>(fn: (input: TInput) => Promise<AdmissionView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ADMISSIONS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['cases', 'proposal'] }),
      ]),
  });
}

export const useProposeAdmission = () =>
  useAdmissionMutation(({ itemCode, ...body }: { itemCode: string; regionId: string; reason: string }) =>
    api.post<AdmissionView>(`/api/items/${itemCode}/admissions`, body),
  );

export const useDecideAdmission = () =>
  useAdmissionMutation(({ id, ...body }: { id: string; approve: boolean; note?: string }) =>
    api.post<AdmissionView>(`/api/admissions/${id}/decision`, body),
  );

export const useWithdrawAdmission = () =>
  useAdmissionMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post<AdmissionView>(`/api/admissions/${id}/withdraw`, { reason }),
  );
