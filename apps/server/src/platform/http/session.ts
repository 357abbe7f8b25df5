import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AuthDeps, authenticate, csrfMatches } from '../../modules/auth/auth.service.ts';
import { mustChangePasswordError } from '../access.ts';
import { AppError, forbidden, unauthenticated } from '../errors.ts';
import { isPublic, rolesAllowed } from './route-access.ts';

/** A write without our page's token (or a cross-site post to a public route): one code, one message. */
const csrfRefused = () => new AppError(403, 'auth.csrf', '跨站请求被拒绝，请刷新页面后重试');

export const SESSION_COOKIE = 'gewu_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * onRequest: builds the request context, resolves the session cookie to an actor, and decides
 * from the matched route's access declaration — never from the URL as sent, which may be
 * percent-encoded (`/%61pi/…` matches `/api/…`). Deny by default: a route that does not declare
 * itself public needs a session, a matching CSRF token on state-changing methods, a changed
 * initial password and one of the route's roles. Unmatched URLs fall through to the 404 handler.
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
    if (req.is404) return;
    const access = req.routeOptions.config?.access;
    if (!access) throw forbidden('该接口未声明访问规则，已拒绝');
    if (isPublic(access)) {
      // Public routes (login among them) still must come from our own pages: refuse cross-site form posts.
      if (!SAFE_METHODS.has(req.method) && req.headers['sec-fetch-site'] === 'cross-site') throw csrfRefused();
      return;
    }
    const actor = req.ctx.actor;
    if (!actor) throw unauthenticated();
    if (!SAFE_METHODS.has(req.method) && !csrfMatches(req.csrfToken ?? '', headerValue(req.headers['x-csrf-token']))) {
      throw csrfRefused();
    }
    if (actor.mustChangePassword && !access.duringPasswordChange) throw mustChangePasswordError();
    if (!rolesAllowed(access, actor.roles)) throw forbidden();
  };
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
