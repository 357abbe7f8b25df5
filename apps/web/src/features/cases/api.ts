import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseActionBody,
  CaseDetail,
  CaseFiguresView,
  CasePage,
  CasePublication,
  CaseQueueQuery,
  CaseState,
  CaseSummary,
  DispatchProposal,
  DuplicatesView,
  GridWorkerLoadsView,
  ReportBody,
  ReportResult,
  SupplementsView,
} from '@gewu/domain';

// The views are declared once in @gewu/domain (cases-views.ts), with the routes' response schemas.
export { RATE_KEYS } from '@gewu/domain';
export type {
  CasePage,
  DispatchProposal,
  DuplicateCase,
  FigureCounts,
  FigureRow,
  GridWorkerLoad,
  RateKey,
  ReportResult,
  SupplementView,
} from '@gewu/domain';
import { api } from '../../app/api.ts';
import { postCaseAction } from '../../app/caseActions.ts';

/** Every case list and detail lives under this key, so one invalidation refreshes them all. */
export const CASES_KEY = ['cases'] as const;

export type CaseView = CaseQueueQuery['view'];
/** One state at a time (the server also takes a repeated parameter, which these screens do not need). */
export type CaseListParams = Partial<Omit<CaseQueueQuery, 'view' | 'state'>> & {
  view: CaseView;
  state?: CaseState;
  page: number;
  pageSize: number;
};

export function useCases(params: CaseListParams, enabled = true) {
  return useQuery({
    queryKey: [...CASES_KEY, 'list', params],
    queryFn: () => api.get<CasePage>('/api/cases', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Only the total of a list (the tab badges): one row is enough to get it. */
export function useCaseCount(params: Omit<CaseListParams, 'page' | 'pageSize'>, enabled = true) {
  return useQuery({
    queryKey: [...CASES_KEY, 'count', params],
    queryFn: async () => (await api.get<CasePage>('/api/cases', { ...params, page: 1, pageSize: 1 })).total,
    enabled,
    meta: { silent: true },
  });
}

export const caseKey = (id: string) => [...CASES_KEY, 'detail', id] as const;

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`),
    meta: { silent: true },
  });
}

export function useDuplicates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...CASES_KEY, 'duplicates', id],
    queryFn: async () => (await api.get<DuplicatesView>(`/api/cases/${id}/duplicates`)).items,
    enabled,
  });
}

/** 群众补充 (我也遇到): what residents added to the case; the author's name only where the server gives it. */
export function useSupplements(id: string) {
  return useQuery({
    queryKey: [...CASES_KEY, 'supplements', id],
    queryFn: async () => (await api.get<SupplementsView>(`/api/cases/${id}/supplements`)).items,
  });
}

export function useDispatchProposal(id: string) {
  return useQuery({
    queryKey: [...CASES_KEY, 'proposal', id],
    queryFn: () => api.get<DispatchProposal>(`/api/cases/${id}/dispatch-proposal`),
    staleTime: 0,
  });
}

/** Finds a case by its exact code (并案 to a case the suggestions missed). */
export async function findCaseByCode(code: string): Promise<CaseSummary | null> {
  const page = await api.get<CasePage>('/api/cases', { view: 'all', q: code, page: 1, pageSize: 5 });
  return page.items.find((c) => c.code === code) ?? null;
}

export type ActionInput = Omit<CaseActionBody, 'attachmentIds'> & { attachmentIds?: string[] };

/**
 * POST /api/cases/:id/actions. Errors are left to the caller's onError: a 409 means someone acted
 * first (the caller reloads the case), anything else shows the server's message.
 */
export function useCaseAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionInput) => postCaseAction(id, body),
    onSuccess: async (detail) => {
      queryClient.setQueryData(caseKey(id), detail);
      await queryClient.invalidateQueries({
        queryKey: CASES_KEY,
        predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== id,
      });
    },
  });
}

export type ReportInput = Omit<ReportBody, 'attachmentIds' | 'anonymous' | 'publicConsent' | 'fields' | 'location'> & {
  attachmentIds?: string[];
  /** Not asked on the hotline form: a caller's request is not published unless the centre decides to. */
  publicConsent?: boolean;
  fields?: ReportBody['fields'];
  location?: { lon: number; lat: number; crs: 'WGS84' };
};

/** 热线登记: the dispatcher files a caller's request (POST /api/cases). */
export function useReportCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportInput) => api.post<ReportResult>('/api/cases', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CASES_KEY }),
  });
}

export function useGridWorkerLoad() {
  return useQuery({
    queryKey: [...CASES_KEY, 'grid-worker-load'],
    queryFn: async () => (await api.get<GridWorkerLoadsView>('/api/grid-workers/load')).items,
  });
}

export function useCaseFigures(params: { from: string; to: string; by: 'unit' | 'grid' }) {
  return useQuery({
    queryKey: [...CASES_KEY, 'figures', params],
    queryFn: async () => (await api.get<CaseFiguresView>('/api/case-figures', params)).items,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** 公开发布: the centre publishes or withdraws a case on the public feed (Open311) and reviews its public text. */
export function useSetPublication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { published: boolean; publicDescription?: string | null; hideDescription?: boolean }) =>
      api.put<CasePublication>(`/api/cases/${id}/publication`, body),
    onSuccess: (publication) => {
      queryClient.setQueryData<CaseDetail>(caseKey(id), (old) => (old ? { ...old, publication } : old));
    },
  });
}
