import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateNoticeBody,
  InquiryView,
  NoticeBoard,
  NoticeDetail,
  ResidentNotices,
  SupersedeNoticeBody,
} from '@gewu/domain';
import { api, apiUrl } from '../../app/api.ts';

/** Every notices query lives under this key, so one invalidation refreshes boards, details and lists. */
export const NOTICES_KEY = ['notices'] as const;

type Written = { id: string; version: number; rowVersion: number; state: string };

export function useNoticeBoard(regionId: string | undefined) {
  return useQuery({
    queryKey: [...NOTICES_KEY, 'board', regionId],
    queryFn: () => api.get<NoticeBoard>(`/api/notice-boards/${regionId}`),
    enabled: !!regionId,
  });
}

export function useNoticeDetail(id: string | null) {
  return useQuery({
    queryKey: [...NOTICES_KEY, 'detail', id],
    queryFn: () => api.get<NoticeDetail>(`/api/notices/${id}`),
    enabled: !!id,
  });
}

export function useOverdueInquiries() {
  return useQuery({
    queryKey: [...NOTICES_KEY, 'overdue'],
    queryFn: () => api.get<{ items: InquiryView[] }>('/api/notice-inquiries', { overdue: 'true' }),
    meta: { silent: true },
  });
}

export function useMyNotices() {
  return useQuery({ queryKey: [...NOTICES_KEY, 'mine'], queryFn: () => api.get<ResidentNotices>('/api/my-notices') });
}

function useInvalidating<A>(fn: (a: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: NOTICES_KEY }) });
}

export const useCreateNotice = () => useInvalidating((b: CreateNoticeBody) => api.post<Written>('/api/notices', b));
export const usePublishNotice = () =>
  useInvalidating((v: { id: string; version: number }) =>
    api.post<Written>(`/api/notices/${v.id}/publish`, { version: v.version }),
  );
export const useSupersedeNotice = () =>
  useInvalidating(({ id, ...body }: SupersedeNoticeBody & { id: string }) =>
    api.post<Written>(`/api/notices/${id}/supersede`, body),
  );
export const useBoardSettings = () =>
  useInvalidating((v: { regionId: string; manyFinanceTransactions: boolean }) =>
    api.put(`/api/notice-boards/${v.regionId}`, { manyFinanceTransactions: v.manyFinanceTransactions }),
  );
export const useAnswerInquiry = () =>
  useInvalidating((v: { id: string; answer: string }) =>
    api.post(`/api/notice-inquiries/${v.id}/answer`, { answer: v.answer }),
  );
export const useAskInquiry = () =>
  useInvalidating((v: { noticeId: string; question: string; idempotencyKey: string }) =>
    api.post(`/api/notices/${v.noticeId}/inquiries`, { question: v.question, idempotencyKey: v.idempotencyKey }),
  );

export const qrUrl = (regionId: string) => apiUrl(`/api/notice-boards/${regionId}/qr.svg`);
