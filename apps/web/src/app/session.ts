import { useQuery, type QueryClient } from '@tanstack/react-query';
import { roleCan, type Action, type ActorView, type SessionView } from '@gewu/domain';
import { api, isApiError, setCsrfToken } from './api.ts';

export const SESSION_KEY = ['session'] as const;

/** GET /api/auth/me; a 401 means "logged out" and resolves to null rather than failing. */
async function fetchSession(): Promise<SessionView | null> {
  try {
    const session = await api.get<SessionView>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}

/** Starts a fresh session in the cache: nothing from a previous user survives. */
export function storeSession(queryClient: QueryClient, session: SessionView): void {
  setCsrfToken(session.csrfToken);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Forgets the session (after logout, or when the server says 401). */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, null);
}

/** The logged-in user. Only for components rendered under RequireAuth. */
export function useCurrentUser(): ActorView {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data.user;
}

/** `can('user.create')` — what the current user's roles allow (the server checks again). */
export function useCan(): (action: Action) => boolean {
  const user = useCurrentUser();
  return (action) => roleCan(user.roles, action);
}
