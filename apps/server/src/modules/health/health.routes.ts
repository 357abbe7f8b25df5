import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { migrationStatus, queryRows } from '../../db/client.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  engine: z.enum(['pglite', 'postgresql']),
  database: z.object({ reachable: z.boolean(), serverVersion: z.string().nullable() }),
  migrations: z.object({
    applied: z.number(),
    current: z.string().nullable(),
    latest: z.string().nullable(),
    upToDate: z.boolean(),
  }),
  uptimeSeconds: z.number(),
});

export async function healthRoutes(app: AppInstance) {
  const { db, engine } = app.deps;
  app.get('/api/health', {
    config: { access: { public: 'load balancers and monitoring probe it' } },
    schema: {
      tags: ['system'],
      summary: '健康检查：数据库引擎与迁移版本',
      response: { 200: healthSchema, 503: healthSchema },
    },
    handler: async (_req, reply) => {
      let serverVersion: string | null = null;
      try {
        const rows = await queryRows<{ server_version: string }>(db, sql`SHOW server_version`);
        serverVersion = rows[0]?.server_version ?? null;
      } catch {
        serverVersion = null;
      }
      const m = await migrationStatus(db);
      const upToDate = m.current !== null && m.current === m.latest;
      const ok = serverVersion !== null && upToDate;
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        engine,
        database: { reachable: serverVersion !== null, serverVersion },
        migrations: { ...m, upToDate },
        uptimeSeconds: Math.round(process.uptime()),
      });
    },
  });
}
