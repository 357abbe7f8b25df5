import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import type { Db, Engine } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import type { RequestContext } from '../context.ts';
import type { PiiCipher } from '../pii.ts';
import type { DeclaredRoute } from './route-access.ts';

/**
 * What every route reaches through `app.deps`. A module that brings a process-wide service adds its
 * member by declaration merging beside the service (grids.index.ts adds `gridLocator`), so the
 * platform names no module; app.ts's `makeDeps` builds the whole.
 */
export interface AppDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  config: Config;
  pii: PiiCipher;
}

/** The Fastify instance every route plugin receives: zod schemas type each route's params, body and reply. */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    csrfToken?: string;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** Every route with its access declaration, complete once the app is ready (matrix and fuzz tests read it). */
    declaredRoutes: DeclaredRoute[];
  }
}
