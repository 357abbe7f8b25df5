import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { urlPath } from '../logging.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * onResponse: every state-changing request leaves an audit row. Services record their own
 * (inside their transaction, with detail); this covers the rest — refusals, bad input, errors.
 */
export function auditHook(deps: { db: Db; clock: Clock }) {
  return async function onResponse(req: FastifyRequest, reply: FastifyReply) {
    if (SAFE_METHODS.has(req.method) || !req.ctx || req.ctx.audited) return;
    const status = reply.statusCode;
    const outcome =
      status < 400
        ? 'success'
        : status === 401 || status === 403 || status === 423 || status === 429
          ? 'denied'
          : 'failure';
    try {
      // The path only: a query string may carry personal data and the audit log is kept for months.
      const http = { status, method: req.method, url: urlPath(req.url).slice(0, 500) };
      const special = status >= 400 ? req.ctx.failureAudit : undefined;
      await recordAudit(
        deps.db,
        deps.clock,
        req.ctx,
        special
          ? { ...special, outcome, detail: { ...special.detail, ...http } }
          : {
              action: `http.${req.method.toLowerCase()}`,
              outcome,
              targetType: 'route',
              targetId: req.routeOptions.url ?? urlPath(req.url),
              detail: http,
            },
      );
    } catch (err) {
      req.log.error({ err }, 'audit write failed');
    }
  };
}
