import {
  admissionPageSchema,
  admissionStateSchema,
  admissionViewSchema,
  catalogueItemSchema,
  itemCodeSchema,
  itemViewSchema,
  itemsViewSchema,
  safeString,
  queryInt,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as admissions from './items.admissions.ts';
import * as service from './items.service.ts';

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
const codeParams = z.strictObject({ code: itemCodeSchema });
const idParams = z.strictObject({ id: z.string().uuid() });

export async function itemRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['items'];
  app.get('/api/items', {
    config: {
      access: { roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'leader', 'admin'], scope: 'shared' },
    },
    schema: {
      tags,
      summary: '网格事项清单（按名称、关键词、编码检索；群众只见可上报事项）',
      querystring: z.strictObject({
        q: safeString().max(50).optional(),
        categoryCode: safeString()
          .regex(/^\d{2}$/)
          .optional(),
        publicOnly: flag,
        gridEligible: flag,
      }),
      response: { 200: itemsViewSchema },
    },
    handler: async (req) => ({ items: await service.listItems(deps, req.ctx, req.query) }),
  });
  app.get('/api/items/:code', {
    config: {
      access: { roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'leader', 'admin'], scope: 'shared' },
    },
    schema: { tags, summary: '事项详情', params: codeParams, response: { 200: itemViewSchema } },
    handler: (req) => service.getItem(deps, req.ctx, req.params.code),
  });
  app.post('/api/items', {
    config: { access: { roles: ['admin'], scope: 'shared' } },
    schema: { tags, summary: '新增事项（系统管理员）', body: catalogueItemSchema, response: { 201: itemViewSchema } },
    handler: async (req, reply) => reply.code(201).send(await service.createItem(deps, req.ctx, req.body)),
  });
  app.put('/api/items/:code', {
    config: { access: { roles: ['admin'], scope: 'shared' } },
    schema: {
      tags,
      summary: '修改事项（编码不变；active=false 停用）',
      params: codeParams,
      body: catalogueItemSchema.safeExtend({ active: z.boolean().optional() }),
      response: { 200: itemViewSchema },
    },
    handler: (req) => service.updateItem(deps, req.ctx, req.params.code, req.body),
  });

  const atags = ['item-admissions'];
  app.post('/api/items/:code/admissions', {
    config: { access: { roles: ['dispatcher', 'handler'], scope: 'region' } },
    schema: {
      tags: atags,
      summary: '提出网格事项准入（乡镇或县级）',
      params: codeParams,
      body: z.strictObject({ regionId: z.string().uuid(), reason: safeString().trim().min(1).max(500) }),
      response: { 201: admissionViewSchema },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await admissions.proposeAdmission(deps, req.ctx, req.params.code, req.body)),
  });
  app.get('/api/admissions', {
    config: { access: { roles: ['grid_worker', 'dispatcher', 'handler', 'leader', 'admin'], scope: 'region' } },
    schema: {
      tags: atags,
      summary: '事项准入记录（本级及下级，并含上级区划的准入）',
      querystring: z.strictObject({
        state: admissionStateSchema.optional(),
        regionId: z.string().uuid().optional(),
        itemCode: itemCodeSchema.optional(),
        page: queryInt(1, 100_000).default(1),
        pageSize: queryInt(1, 500).default(100),
      }),
      response: { 200: admissionPageSchema },
    },
    handler: (req) => admissions.listAdmissions(deps, req.ctx, req.query),
  });
  app.post('/api/admissions/:id/decision', {
    config: { access: { roles: ['leader'], scope: 'region' } },
    schema: {
      tags: atags,
      summary: '审批准入（同级党委政府/领导）',
      params: idParams,
      body: z.strictObject({ approve: z.boolean(), note: safeString().max(500).optional() }),
      response: { 200: admissionViewSchema },
    },
    handler: (req) => admissions.decideAdmission(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/admissions/:id/withdraw', {
    config: { access: { roles: ['leader', 'admin'], scope: 'region' } },
    schema: {
      tags: atags,
      summary: '事项退出网格',
      params: idParams,
      body: z.strictObject({ reason: safeString().trim().min(1).max(500) }),
      response: { 200: admissionViewSchema },
    },
    handler: (req) => admissions.withdrawAdmission(deps, req.ctx, req.params.id, req.body),
  });
}
