import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActivityInput,
  ActivityView,
  DeskClaimView,
  MemberInput,
  MemberView,
  SignupView,
  TeamInput,
  TeamUpdate,
  TeamView,
  VolunteerView,
} from '@gewu/domain';
import { api } from '../../app/api.ts';

export type { ActivityView, DeskClaimView, MemberView, SignupView, TeamView, VolunteerView } from '@gewu/domain';

/** Everything the 群防群治 desk caches, under one key: one invalidation after a change refreshes it all. */
export const FORCES_KEY = ['forces-desk'] as const;

const list =
  <T>(path: string) =>
  async () =>
    (await api.get<{ items: T[] }>(path)).items;

export const useTeams = () =>
  useQuery({ queryKey: [...FORCES_KEY, 'teams'], queryFn: list<TeamView>('/api/forces/teams') });

export const useMembers = (teamId: string | null) =>
  useQuery({
    queryKey: [...FORCES_KEY, 'members', teamId],
    queryFn: list<MemberView>(`/api/forces/teams/${teamId}/members`),
    enabled: !!teamId,
  });

export const useVolunteers = () =>
  useQuery({ queryKey: [...FORCES_KEY, 'volunteers'], queryFn: list<VolunteerView>('/api/forces/volunteers') });

export const useActivities = () =>
  useQuery({ queryKey: [...FORCES_KEY, 'activities'], queryFn: list<ActivityView>('/api/forces/activities') });

export const useSignups = (activityId: string) =>
  useQuery({
    queryKey: [...FORCES_KEY, 'signups', activityId],
    queryFn: list<SignupView>(`/api/forces/activities/${activityId}/signups`),
  });

export const useDeskClaims = () =>
  useQuery({ queryKey: [...FORCES_KEY, 'claims'], queryFn: list<DeskClaimView>('/api/forces/claims') });

/** A change on the desk; the desk's lists are fetched again once it is done. */
function useChange<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: FORCES_KEY }),
  });
}

export const useSaveTeam = () =>
  useChange(({ id, regionId, ...body }: TeamInput & { id?: string }) =>
    id
      ? api.put<TeamView>(`/api/forces/teams/${id}`, body satisfies TeamUpdate)
      : api.post<TeamView>('/api/forces/teams', { regionId, ...body }),
  );
export const useAddMember = () =>
  useChange(({ teamId, ...body }: MemberInput & { teamId: string }) =>
    api.post<MemberView>(`/api/forces/teams/${teamId}/members`, body),
  );
export const useRemoveMember = () => useChange((id: string) => api.delete(`/api/forces/members/${id}`));
export const useDecideVolunteer = () =>
  useChange(({ id, approved }: { id: string; approved: boolean }) =>
    api.post<VolunteerView>(`/api/forces/volunteers/${id}/decide`, { approved }),
  );
export const usePublishActivity = () =>
  useChange((body: ActivityInput) => api.post<ActivityView>('/api/forces/activities', body));
