import { disputeFiguresQuerySchema, disputeFiguresViewSchema, talliesViewSchema } from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { tallies, talliesWorkbook } from './stats.service.ts';
import { disputeFigures } from './dispute-figures.service.ts';

const query = z.strictObject({ regionId: z.string().uuid().optional() });

export async function statsRoutes(app: AppInstance) {
  const deps = app.deps;
  app.get('/api/stats/tallies', {
    config: { access: { roles: ['grid_worker', 'dispatcher', 'leader'], scope: 'region' } },
    schema: {
      tags: ['stats'],
      summary: '一表通：独居老人（按村）、出租屋与租户（按网格）、特殊人群（按乡镇和风险等级）',
      querystring: query,
      response: { 200: talliesViewSchema },
    },
    handler: (req) => tallies(deps, req.ctx, req.query),
  });
  app.get('/api/stats/tallies/export', {
    config: { access: { roles: ['grid_worker', 'dispatcher', 'leader'], scope: 'region' } },
    schema: {
      tags: ['stats'],
      summary: '一表通统计导出 Excel',
      querystring: query.extend({ format: z.literal('xlsx').default('xlsx') }),
    },
    handler: async (req, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('一表通统计.xlsx')}`)
        .send(await talliesWorkbook(deps, req.ctx, { regionId: req.query.regionId })),
  });
  app.get('/api/dispute-figures', {
    config: { access: { roles: ['dispatcher', 'mediator', 'leader'], scope: 'region' } },
    schema: {
      tags: ['stats'],
      summary:
        '矛盾纠纷指标（指定时段、区划，按调解组织和调解员）：登记数、调结数、调解成功率、履行率、司法确认率、村乡两级化解率、排查按期报告率，均附分子分母',
      querystring: disputeFiguresQuerySchema,
      response: { 200: disputeFiguresViewSchema },
    },
    handler: (req) => disputeFigures(deps, req.ctx, req.query),
  });
}
