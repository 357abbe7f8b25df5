import {
  createUnitBodySchema,
  departmentKindSchema,
  setUserUnitBodySchema,
  unitListSchema,
  unitViewSchema,
  updateUnitBodySchema,
  userUnitViewSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as service from './units.service.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export async function unitRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['units'];
  app.get('/api/units', {
    config: {
      access: {
        roles: ['grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin', 'security_admin', 'auditor'],
        scope: 'region',
      },
    },
    schema: {
      tags,
      summary: '处置单位列表（管辖范围内；withAncestors=true 时含上级区划的单位）',
      querystring: z.strictObject({
        kind: departmentKindSchema.optional(),
        regionId: z.string().uuid().optional(),
        includeRetired: flag,
        withAncestors: flag,
      }),
      response: { 200: unitListSchema },
    },
    handler: async (req) => ({ items: await service.listUnits(deps, req.ctx, req.query) }),
  });
  app.post('/api/units', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '新建处置单位（系统管理员）',
      body: createUnitBodySchema,
      response: { 201: unitViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await service.createUnit(deps, req.ctx, req.body)),
  });
  app.patch('/api/units/:id', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '修改处置单位名称或类型',
      params: idParams,
      body: updateUnitBodySchema,
      response: { 200: unitViewSchema },
    },
    handler: (req) => service.updateUnit(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/units/:id/retire', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: { tags, summary: '撤销处置单位（不再参与派遣）', params: idParams, response: { 200: unitViewSchema } },
    handler: (req) => service.retireUnit(deps, req.ctx, req.params.id),
  });
  app.put('/api/users/:id/unit', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '设置处置账号所属单位（null 表示移出）',
      params: idParams,
      body: setUserUnitBodySchema,
      response: { 200: userUnitViewSchema },
    },
    handler: (req) => service.setUserUnit(deps, req.ctx, req.params.id, req.body.unitId),
  });
}
