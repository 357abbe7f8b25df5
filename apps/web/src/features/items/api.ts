import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdmissionState, CatalogueItem, DepartmentKind } from '@gewu/domain';
import { api, type Page } from '../../app/api.ts';

/** An item of the catalogue (网格事项清单) as GET /api/items answers it. */
export type ItemView = Omit<CatalogueItem, 'departmentKind'> & {
  id: string;
  categoryName: string;
  departmentKind: DepartmentKind;
  departmentLabel: string;
  active: boolean;
  updatedAt: string;
};

export interface AdmissionView {
  id: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  regionId: string;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  state: AdmissionState;
  stateLabel: string;
  reason: string;
  proposedByName: string | null;
  proposedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  withdrawnByName: string | null;
  withdrawnAt: string | null;
}

const ITEMS_KEY = ['items'] as const;
const ADMISSIONS_KEY = ['admissions'] as const;

export interface ItemFilter {
  q?: string;
  categoryCode?: string;
}

/** The catalogue (the whole list is small: a few hundred items at most). */
export function useItems(filter: ItemFilter = {}) {
  return useQuery({
    queryKey: [...ITEMS_KEY, filter],
    queryFn: async () => (await api.get<{ items: ItemView[] }>('/api/items', { ...filter })).items,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export interface AdmissionFilter {
  state?: AdmissionState;
  itemCode?: string;
}

export function useAdmissions(filter: AdmissionFilter = {}) {
  return useQuery({
    queryKey: [...ADMISSIONS_KEY, filter],
    queryFn: () => api.get<Page<AdmissionView>>('/api/admissions', { ...filter, pageSize: 500 }),
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
