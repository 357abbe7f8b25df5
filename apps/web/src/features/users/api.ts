import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateUserBody,
  ResetPasswordBody,
  SetRolesBody,
  UpdateUserBody,
  UserListQuery,
  UserView,
} from '@gewu/domain';
import { api, type Page } from '../../app/api.ts';

const USERS_KEY = ['users'] as const;

export function useUsers(params: UserListQuery) {
  return useQuery({
    queryKey: [...USERS_KEY, params],
    queryFn: () => api.get<Page<UserView>>('/api/users', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** Every change re-reads the user list; the server's message is shown on error (query.ts). */
function useUserMutation<TInput, TResult = void>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export const useCreateUser = () => useUserMutation((input: CreateUserBody) => api.post<UserView>('/api/users', input));

export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: UpdateUserBody & { id: string }) => api.patch<UserView>(`/api/users/${id}`, body));

export const useSetRoles = () =>
  useUserMutation(({ id, roles }: SetRolesBody & { id: string }) => api.put(`/api/users/${id}/roles`, { roles }));

export const useUnlockUser = () => useUserMutation((id: string) => api.post(`/api/users/${id}/unlock`));

export const useResetPassword = () =>
  useUserMutation(({ id, newPassword }: ResetPasswordBody & { id: string }) =>
    api.post(`/api/users/${id}/password`, { newPassword }),
  );

export const useRevokeSessions = () => useUserMutation((id: string) => api.post(`/api/users/${id}/sessions/revoke`));
