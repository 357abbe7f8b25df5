import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DisputePage,
  MyScreeningView,
  RiskMeetingBody,
  RiskMeetingPage,
  RiskMeetingView,
  ScreeningAmendBody,
  ScreeningOverview,
  ScreeningReportBody,
  ScreeningReportView,
  ScreeningScheduleBody,
} from '@gewu/domain';
import { api } from '../../app/api.ts';

/** Every screening view lives under this key: one invalidation refreshes the overview and the phone page. */
export const SCREENING_KEY = ['screening'] as const;

export function useScreeningOverview(params: { regionId?: string; day?: string }, enabled = true) {
  return useQuery({
    queryKey: [...SCREENING_KEY, 'overview', params],
    queryFn: () => api.get<ScreeningOverview>('/api/screening/overview', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useScreeningReport(id: string | null) {
  return useQuery({
    queryKey: [...SCREENING_KEY, 'report', id],
    queryFn: () => api.get<ScreeningReportView>(`/api/screening/reports/${id}`),
    enabled: !!id,
  });
}

export function useSetSchedule(regionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScreeningScheduleBody) =>
      api.put<{ next: { label: string } | null }>(`/api/screening/schedules/${regionId}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: SCREENING_KEY }),
  });
}

export function useMyScreening() {
  return useQuery({
    queryKey: [...SCREENING_KEY, 'mine'],
    queryFn: () => api.get<MyScreeningView>('/api/screening/mine'),
  });
}

export function useFileScreening() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScreeningReportBody) =>
      api.post<{ created: boolean; report: ScreeningReportView }>('/api/screening/reports', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: SCREENING_KEY }),
  });
}

export function useAmendScreening(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScreeningAmendBody) => api.post<ScreeningReportView>(`/api/screening/reports/${id}/amend`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: SCREENING_KEY }),
  });
}

export const MEETINGS_KEY = ['risk-meetings'] as const;

export function useRiskMeetings(page: number) {
  return useQuery({
    queryKey: [...MEETINGS_KEY, 'list', page],
    queryFn: () => api.get<RiskMeetingPage>('/api/risk-meetings', { page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
}

export function useRiskMeeting(id: string) {
  return useQuery({
    queryKey: [...MEETINGS_KEY, 'detail', id],
    queryFn: () => api.get<RiskMeetingView>(`/api/risk-meetings/${id}`),
    meta: { silent: true },
  });
}

export function useCreateRiskMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RiskMeetingBody) => api.post<RiskMeetingView>('/api/risk-meetings', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: MEETINGS_KEY }),
  });
}

/** Open disputes of the centre's area for the meeting form (code or words). */
export function useDisputeSearch(q: string) {
  return useQuery({
    queryKey: ['disputes', 'meeting-search', q],
    queryFn: () =>
      api.get<DisputePage>('/api/disputes', {
        q: q || undefined,
        state: ['registered', 'accepted', 'diverted', 'mediating', 'agreed', 'confirming', 'performing'],
        pageSize: 30,
      }),
    placeholderData: keepPreviousData,
  });
}
