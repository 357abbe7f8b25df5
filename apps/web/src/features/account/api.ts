import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { SESSION_KEY } from '../../app/session.ts';

/**
 * POST /api/auth/password. Afterwards the session is re-read: the server may rotate the CSRF
 * token, clear mustChangePassword, or end the session (then the login page follows).
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordBody) => api.post('/api/auth/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
    meta: { silent: true },
  });
}
