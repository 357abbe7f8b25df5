import { createRegionSchema, regionListSchema, regionSchema } from '@gewu/domain';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as service from './regions.service.ts';

export async function regionRoutes(app: AppInstance) {
  const deps = app.deps;
  app.get('/api/regions', {
    config: {
      access: {
        roles: ['grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin', 'security_admin', 'auditor'],
        scope: 'region',
      },
    },
    schema: {
      tags: ['regions'],
      summary: '区划树（仅本人管辖范围）',
      response: { 200: regionListSchema },
    },
    handler: async (req) => ({ items: await service.listRegions(deps, req.ctx) }),
  });
  app.post('/api/regions', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: { tags: ['regions'], summary: '新增下级区划', body: createRegionSchema, response: { 201: regionSchema } },
    handler: async (req, reply) => reply.code(201).send(await service.createRegion(deps, req.ctx, req.body)),
  });
}
