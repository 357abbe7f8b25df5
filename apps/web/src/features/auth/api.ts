import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { LoginBody, SessionView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { clearSession, storeSession } from '../../app/session.ts';

/** POST /api/auth/login. Errors (wrong password, locked, rate limited) are shown inline by the form. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginBody) => api.post<SessionView>('/api/auth/login', input),
    onSuccess: (session) => storeSession(queryClient, session),
    meta: { silent: true },
  });
}

/** POST /api/auth/logout; the local session is dropped even if the server call fails. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => {
      // Navigate first so the login page does not remember this user's page as "from".
      void navigate('/login', { replace: true });
      clearSession(queryClient);
    },
    meta: { silent: true },
  });
}
