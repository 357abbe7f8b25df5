import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DisputeActionBody,
  DisputeDetail,
  DisputeListQuery,
  DisputePage,
  DisputeTypeView,
  DiversionPath,
  MediationOrganisationView,
  MediationProposal,
  RegisterDisputeBody,
  ReferCaseBody,
  ReferredCase,
  UserView,
} from '@gewu/domain';
import { api, apiUrl, type Page } from '../../app/api.ts';

// The views are declared once in @gewu/domain (disputes-views.ts), with the routes' response schemas.
export type { DisputeDetail, DisputePage, DisputeSummary } from '@gewu/domain';

/** Every dispute list and detail lives under this key, so one invalidation refreshes them all. */
export const DISPUTES_KEY = ['disputes'] as const;
export const disputeKey = (id: string) => [...DISPUTES_KEY, 'detail', id] as const;

/** The board's query: the server's filters, one state at a time, page by page. */
export type DisputeListParams = Partial<Omit<DisputeListQuery, 'state' | 'civilToCriminal'>> & {
  state?: DisputeListQuery['state'];
  civilToCriminal?: 'true' | 'false';
  page: number;
  pageSize: number;
};

export function useDisputes(params: DisputeListParams, enabled = true) {
  return useQuery({
    queryKey: [...DISPUTES_KEY, 'list', params],
    queryFn: () => api.get<DisputePage>('/api/disputes', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Only the total of a list (the tab badges). */
export function useDisputeCount(params: Omit<DisputeListParams, 'page' | 'pageSize'>, enabled = true) {
  return useQuery({
    queryKey: [...DISPUTES_KEY, 'count', params],
    queryFn: async () => (await api.get<DisputePage>('/api/disputes', { ...params, page: 1, pageSize: 1 })).total,
    enabled,
    meta: { silent: true },
  });
}

export function useDispute(id: string) {
  return useQuery({
    queryKey: disputeKey(id),
    queryFn: () => api.get<DisputeDetail>(`/api/disputes/${id}`),
    meta: { silent: true },
  });
}

/** The dispute types (editable data), active ones first in their order. */
export function useDisputeTypes() {
  return useQuery({
    queryKey: [...DISPUTES_KEY, 'types'],
    queryFn: async () => (await api.get<{ items: DisputeTypeView[] }>('/api/dispute-types')).items,
    staleTime: 10 * 60_000,
  });
}

/** The mediation organisations the user sees, each with its mediators and their open load. */
export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: [...DISPUTES_KEY, 'organisations'],
    queryFn: async () => (await api.get<{ items: MediationOrganisationView[] }>('/api/mediation-organisations')).items,
    enabled,
    staleTime: 30_000,
  });
}

/** 分流建议: the organisations that may take the dispute on a path, lowest tier first, with their mediators' load. */
export function useProposal(id: string, path: DiversionPath | undefined) {
  return useQuery({
    queryKey: [...DISPUTES_KEY, 'proposal', id, path ?? null],
    queryFn: () => api.get<MediationProposal>(`/api/disputes/${id}/organisation-proposal`, { path }),
    enabled: !!path,
  });
}

/** Staff of the user's area (the 稳控责任人 of a major dispute is one of them). */
export function useStaff(q: string) {
  return useQuery({
    queryKey: ['users', 'staff', q],
    queryFn: () => api.get<Page<UserView>>('/api/users', { q: q || undefined, page: 1, pageSize: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useRegisterDispute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterDisputeBody) =>
      api.post<{ id: string; code: string; state: string; version: number }>('/api/disputes', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DISPUTES_KEY }),
    meta: { silent: true },
  });
}

export type DisputeActionInput = DisputeActionBody;

export const postDisputeAction = (id: string, body: DisputeActionInput) =>
  api.post<DisputeDetail>(`/api/disputes/${id}/actions`, body);

/** The 人民调解协议书 PDF, downloaded through a plain link (the session cookie goes along). */
export const agreementPdfUrl = (id: string) => apiUrl(`/api/disputes/${id}/agreement.pdf`);

/** 转案件 (POST /api/disputes/:id/case): the case filed for a department, or the one filed before (once per dispute). */
export function useReferCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferCaseBody) => api.post<ReferredCase>(`/api/disputes/${id}/case`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DISPUTES_KEY }),
    meta: { silent: true },
  });
}
