import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AuthDeps, authenticate, csrfMatches } from '../../modules/auth/auth.service.ts';
import { mustChangePasswordError } from '../access.ts';
import { AppError, unauthenticated } from '../errors.ts';

export const SESSION_COOKIE = 'gewu_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * onRequest: builds the request context, resolves the session cookie to an actor, and for API
 * routes requires a session (unless public), a matching CSRF token on state-changing methods,
 * and a changed initial password.
 */
export function sessionHook(deps: AuthDeps) {
  return async function onRequest(req: FastifyRequest, _reply: FastifyReply) {
    req.ctx = { actor: null, ip: req.ip, requestId: req.id, audited: false };
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await authenticate(deps, token);
      if (session) {
        req.ctx.actor = session.actor;
        req.csrfToken = session.csrfToken;
      }
    }
    const config = req.routeOptions.config as { public?: boolean; allowDuringPasswordChange?: boolean } | undefined;
    if (req.is404 || !req.url.startsWith('/api/') || req.url.startsWith('/api/docs') || config?.public) {
      // Login is public but still must come from our own pages: refuse cross-site form posts.
      if (!SAFE_METHODS.has(req.method) && req.headers['sec-fetch-site'] === 'cross-site') throw new AppError(403, 'auth.csrf', '跨站请求被拒绝');
      return;
    }
    if (!req.ctx.actor) throw unauthenticated();
    if (!SAFE_METHODS.has(req.method) && !csrfMatches(req.csrfToken ?? '', headerValue(req.headers['x-csrf-token']))) {
      throw new AppError(403, 'auth.csrf', 'CSRF 校验失败，请刷新页面后重试');
    }
    if (req.ctx.actor.mustChangePassword && !config?.allowDuringPasswordChange) throw mustChangePasswordError();
  };
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
