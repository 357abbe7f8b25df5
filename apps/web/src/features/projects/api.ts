import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BodyList,
  MicroProjectState,
  ProjectComplete,
  ProjectImplement,
  ProjectPage,
  ProjectView,
  ProjectVoteInput,
  ProjectVoteResult,
} from '@gewu/domain';
import { api } from '../../app/api.ts';

export type { ProjectView } from '@gewu/domain';

/** Every projects list and detail lives under this key, so one invalidation refreshes them all. */
export const PROJECTS_KEY = ['micro-projects'] as const;

export function useProjects(page: number, pageSize: number, state?: MicroProjectState) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'list', page, pageSize, state],
    queryFn: () => api.get<ProjectPage>('/api/micro-projects', { page, pageSize, state }),
    placeholderData: keepPreviousData,
  });
}

/** The shortlisted projects of one village (the batch a representatives' meeting votes on). */
export function useShortlisted(villageId: string | null) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'shortlisted', villageId],
    queryFn: async () =>
      (await api.get<ProjectPage>('/api/micro-projects', { villageId, state: 'shortlisted', pageSize: 100 })).items,
    enabled: !!villageId,
  });
}

/** The size of the village's representatives' roll now (the meeting's 应到 when it is recorded). */
export function useRepresentativesRoll(villageId: string | null) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'roll', villageId],
    queryFn: async () =>
      (await api.get<BodyList>('/api/deliberation/bodies', { villageId })).items.find(
        (b) => b.kind === 'representatives_meeting',
      )?.rollSize ?? 0,
    enabled: !!villageId,
  });
}

function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: PROJECTS_KEY }) });
}

export type ProjectStepInput =
  | { id: string; step: 'shortlist' }
  | { id: string; step: 'reject'; body: { reason: string } }
  | { id: string; step: 'implement'; body: ProjectImplement }
  | { id: string; step: 'complete'; body: ProjectComplete }
  | { id: string; step: 'publish'; body: { noticeEndsOn: string } };

export const useProjectStep = () =>
  useWrite((i: ProjectStepInput) =>
    api.post<ProjectView>(`/api/micro-projects/${i.id}/${i.step}`, 'body' in i ? i.body : {}),
  );

export const useRecordVote = () =>
  useWrite((body: ProjectVoteInput) => api.post<ProjectVoteResult>('/api/micro-project-votes', body));
