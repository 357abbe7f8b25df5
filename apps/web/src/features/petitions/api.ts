import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PetitionActionBody,
  PetitionDetail,
  PetitionFiguresView,
  PetitionListQuery,
  PetitionOpinionStage,
  PetitionPage,
  RegisterPetitionInput,
  RegisteredPetition,
} from '@gewu/domain';
import { api, apiUrl } from '../../app/api.ts';

/** Every petition list and detail lives under this key, so one invalidation refreshes them all. */
export const PETITIONS_KEY = ['petitions'] as const;
export const petitionKey = (id: string) => [...PETITIONS_KEY, 'detail', id] as const;

/** The list's query as the server reads it (its flags are the strings 'true'/'false'). */
export type PetitionListParams = Partial<Omit<PetitionListQuery, 'collective' | 'repeat'>> & {
  collective?: 'true';
  repeat?: 'true';
  page: number;
  pageSize: number;
};

export function usePetitions(params: PetitionListParams) {
  return useQuery({
    queryKey: [...PETITIONS_KEY, 'list', params],
    queryFn: () => api.get<PetitionPage>('/api/petitions', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** Only the total of a list (the tab badges). */
export function usePetitionCount(params: Omit<PetitionListParams, 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: [...PETITIONS_KEY, 'count', params],
    queryFn: async () =>
      (
        await api.get<PetitionPage>('/api/petitions', { ...params, page: 1, pageSize: 1 } as Record<
          string,
          string | number
        >)
      ).total,
    meta: { silent: true },
  });
}

export function usePetition(id: string) {
  return useQuery({
    queryKey: petitionKey(id),
    queryFn: () => api.get<PetitionDetail>(`/api/petitions/${id}`),
    meta: { silent: true },
  });
}

export function useRegisterPetition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterPetitionInput) => api.post<RegisteredPetition>('/api/petitions', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PETITIONS_KEY }),
  });
}

/** POST /api/petitions/:id/actions; the caller handles errors (a 409 reloads). */
export function usePetitionAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PetitionActionBody) => api.post<PetitionDetail>(`/api/petitions/${id}/actions`, body),
    onSuccess: async (detail) => {
      queryClient.setQueryData(petitionKey(id), detail);
      await queryClient.invalidateQueries({
        queryKey: PETITIONS_KEY,
        predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== id,
      });
    },
    meta: { silent: true },
  });
}

export function usePetitionFigures(from: string, to: string, by: 'township' | 'village') {
  return useQuery({
    queryKey: [...PETITIONS_KEY, 'figures', from, to, by],
    queryFn: () => api.get<PetitionFiguresView>('/api/petition-figures', { from, to, by }),
  });
}

/** The written opinion's PDF (a plain link: the session cookie goes along). */
export const opinionPdfUrl = (id: string, stage: PetitionOpinionStage) =>
  apiUrl(`/api/petitions/${id}/opinion.pdf`, { stage });
