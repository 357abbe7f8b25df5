import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BodyCreate,
  BodyList,
  BodyView,
  Convene,
  DeliberationStage,
  MatterCreate,
  MatterPage,
  MatterView,
  MeetingRecord,
  Publish,
  RollChange,
} from '@gewu/domain';
import { api } from '../../app/api.ts';

export type { BodyView, MatterView, StageView } from '@gewu/domain';

/** Every deliberation list and detail lives under this key, so one invalidation refreshes them all. */
export const DELIBERATION_KEY = ['deliberation'] as const;

export function useMatters(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'matters', page, pageSize],
    queryFn: () => api.get<MatterPage>('/api/deliberation/matters', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useMatter(id: string) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'matter', id],
    queryFn: () => api.get<MatterView>(`/api/deliberation/matters/${id}`),
    meta: { silent: true },
    retry: false,
  });
}

export function useBodies() {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'bodies'],
    queryFn: async () => (await api.get<BodyList>('/api/deliberation/bodies')).items,
  });
}

export function useBody(id: string | null) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'body', id],
    queryFn: () => api.get<BodyView>(`/api/deliberation/bodies/${id}`),
    enabled: !!id,
  });
}

export function useCandidates(bodyId: string | null, q: string) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'candidates', bodyId, q],
    queryFn: async () =>
      (
        await api.get<{ items: { residentId: string; label: string; idMasked: string | null }[] }>(
          `/api/deliberation/bodies/${bodyId}/candidates`,
          { q: q || undefined },
        )
      ).items,
    enabled: !!bodyId,
  });
}

/** A write that refreshes every deliberation query once it lands. */
function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: DELIBERATION_KEY }),
  });
}

export const useCreateMatter = () =>
  useWrite((body: MatterCreate) => api.post<MatterView>('/api/deliberation/matters', body));
export const useCreateBody = () => useWrite((body: BodyCreate) => api.post<BodyView>('/api/deliberation/bodies', body));
export const useChangeRoll = (bodyId: string) =>
  useWrite((body: RollChange) => api.post<BodyView>(`/api/deliberation/bodies/${bodyId}/roll`, body));

type StageOp =
  | { op: 'convene'; body: Convene }
  | { op: 'record'; body: Omit<MeetingRecord, 'attendance' | 'attachmentIds'> & Partial<MeetingRecord> }
  | { op: 'publish'; body: Omit<Publish, 'attachmentIds'> & Partial<Publish> };

export const useStageOp = (matterId: string, stage: DeliberationStage) =>
  useWrite(({ op, body }: StageOp) =>
    api.post<MatterView>(`/api/deliberation/matters/${matterId}/stages/${stage}/${op}`, body),
  );
