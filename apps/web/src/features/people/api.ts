import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  HouseInput,
  HouseListQuery,
  HouseView,
  LinkBody,
  ResidentInput,
  ResidentSearchBody,
  ResidentView,
  RevealBody,
  Revealed,
  SpecialInput,
  SpecialListQuery,
  SpecialView,
  VisitInput,
  VisitList,
  VisitRecorded,
} from '@gewu/domain';
import { api, type Page } from '../../app/api.ts';

const RESIDENTS_KEY = ['residents'] as const;
const HOUSES_KEY = ['houses'] as const;
const SPECIAL_KEY = ['special'] as const;

export function useResidents(params: ResidentSearchBody, enabled = true) {
  return useQuery({
    queryKey: [...RESIDENTS_KEY, 'list', params],
    // A lookup by identity or phone number goes in a POST body, never in the URL (URLs are logged).
    queryFn: () =>
      params.idNumber || params.phone
        ? api.post<Page<ResidentView>>('/api/residents/search', params)
        : api.get<Page<ResidentView>>('/api/residents', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Visit records; only roles that read special populations may (`enabled` false for the others). */
export function useVisits(residentId: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...RESIDENTS_KEY, 'visits', residentId],
    queryFn: async () => (await api.get<VisitList>(`/api/residents/${residentId}/visits`)).items,
  });
}

export function useHouses(params: HouseListQuery) {
  return useQuery({
    queryKey: [...HOUSES_KEY, params],
    queryFn: async () => (await api.get<Page<HouseView>>('/api/houses', { ...params })).items,
    placeholderData: keepPreviousData,
  });
}

export function useSpecial(params: SpecialListQuery) {
  return useQuery({
    queryKey: [...SPECIAL_KEY, params],
    queryFn: async () => (await api.get<Page<SpecialView>>('/api/special-populations', { ...params })).items,
    placeholderData: keepPreviousData,
  });
}

/** A change re-reads the lists it touches; the server's (Chinese) message is shown as a toast on error. */
function useBaseMutation<TInput, TResult>(
  fn: (input: TInput) => Promise<TResult>,
  keys: readonly (readonly string[])[],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useCreateResident = () =>
  useBaseMutation((input: ResidentInput) => api.post<ResidentView>('/api/residents', input), [RESIDENTS_KEY]);

export const useRecordVisit = () =>
  useBaseMutation((input: VisitInput) => api.post<VisitRecorded>('/api/visits', input), [RESIDENTS_KEY, SPECIAL_KEY]);

export const useCreateHouse = () =>
  useBaseMutation((input: HouseInput) => api.post<HouseView>('/api/houses', input), [HOUSES_KEY]);

export const useLinkResident = () =>
  useBaseMutation(
    ({ houseId, ...body }: LinkBody & { houseId: string }) =>
      api.post<HouseView>(`/api/houses/${houseId}/residents`, body),
    [HOUSES_KEY],
  );

export const useCreateSpecial = () =>
  useBaseMutation((input: SpecialInput) => api.post<SpecialView>('/api/special-populations', input), [SPECIAL_KEY]);

/** 查看完整号码: audited on the server; the reason is required. Errors are shown in the dialog. */
export function useReveal() {
  return useMutation({
    mutationFn: ({ path, ...body }: RevealBody & { path: string }) => api.post<Revealed>(path, body),
    meta: { silent: true },
  });
}
