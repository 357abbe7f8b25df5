import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { SESSION_KEY } from '../../app/session.ts';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * POST /api/auth/password. Afterwards the session is re-read: the server may rotate the CSRF
 * token, clear mustChangePassword, or end the session (then the login page follows).
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post('/api/auth/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
    meta: { silent: true },
  });
}
