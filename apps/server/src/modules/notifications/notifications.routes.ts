import { inboxViewSchema, intField, markedReadSchema, queryInt } from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { requireActor } from '../../platform/access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { type Recipient, latestId, listInbox, markRead, newSince, notificationBus } from './notifications.service.ts';

function recipient(ctx: RequestContext): Recipient {
  const a = requireActor(ctx);
  return { id: a.id, roles: a.roles, regionPath: a.regionPath, unitId: a.unitId };
}

export async function notificationRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['notifications'];
  // Open live streams, ended when the server closes (so shutdown does not wait on them).
  const streams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of streams) end();
  });
  app.get('/api/notifications', {
    config: { access: { roles: 'signed-in', scope: 'own' } },
    schema: {
      tags,
      summary: '站内消息',
      querystring: z.strictObject({
        before: queryInt().optional(),
        limit: queryInt(1, 100).default(30),
        unreadOnly: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
      }),
      response: { 200: inboxViewSchema },
    },
    handler: (req) => listInbox(deps.db, recipient(req.ctx), req.query),
  });
  app.post('/api/notifications/read', {
    config: { access: { roles: 'signed-in', scope: 'own' } },
    schema: {
      tags,
      summary: '标记已读',
      body: z.strictObject({ ids: z.union([z.array(intField()).max(500), z.literal('all')]) }),
      response: { 200: markedReadSchema },
    },
    handler: async (req) => ({ marked: await markRead(deps.db, deps.clock, recipient(req.ctx), req.body.ids) }),
  });
  /**
   * Live push (Server-Sent Events). New rows are found by id, so a notification written by
   * another server instance arrives too (within the poll interval); this instance's own writes
   * wake the stream at once.
   */
  app.get('/api/notifications/stream', {
    config: { access: { roles: 'signed-in', scope: 'own' } },
    schema: { tags, summary: '实时消息推送（SSE）', querystring: z.strictObject({ after: queryInt().optional() }) },
    handler: async (req, reply) => {
      const me = recipient(req.ctx);
      // A reconnecting EventSource sends the last id it saw: resume after it, so nothing is lost.
      const resume = Number(req.headers['last-event-id']);
      let last = req.query.after ?? (Number.isSafeInteger(resume) && resume > 0 ? resume : await latestId(deps.db, me));
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ after: last })}\n\n`);
      let busy = false;
      let again = false;
      const pull = async () => {
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          do {
            again = false;
            const rows = await newSince(deps.db, me, last);
            for (const n of rows) {
              last = Math.max(last, n.id);
              res.write(`id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`);
            }
          } while (again);
        } catch {
          // The database was busy or closing: the next tick tries again.
        } finally {
          busy = false;
        }
      };
      const onNew = () => void pull();
      notificationBus.on('new', onNew);
      const poll = setInterval(onNew, deps.config.GEWU_NOTIFY_POLL_MS);
      const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
      const stop = () => {
        notificationBus.off('new', onNew);
        clearInterval(poll);
        clearInterval(ping);
      };
      const end = () => {
        stop();
        streams.delete(end);
        res.end();
      };
      streams.add(end);
      req.raw.on('close', () => {
        stop();
        streams.delete(end);
      });
    },
  });
}
