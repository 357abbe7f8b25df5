import {
  assignBodySchema,
  assignmentViewSchema,
  createGridBodySchema,
  gridCheckSchema,
  gridDetailSchema,
  gridImportBodySchema,
  gridImportResultSchema,
  gridKindSchema,
  gridListSchema,
  gridLookupSchema,
  gridViewSchema,
  lookupQuerySchema,
  setBoundaryBodySchema,
  updateGridBodySchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as service from './grids.service.ts';
import { exportGridsGeoJson, importGridsGeoJson } from './grids.transfer.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

export interface GridRoutesOptions {
  /** The people module's count of residents and houses in a grid (for the grid detail). */
  countPeopleInGrid: service.CountPeopleInGrid;
}

export async function gridRoutes(app: AppInstance, options: GridRoutesOptions) {
  const deps = app.deps;
  const tags = ['grids'];
  app.get('/api/grids', {
    config: {
      access: { roles: ['grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin'], scope: 'region' },
    },
    schema: {
      tags,
      summary: '网格列表（含当前边界）',
      querystring: z.strictObject({ villageId: z.string().uuid().optional(), kind: gridKindSchema.optional() }),
      response: { 200: gridListSchema },
    },
    handler: async (req) => ({ items: await service.listGrids(deps, req.ctx, req.query) }),
  });
  app.get('/api/grids/lookup', {
    config: {
      access: { roles: ['grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin'], scope: 'region' },
    },
    schema: {
      tags,
      summary: '坐标定位网格（支持 WGS84 / GCJ-02 / BD-09）',
      querystring: lookupQuerySchema,
      response: { 200: gridLookupSchema },
    },
    handler: (req) => service.lookupGrid(deps, req.ctx, req.query),
  });
  app.get('/api/grids/checks', {
    config: {
      access: { roles: ['grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin'], scope: 'region' },
    },
    schema: {
      tags,
      summary: '网格检查：同村网格重叠、与村（社区）边界的缝隙与越界（含面积）',
      querystring: z.strictObject({ villageId: z.string().uuid() }),
      response: { 200: gridCheckSchema },
    },
    handler: (req) => service.checkVillageGrids(deps, req.ctx, req.query.villageId),
  });
  app.get('/api/grids/export.geojson', {
    config: {
      access: { roles: ['grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin'], scope: 'region' },
    },
    schema: { tags, summary: '导出网格（GeoJSON，WGS84）' },
    handler: async (req, reply) =>
      reply
        .header('content-type', 'application/geo+json; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('网格.geojson')}`)
        .send(JSON.stringify(await exportGridsGeoJson(deps, req.ctx))),
  });
  app.post('/api/grids/import', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    bodyLimit: 64 * 1024 * 1024,
    schema: {
      tags,
      summary: '导入网格（GeoJSON）：commit=false 只校验；commit=true 全部写入或全部不写入',
      querystring: z.strictObject({
        commit: z
          .enum(['true', 'false'])
          .default('false')
          .transform((v) => v === 'true'),
      }),
      body: gridImportBodySchema,
      response: { 200: gridImportResultSchema },
    },
    handler: (req) => importGridsGeoJson(deps, req.ctx, { collection: req.body as never, commit: req.query.commit }),
  });
  app.get('/api/grids/:id', {
    config: {
      access: { roles: ['grid_worker', 'dispatcher', 'handler', 'mediator', 'leader', 'admin'], scope: 'region' },
    },
    schema: {
      tags,
      summary: '网格详情：人员、户数、人口、房屋',
      params: idParams,
      response: { 200: gridDetailSchema },
    },
    handler: (req) => service.getGrid(deps, req.ctx, req.params.id, options.countPeopleInGrid),
  });
  app.post('/api/grids', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: { tags, summary: '新建网格或微网格', body: createGridBodySchema, response: { 201: gridViewSchema } },
    handler: async (req, reply) => reply.code(201).send(await service.createGrid(deps, req.ctx, req.body)),
  });
  app.patch('/api/grids/:id', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '修改网格名称、户数',
      params: idParams,
      body: updateGridBodySchema,
      response: { 200: gridViewSchema },
    },
    handler: (req) => service.updateGrid(deps, req.ctx, req.params.id, req.body),
  });
  app.put('/api/grids/:id/boundary', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '绘制/调整网格边界（新版本，历史保留）',
      params: idParams,
      body: setBoundaryBodySchema,
      response: { 200: gridViewSchema },
    },
    handler: (req) => service.setGridBoundary(deps, req.ctx, req.params.id, req.body.boundary, req.body.crs),
  });
  app.post('/api/grids/:id/assignments', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '配置网格人员（专职/兼职网格员、民警、调解员、法律顾问）',
      params: idParams,
      body: assignBodySchema,
      response: { 201: assignmentViewSchema },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.assignToGrid(deps, req.ctx, req.params.id, req.body)),
  });
  app.delete('/api/grids/:id/assignments/:assignmentId', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '结束任职（历史保留）',
      params: z.strictObject({ id: z.string().uuid(), assignmentId: z.string().uuid() }),
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await service.endGridAssignment(deps, req.ctx, req.params.id, req.params.assignmentId);
      return reply.code(204).send(null);
    },
  });
}
