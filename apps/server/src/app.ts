import { randomUUID } from 'node:crypto';
import Fastify, { type RouteOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  type ZodTypeProvider,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Db, Engine } from './db/client.ts';
import type { AppDeps, AppInstance } from './platform/http/app-type.ts';
import type { Clock } from './platform/clock.ts';
import type { RequestContext } from './platform/context.ts';
import { AppError } from './platform/errors.ts';
import { handleError, handleFrameworkError } from './platform/http/errors.ts';
import { sessionHook } from './platform/http/session.ts';
import { auditHook } from './platform/http/audit-hook.ts';
import { declarePublic, requireRouteAccess } from './platform/http/route-access.ts';
import { registerWebUi } from './platform/http/web-ui.ts';
import { contentSecurityPolicy } from './platform/http/security-headers.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { gridRoutes } from './modules/grids/grids.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { visitsRoutes } from './modules/visits/visits.routes.ts';
import { countPeopleInGrid } from './modules/people/people.repository.ts';
import { importRoutes } from './modules/imports/imports.routes.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { unitRoutes } from './modules/units/units.routes.ts';
import { itemRoutes } from './modules/items/items.routes.ts';
import { apiKeyRoutes } from './modules/apikeys/apikeys.routes.ts';
import { attachmentRoutes } from './modules/attachments/attachments.routes.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { seesCaseWithAttachment } from './modules/cases/cases.attachments.ts';
import { seesDisputeWithAttachment } from './modules/disputes/disputes.attachments.ts';
import { disputeRoutes } from './modules/disputes/disputes.routes.ts';
import { mediationRoutes } from './modules/disputes/mediation.routes.ts';
import { receptionRoutes } from './modules/reception/reception.routes.ts';
import { petitionRoutes } from './modules/petitions/petitions.routes.ts';
import { screeningRoutes } from './modules/screening/screening.routes.ts';
import { seesMeetingWithAttachment } from './modules/screening/screening.meetings.ts';
import { deliberationRoutes } from './modules/deliberation/deliberation.routes.ts';
import { seesMatterWithAttachment } from './modules/deliberation/deliberation.matters.ts';
import { open311Routes } from './modules/open311/open311.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { mapRoutes } from './modules/map/map.routes.ts';
import { voteRoutes } from './modules/votes/votes.routes.ts';
import { seesVoteWithAttachment } from './modules/votes/votes.attachments.ts';
import { noticeRoutes } from './modules/notices/notices.routes.ts';
import { consultationRoutes } from './modules/consultation/consultation.routes.ts';
import { seesTopicWithAttachment } from './modules/consultation/consultation.queries.ts';
import { seesNoticeWithAttachment } from './modules/notices/notices.attachments.ts';
import { projectRoutes } from './modules/projects/projects.routes.ts';
import { patrolRoutes } from './modules/patrols/patrols.routes.ts';
import { forcesRoutes } from './modules/forces/forces.routes.ts';
import { seesProjectWithAttachment } from './modules/projects/projects.service.ts';
import { inspectionRoutes } from './modules/inspections/inspections.routes.ts';
import { seesInspectionWithAttachment } from './modules/inspections/inspections.service.ts';
import { seesVisitWithAttachment } from './modules/visits/visits.service.ts';
import { GridLocator } from './modules/grids/grids.index.ts';
import { piiCipherFromConfig } from './platform/pii.ts';
import { type LogDestination, loggerOptions } from './platform/logging.ts';

/** Builds the dependencies that follow from a database and a config. */
export function makeDeps(base: { db: Db; engine: Engine; clock: Clock; config: Config }): AppDeps {
  return { ...base, pii: piiCipherFromConfig(base.config), gridLocator: new GridLocator(base.db, base.clock) };
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export interface BuildOptions {
  /** Where the log lines go (stdout when unset); tests pass an in-memory stream to scan them. */
  logStream?: LogDestination;
  /** Tests collect every route with its schemas (the fuzz test and the schema lint walk them). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the HTTP application. Tests call `app.inject()` on it; main.ts listens. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<AppInstance> {
  const { config } = deps;
  const app = Fastify({
    // No query values, query parameters, hashes or personal data in the logs (platform/logging.ts).
    logger: loggerOptions(config.GEWU_LOG_LEVEL, options.logStream),
    bodyLimit: config.GEWU_BODY_LIMIT_BYTES,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: handleFrameworkError,
    // A number of hops as proxy-addr counts them (Fastify's types take it only as a function).
    trustProxy:
      typeof config.GEWU_TRUST_PROXY === 'number' ? trustHops(config.GEWU_TRUST_PROXY) : config.GEWU_TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  app.decorate('declaredRoutes', requireRouteAccess(app));
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Tests collect every route with its schemas (the fuzz test and the schema lint walk them).
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  // The API speaks JSON only; other bodies get a 415 instead of reaching the validators as strings.
  app.removeContentTypeParser('text/plain');
  const csp = contentSecurityPolicy(config.cspImgHosts);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // No inline or foreign script, and no page of ours inside anyone's frame (clickjacking).
    reply.header('content-security-policy', csp);
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError(429, 'rate_limited', '请求过于频繁，请稍后再试'),
  });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Gewu 格物 API', description: '基层治理平台接口', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    declarePublic(docs, 'API documentation describes the interface, not data');
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  });
  app.get(
    '/api/openapi.json',
    { config: { access: { public: 'the OpenAPI document' } }, schema: { hide: true } },
    async () => app.swagger(),
  );

  app.addHook('onRequest', sessionHook(deps));
  app.addHook('onResponse', auditHook(deps));

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(regionRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(gridRoutes, { countPeopleInGrid });
  await app.register(peopleRoutes);
  await app.register(visitsRoutes);
  await app.register(importRoutes);
  await app.register(statsRoutes);
  await app.register(calendarRoutes);
  await app.register(unitRoutes);
  await app.register(itemRoutes);
  await app.register(apiKeyRoutes);
  // A photo belongs to the record that carries it: a case's event or supplement, a dispute's event.
  await app.register(attachmentRoutes, {
    seesRecordWithAttachment: async (db, actor, id) =>
      (await seesCaseWithAttachment(db, actor, id)) ||
      (await seesDisputeWithAttachment(db, actor, id)) ||
      (await seesMeetingWithAttachment(db, actor, id)) ||
      (await seesMatterWithAttachment(db, actor, id)) ||
      (await seesVoteWithAttachment(db, actor, id)) ||
      (await seesNoticeWithAttachment(db, actor, id)) ||
      (await seesTopicWithAttachment(db, actor, id)) ||
      (await seesProjectWithAttachment(db, actor, id)) ||
      (await seesInspectionWithAttachment(db, actor, id)) ||
      seesVisitWithAttachment(db, actor, id),
  });
  await app.register(caseRoutes);
  await app.register(disputeRoutes);
  await app.register(mediationRoutes);
  await app.register(receptionRoutes);
  await app.register(petitionRoutes);
  await app.register(screeningRoutes);
  await app.register(deliberationRoutes);
  await app.register(notificationRoutes);
  await app.register(open311Routes);
  await app.register(mapRoutes);
  await app.register(voteRoutes);
  await app.register(noticeRoutes);
  await app.register(consultationRoutes);
  await app.register(projectRoutes);
  await app.register(patrolRoutes);
  await app.register(inspectionRoutes);
  await app.register(forcesRoutes);

  await registerWebUi(app, config.webDist);
  return app;
}
