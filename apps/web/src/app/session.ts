import { useQuery, type QueryClient } from '@tanstack/react-query';
import { roleCan, type Action, type ActorView, type Role, type SessionView } from '@gewu/domain';
import { api, isApiError, setCsrfToken } from './api.ts';

export const SESSION_KEY = ['session'] as const;

/**
 * The last session the server confirmed, kept on the device so the phone pages open without a
 * connection (a grid worker in a dead zone reloading the app). It holds the user's own name, roles and
 * region (what the header shows) and is removed at logout and whenever the server answers 401.
 */
const STORED_SESSION = 'gewu.session';

/** A session read from the device because the server could not be reached: asked again once online. */
export type KnownSession = SessionView & { offline?: true };

function rememberSession(session: SessionView | null): void {
  try {
    if (session) localStorage.setItem(STORED_SESSION, JSON.stringify(session));
    else localStorage.removeItem(STORED_SESSION);
  } catch {
    // private mode or full: no offline start, nothing else changes
  }
}

function lastKnownSession(): SessionView | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORED_SESSION) ?? 'null') as SessionView | null;
    return parsed && typeof parsed.csrfToken === 'string' && parsed.user ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * GET /api/auth/me; a 401 means "logged out" and resolves to null rather than failing. Without a
 * network (status 0) the last known session stands in, so the app does not bounce to the login page
 * offline; the server still decides on every request once the phone is back online.
 */
async function fetchSession(): Promise<KnownSession | null> {
  try {
    const session = await api.get<SessionView>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    rememberSession(session);
    return session;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      setCsrfToken(null);
      rememberSession(null);
      return null;
    }
    const known = isApiError(err) && err.status === 0 ? lastKnownSession() : null;
    if (known) {
      setCsrfToken(known.csrfToken);
      return { ...known, offline: true };
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: 1,
    // Runs while the browser says it is offline (then falls back to the stored session)…
    networkMode: 'offlineFirst',
    // …and a stand-in session is confirmed with the server as soon as the connection returns.
    refetchOnReconnect: (query) => ((query.state.data as KnownSession | null | undefined)?.offline ? 'always' : false),
  });
}

/** Starts a fresh session in the cache: nothing from a previous user survives. */
export function storeSession(queryClient: QueryClient, session: SessionView): void {
  setCsrfToken(session.csrfToken);
  rememberSession(session);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Forgets the session (after logout, or when the server says 401). */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  rememberSession(null);
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

/** Whether roles may take the action, or any one of a list of them. */
export function allows(roles: readonly Role[], action: Action | readonly Action[] | undefined): boolean {
  if (!action) return true;
  return typeof action === 'string' ? roleCan(roles, action) : action.some((a) => roleCan(roles, a));
}

/**
 * 消息: the notices of the records one works — cases, disputes (a mediator assigned one), petitions —
 * so a mediator, who has no case.read, has an inbox too.
 */
export const INBOX_ACTIONS: readonly Action[] = [
  'case.read',
  'dispute.read',
  'petition.read',
  // Village cadres are told of their 四议两公开 publications and their notices' due dates and 质询.
  'deliberation.read',
  'notice.publish',
];
