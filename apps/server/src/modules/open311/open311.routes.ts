import fastifyFormbody from '@fastify/formbody';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { AppError } from '../../platform/errors.ts';
import { type ApiKeyPrincipal, authenticateApiKey } from '../apikeys/apikeys.service.ts';
import { perKeyRateLimit } from '../apikeys/apikeys.rate.ts';
import { type Format, Open311Error, sendErrors, sendList, sendObject, splitFormat } from './open311.format.ts';
import {
  createRequest,
  discovery,
  getRequest,
  jurisdictionPath,
  listRequests,
  listServices,
  listUpdates,
  requestOfToken,
  serviceDefinition,
} from './open311.service.ts';

type Query = Record<string, string | undefined>;

/** The format a request asked for (its suffix), XML — the spec's required format — otherwise. */
function formatOf(req: FastifyRequest): Format {
  return /\.json(\?|$)/.test(req.url) ? 'json' : 'xml';
}

function fileOf(req: FastifyRequest, name?: string): { name: string; format: Format } {
  const file = splitFormat((req.params as { file: string }).file);
  if (!file || (name !== undefined && file.name !== name))
    throw new Open311Error(404, ['资源不存在（路径应以 .json 或 .xml 结尾）']);
  return file;
}

/** Query values as single strings (a repeated parameter keeps its last value). */
function queryOf(req: FastifyRequest): Query {
  return Object.fromEntries(
    Object.entries((req.query as Record<string, unknown>) ?? {}).map(([k, v]) => [
      k,
      Array.isArray(v) ? String(v.at(-1)) : String(v),
    ]),
  );
}

/**
 * Open311 GeoReport v2 under /open311/v2 (JSON and XML by suffix). An encapsulated plugin: its
 * own form-body parser, error format (the spec's `errors`) and not-found answer, without changing
 * the JSON-only /api.
 */
export async function open311Routes(app: AppInstance) {
  const deps = app.deps;
  await app.register(
    async (o311) => {
      await o311.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
      o311.setErrorHandler((err: FastifyError, req, reply) => {
        const format = formatOf(req);
        if (err instanceof Open311Error) return sendErrors(reply, format, err);
        if (err instanceof AppError && err.status === 429)
          return sendErrors(reply, format, new Open311Error(429, [err.message]));
        if (err instanceof AppError && err.status < 500)
          return sendErrors(
            reply,
            format,
            new Open311Error(err.status === 403 ? 403 : err.status === 404 ? 404 : 400, [err.message]),
          );
        if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
          const what =
            err.statusCode === 413
              ? '请求体过大'
              : err.statusCode === 415
                ? '请求体应为 application/x-www-form-urlencoded'
                : '请求无效';
          return sendErrors(reply, format, new Open311Error(400, [what]));
        }
        req.log.error({ err }, 'open311 error');
        return reply
          .code(500)
          .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8')
          .send(
            format === 'json'
              ? JSON.stringify([{ code: 500, description: '服务器内部错误' }])
              : '<?xml version="1.0" encoding="utf-8"?><errors><error><code>500</code><description>服务器内部错误</description></error></errors>',
          );
      });
      o311.setNotFoundHandler((req, reply) =>
        sendErrors(reply, formatOf(req), new Open311Error(404, [`资源不存在：${req.method} ${req.url.split('?')[0]}`])),
      );

      const hidden = { hide: true }; // not in the JSON API's OpenAPI document
      // Reads need no key: each client address is held to a rate, so no one scraper takes the
      // database from the dispatchers (with GEWU_TRUST_PROXY, the address the proxy names).
      const readRoute = {
        schema: hidden,
        config: {
          access: { public: 'Open311 reads show only published cases, without personal data' },
          rateLimit: {
            max: deps.config.GEWU_OPEN311_READ_RATE_PER_MINUTE,
            timeWindow: 60_000,
            keyGenerator: (req: FastifyRequest) => `open311-read:${req.ip}`,
          },
        },
      };
      // The endpoint itself, with its trailing slash (FixMyStreet's form of it): service discovery, in XML.
      o311.get('/', readRoute, async (req, reply) => {
        await jurisdictionPath(deps.db, queryOf(req).jurisdiction_id);
        return sendObject(reply, 'xml', 'discovery', discovery(`${req.protocol}://${req.host}`));
      });
      o311.get('/:file', readRoute, async (req: FastifyRequest, reply: FastifyReply) => {
        const file = fileOf(req);
        const q = queryOf(req);
        switch (file.name) {
          case 'discovery':
            await jurisdictionPath(deps.db, q.jurisdiction_id);
            return sendObject(reply, file.format, 'discovery', discovery(`${req.protocol}://${req.host}`));
          case 'services':
            // The catalogue is the same everywhere; an unknown jurisdiction is still a 404.
            await jurisdictionPath(deps.db, q.jurisdiction_id);
            return sendList(reply, file.format, 'services', 'service', await listServices(deps.db));
          case 'requests':
            return sendList(reply, file.format, 'service_requests', 'request', await listRequests(deps, q));
          case 'servicerequestupdates':
            return sendList(
              reply,
              file.format,
              'service_request_updates',
              'request_update',
              await listUpdates(deps.db, deps.clock.now(), q),
            );
          default:
            throw new Open311Error(404, [`资源不存在：${file.name}`]);
        }
      });
      o311.get('/services/:file', readRoute, async (req, reply) => {
        const file = fileOf(req);
        await jurisdictionPath(deps.db, queryOf(req).jurisdiction_id);
        return sendObject(reply, file.format, 'service_definition', await serviceDefinition(deps.db, file.name));
      });
      o311.get('/requests/:file', readRoute, async (req, reply) => {
        const file = fileOf(req);
        return sendList(reply, file.format, 'service_requests', 'request', [
          await getRequest(deps, file.name, queryOf(req).jurisdiction_id),
        ]);
      });
      o311.get('/tokens/:file', readRoute, async (req, reply) => {
        const file = fileOf(req);
        return sendList(reply, file.format, 'service_requests', 'request', [
          await requestOfToken(deps.db, file.name, queryOf(req).jurisdiction_id),
        ]);
      });
      o311.post(
        '/:file',
        {
          schema: hidden,
          // The key first (403 for a missing or bad one), then the key's own rate.
          preValidation: async (req) => {
            fileOf(req, 'requests');
            const body = (req.body ?? {}) as Record<string, unknown>;
            const raw =
              typeof body.api_key === 'string'
                ? body.api_key
                : (queryOf(req).api_key ??
                  (typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined));
            const key = raw ? await authenticateApiKey(deps.db, deps.clock, raw) : null;
            if (!key) throw new Open311Error(403, [raw ? 'api_key 无效或已吊销' : '缺少 api_key']);
            req.apiKey = key;
          },
          config: {
            access: { public: 'Open311 reports carry an API key, checked by the service' },
            rateLimit: perKeyRateLimit('open311', deps.config.GEWU_API_KEY_RATE_PER_MINUTE),
          },
        },
        async (req, reply) => {
          const file = fileOf(req, 'requests');
          const { api_key: _key, ...form } = (req.body ?? {}) as Record<string, unknown>;
          const header = req.headers['idempotency-key'];
          const r = await createRequest(
            deps,
            req.ctx,
            req.apiKey as ApiKeyPrincipal,
            form,
            typeof header === 'string' ? header : undefined,
          );
          // Fields the service does not define are dropped: logged by name (digits masked), never their values.
          if (r.ignored.length) req.log.info({ ignoredFields: r.ignored }, 'open311 request: undefined fields ignored');
          return sendList(reply, file.format, 'service_requests', 'request', [r.row], r.created ? 201 : 200);
        },
      );
    },
    { prefix: '/open311/v2' },
  );
}
