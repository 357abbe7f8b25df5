import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TopicDetail, TopicImplementation, TopicList, TopicMeeting, TopicRaise, TopicTakeUp } from '@gewu/domain';
import { api } from '../../app/api.ts';

/** Every topics query lives under this key, so one invalidation refreshes lists and details. */
export const TOPICS_KEY = ['topics'] as const;

type Moved = { id: string; state: string };
export type TopicFilters = { state?: string; light?: string; thresholdReached?: string };

export function useTopics(filters: TopicFilters = {}) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  return useQuery({
    queryKey: [...TOPICS_KEY, 'list', query],
    queryFn: () => api.get<TopicList>('/api/topics', query),
  });
}

export function useTopic(id: string | undefined) {
  return useQuery({
    queryKey: [...TOPICS_KEY, 'detail', id],
    queryFn: () => api.get<TopicDetail>(`/api/topics/${id}`),
    enabled: !!id,
  });
}

function useInvalidating<A, R = Moved>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: TOPICS_KEY }) });
}

// Input types (the phone builds the body itself; the defaults are filled here, never by zod on the phone).
type RaiseInput = Omit<TopicRaise, 'attachmentIds' | 'anonymous'> & { attachmentIds?: string[]; anonymous?: boolean };

export const useRaiseTopic = () => useInvalidating((b: RaiseInput) => api.post<Moved>('/api/topics', b));
export const useSupportTopic = () =>
  useInvalidating((id: string) => api.post<{ id: string; supports: number }>(`/api/topics/${id}/support`, {}));
export const useTakeUpTopic = () =>
  useInvalidating(({ id, ...b }: Partial<TopicTakeUp> & { id: string; plannedMeetingOn: string }) =>
    api.post<Moved>(`/api/topics/${id}/take-up`, b),
  );
export const useDeclineTopic = () =>
  useInvalidating(({ id, reason }: { id: string; reason: string }) =>
    api.post<Moved>(`/api/topics/${id}/decline`, { reason }),
  );
export const useRecordMeeting = () =>
  useInvalidating(({ id, ...b }: TopicMeeting & { id: string }) => api.post<Moved>(`/api/topics/${id}/meeting`, b));
export const useRecordImplementation = () =>
  useInvalidating(({ id, ...b }: Partial<TopicImplementation> & { id: string; result: string }) =>
    api.post<Moved>(`/api/topics/${id}/implementation`, b),
  );

/** A fresh idempotency key for one attempt of a form. */
export const newTopicKey = () => `topic-${crypto.randomUUID()}`;
