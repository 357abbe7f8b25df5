import type { ErrorBody } from '@gewu/domain';
import i18n from '../i18n/index.ts';

/** An error answered by the server (or the network), carrying the server's code and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: ErrorBody['details'];

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId;
    this.details = body.details;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** Query values; a list repeats its key (`state=a&state=b`). */
export type Query = Record<string, string | number | readonly string[] | undefined | null>;

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session's CSRF token, sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request other than login/me answers 401: the session is gone. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(key, v);
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<ErrorBody>;
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return new ApiError(res.status, body as ErrorBody);
    }
  } catch {
    // not JSON (a proxy page, say): fall through to a generic message
  }
  return new ApiError(res.status, {
    code: `http_${res.status}`,
    message: i18n.t('errors.http', { status: res.status }),
  });
}

async function request<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A file goes up as it is (imports); everything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: i18n.t('errors.network') });
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    const isAuthEndpoint = path === '/api/auth/login' || path === '/api/auth/me';
    if (res.status === 401 && !isAuthEndpoint) onUnauthenticated?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T = void>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T = void>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** Uploads a file as the raw request body (`application/octet-stream`). */
  upload: <T>(path: string, file: Blob, query?: Query) => request<T>('POST', path, file, query),
};

/** A same-origin URL with query parameters, for downloads opened as plain links (the cookie goes along). */
export function apiUrl(path: string, query?: Query): string {
  return withQuery(path, query);
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
