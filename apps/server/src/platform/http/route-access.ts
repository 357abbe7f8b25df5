import type { Role } from '@gewu/domain';
import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Where the objects a route touches must lie for a caller allowed by role:
 * - `region`: inside the caller's region subtree (another township's object is not found);
 * - `own`: the caller's own things (their reports, their inbox, their session, their uploads);
 * - `shared`: the same for everyone allowed (the item catalogue, the working calendar).
 * The services enforce scope in their queries; the authorization-matrix test checks each route
 * against an object in the caller's scope and one in another township.
 */
export type RouteScope = 'region' | 'own' | 'shared';

/**
 * Who may call a route, declared next to it. Deny by default: a route without a declaration
 * refuses every request, and the app refuses to start with one (see `requireRouteAccess`).
 * - `{ public: why }`: no session needed (login, health, Open311, API-key intake — the key is the
 *   credential and the service checks it);
 * - `{ roles, scope }`: a session whose account holds one of `roles` (`'signed-in'`: any role —
 *   for the caller's own session and inbox); `duringPasswordChange` lets an account that must still
 *   change its initial password call it.
 */
export type RouteAccess =
  { public: string } | { roles: readonly Role[] | 'signed-in'; scope: RouteScope; duringPasswordChange?: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function isPublic(access: RouteAccess): access is { public: string } {
  return 'public' in access;
}

/** Whether an account holding `roles` passes the route's role check (scope is the service's part). */
export function rolesAllowed(access: RouteAccess, roles: readonly Role[]): boolean {
  if (isPublic(access)) return true;
  return access.roles === 'signed-in' ? roles.length > 0 : roles.some((r) => access.roles.includes(r));
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/**
 * Collects every route as it is added and, when the app is ready, refuses to start if any route
 * (ours or a plugin's) has no access declaration. Returns the live list for the matrix and fuzz tests.
 */
export function requireRouteAccess(app: FastifyInstance): DeclaredRoute[] {
  const added: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    added.push(route);
  });
  const routes: DeclaredRoute[] = [];
  app.addHook('onReady', async () => {
    for (const r of added) {
      for (const method of [r.method].flat()) routes.push({ method, url: r.url, access: r.config?.access });
    }
    const undeclared = routes.filter((r) => !r.access);
    if (undeclared.length > 0) {
      throw new Error(
        `routes without an access declaration: ${undeclared.map((r) => `${r.method} ${r.url}`).join(', ')}`,
      );
    }
  });
  return routes;
}

/**
 * Marks every route a third-party plugin adds in this context as public (the OpenAPI viewer, the
 * built web UI's static files): call it inside the encapsulated context that registers the plugin.
 */
export function declarePublic(app: FastifyInstance, why: string): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: { public: why } };
  });
}
