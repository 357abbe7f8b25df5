import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ResidentInput,
  ResidentView,
  houseInputSchema,
  houseViewSchema,
  linkBodySchema,
  residentSearchBodySchema,
  specialInputSchema,
  specialViewSchema,
} from '@gewu/domain';
import { api, type Page } from '../../app/api.ts';

export type ResidentListParams = z.input<typeof residentSearchBodySchema> & { page: number; pageSize: number };
export type HouseView = z.infer<typeof houseViewSchema>;
export type HouseInput = z.input<typeof houseInputSchema>;
export type HouseUsage = HouseView['usage'];
export type LinkInput = z.input<typeof linkBodySchema>;
export type SpecialView = z.infer<typeof specialViewSchema>;
export type SpecialInput = z.input<typeof specialInputSchema>;
export interface Visit {
  id: string;
  visitedAt: string;
  note: string;
  visitorId: string;
  specialPopulationId: string | null;
}

const RESIDENTS_KEY = ['residents'] as const;
const HOUSES_KEY = ['houses'] as const;
const SPECIAL_KEY = ['special'] as const;

export function useResidents(params: ResidentListParams, enabled = true) {
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
    queryFn: async () => (await api.get<{ items: Visit[] }>(`/api/residents/${residentId}/visits`)).items,
  });
}

export interface HouseListParams {
  page: number;
  pageSize: number;
  villageId?: string;
  gridId?: string;
  usage?: HouseUsage;
}

export function useHouses(params: HouseListParams) {
  return useQuery({
    queryKey: [...HOUSES_KEY, params],
    queryFn: async () => (await api.get<{ items: HouseView[] }>('/api/houses', { ...params })).items,
    placeholderData: keepPreviousData,
  });
}

export interface SpecialListParams {
  kind?: SpecialView['kind'];
  riskLevel?: SpecialView['riskLevel'];
  overdue?: 'true' | 'false';
}

export function useSpecial(params: SpecialListParams) {
  return useQuery({
    queryKey: [...SPECIAL_KEY, params],
    queryFn: async () => (await api.get<{ items: SpecialView[] }>('/api/special-populations', { ...params })).items,
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
  useBaseMutation(
    (input: { residentId: string; specialPopulationId?: string; note: string }) =>
      api.post<{ id: string }>('/api/visits', input),
    [RESIDENTS_KEY, SPECIAL_KEY],
  );

export const useCreateHouse = () =>
  useBaseMutation((input: HouseInput) => api.post<HouseView>('/api/houses', input), [HOUSES_KEY]);

export const useLinkResident = () =>
  useBaseMutation(
    ({ houseId, ...body }: LinkInput & { houseId: string }) =>
      api.post<HouseView>(`/api/houses/${houseId}/residents`, body),
    [HOUSES_KEY],
  );

export const useCreateSpecial = () =>
  useBaseMutation((input: SpecialInput) => api.post<SpecialView>('/api/special-populations', input), [SPECIAL_KEY]);

/** 查看完整号码: audited on the server; the reason is required. Errors are shown in the dialog. */
export function useReveal() {
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; field: 'idNumber' | 'phone'; reason: string }) =>
      api.post<{ field: string; value: string }>(`/api/residents/${id}/reveal`, body),
    meta: { silent: true },
  });
}
