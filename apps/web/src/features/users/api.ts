import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role, UserView } from '@gewu/domain';
import { api, type Page } from '../../app/api.ts';

export interface UserListParams {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role;
  regionId?: string;
}

const USERS_KEY = ['users'] as const;

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...USERS_KEY, params],
    queryFn: () => api.get<Page<UserView>>('/api/users', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  regionId: string;
  roles: Role[];
}

export interface UpdateUserInput {
  displayName?: string;
  status?: 'active' | 'disabled';
}

/** Every change re-reads the user list; the server's message is shown on error (query.ts). */
function useUserMutation<TInput, TResult = void>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export const useCreateUser = () => useUserMutation((input: CreateUserInput) => api.post<UserView>('/api/users', input));

export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: UpdateUserInput & { id: string }) => api.patch<UserView>(`/api/users/${id}`, body));

export const useSetRoles = () =>
  useUserMutation(({ id, roles }: { id: string; roles: Role[] }) => api.put(`/api/users/${id}/roles`, { roles }));

export const useUnlockUser = () => useUserMutation((id: string) => api.post(`/api/users/${id}/unlock`));

export const useResetPassword = () =>
  useUserMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    api.post(`/api/users/${id}/password`, { newPassword }),
  );

export const useRevokeSessions = () => useUserMutation((id: string) => api.post(`/api/users/${id}/sessions/revoke`));
