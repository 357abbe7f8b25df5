import {
  caseActionBodySchema,
  caseDetailSchema,
  caseFiguresViewSchema,
  casePageSchema,
  casePublicationBodySchema,
  casePublicationSchema,
  caseQueueQuerySchema,
  commonItemsViewSchema,
  dispatchProposalSchema,
  duplicatesViewSchema,
  gridWorkerLoadsViewSchema,
  nearbyQuerySchema,
  nearbyReportsViewSchema,
  reportBodySchema,
  reportResultSchema,
  supplementBodySchema,
  supplementResultSchema,
  supplementsViewSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { type ApiKeyPrincipal, authenticateApiKey } from '../apikeys/apikeys.service.ts';
import { perKeyRateLimit } from '../apikeys/apikeys.rate.ts';
import { actOnCase } from './cases.actions.ts';
import { reportCase } from './cases.intake.ts';
import { getCaseDetail, listCases, nearbyDuplicates } from './cases.queries.ts';
import { gridWorkerLoads, proposeDispatch } from './cases.routing.ts';
import { caseFigures, figuresQuerySchema } from './cases.figures.ts';
import { setPublication } from './cases.publication.ts';
import { apiKeyInvalid } from './cases.errors.ts';
import { addSupplement, commonItems, listSupplements, nearbyReports } from './cases.report-flow.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

export async function caseRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['cases'];

  app.post('/api/cases', {
    config: { access: { roles: ['resident', 'grid_worker', 'dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '上报问题（群众、网格员、热线受理）；幂等键重复时返回已有案件',
      body: reportBodySchema,
      response: { 200: reportResultSchema, 201: reportResultSchema },
    },
    handler: async (req, reply) => {
      const r = await reportCase(deps, { kind: 'user', ctx: req.ctx }, req.body);
      return reply
        .code(r.created ? 201 : 200)
        .send({ id: r.case.id, code: r.case.code, state: r.case.state, created: r.created, version: r.case.version });
    },
  });
  app.post('/api/intake/cases', {
    // The key first (403 for a missing or bad one), then the rate the admin set for that key.
    preValidation: async (req) => {
      const raw = req.headers['x-api-key'];
      const key = typeof raw === 'string' ? await authenticateApiKey(deps.db, deps.clock, raw) : null;
      if (!key) throw apiKeyInvalid();
      req.apiKey = key;
    },
    config: {
      access: { public: 'other systems: the X-Api-Key checked before validation is the credential' },
      rateLimit: perKeyRateLimit('intake', deps.config.GEWU_API_KEY_RATE_PER_MINUTE),
    },
    schema: {
      tags,
      summary: '其他系统接入（视频/传感器告警、12345 转办）：以 X-Api-Key 认证，按该密钥设定的速率限流',
      body: reportBodySchema,
      response: { 200: reportResultSchema, 201: reportResultSchema },
    },
    handler: async (req, reply) => {
      const key = req.apiKey as ApiKeyPrincipal;
      const r = await reportCase(
        deps,
        {
          kind: 'api_key',
          key: { id: key.id, name: key.name, regionPath: key.regionPath, source: key.source },
          ctx: req.ctx,
        },
        req.body,
      );
      return reply
        .code(r.created ? 201 : 200)
        .send({ id: r.case.id, code: r.case.code, state: r.case.state, created: r.created, version: r.case.version });
    },
  });
  app.get('/api/cases', {
    config: { access: { roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '案件列表：受理队列、我的任务、待核查、我的上报、督办、全部',
      querystring: caseQueueQuerySchema,
      response: { 200: casePageSchema },
    },
    handler: (req) => listCases(deps, req.ctx, req.query),
  });
  // The report form (issue 14): categories first, reports already there, 我也遇到.
  app.get('/api/cases/common-items', {
    config: { access: { roles: ['resident', 'grid_worker', 'dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '常用类别：本辖区近期上报最多的事项（不足时为默认列表），供上报页以大按钮先列出',
      response: { 200: commonItemsViewSchema },
    },
    handler: (req) => commonItems(deps, req.ctx),
  });
  app.get('/api/cases/nearby', {
    config: { access: { roles: ['resident', 'grid_worker', 'dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '附近已有的同类未办结上报（200 米内、14 天内）：只含事项、状态、日期、约略距离和已公开的描述',
      querystring: nearbyQuerySchema,
      response: { 200: nearbyReportsViewSchema },
    },
    handler: (req) => nearbyReports(deps, req.ctx, req.query),
  });
  app.post('/api/cases/:id/supplements', {
    config: { access: { roles: ['resident', 'grid_worker'], scope: 'region' } },
    schema: {
      tags,
      summary: '我也遇到：为附近已有的未办结上报补充文字和照片（幂等键重复时返回已有补充）',
      params: idParams,
      body: supplementBodySchema,
      response: { 200: supplementResultSchema, 201: supplementResultSchema },
    },
    handler: async (req, reply) => {
      const r = await addSupplement(deps, req.ctx, req.params.id, req.body);
      return reply.code(r.created ? 201 : 200).send(r);
    },
  });
  app.get('/api/cases/:id/supplements', {
    config: { access: { roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '案件的群众补充（我也遇到）',
      params: idParams,
      response: { 200: supplementsViewSchema },
    },
    handler: (req) => listSupplements(deps, req.ctx, req.params.id),
  });
  app.get('/api/cases/:id', {
    config: { access: { roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'leader'], scope: 'region' } },
    schema: { tags, summary: '案件详情与时间线', params: idParams, response: { 200: caseDetailSchema } },
    handler: (req) => getCaseDetail(deps, req.ctx, req.params.id),
  });
  app.post('/api/cases/:id/actions', {
    config: { access: { roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '办理案件（受理、派遣、签收、退回、反馈、核查、结案、评价……）；version 不一致时返回 409',
      params: idParams,
      body: caseActionBodySchema,
      response: { 200: caseDetailSchema },
    },
    handler: async (req) => {
      await actOnCase(deps, req.ctx, req.params.id, req.body);
      return getCaseDetail(deps, req.ctx, req.params.id, { justActed: true });
    },
  });
  app.put('/api/cases/:id/publication', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '公开发布（Open311）：受理派遣中心发布或撤回案件，审核公开描述（改写或隐藏，原始描述不变）；记入审计',
      params: idParams,
      body: casePublicationBodySchema,
      response: { 200: casePublicationSchema },
    },
    handler: (req) => setPublication(deps, req.ctx, req.params.id, req.body),
  });
  app.get('/api/cases/:id/duplicates', {
    config: { access: { roles: ['resident', 'grid_worker', 'dispatcher', 'handler', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '疑似重复案件（同事项、50 米内、7 天内）',
      params: idParams,
      response: { 200: duplicatesViewSchema },
    },
    handler: (req) => nearbyDuplicates(deps, req.ctx, req.params.id),
  });
  app.get('/api/cases/:id/dispatch-proposal', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '派遣建议：按事项清单与位置推荐承办单位或网格员',
      params: idParams,
      response: { 200: dispatchProposalSchema },
    },
    handler: (req) => proposeDispatch(deps, req.ctx, req.params.id),
  });
  app.get('/api/grid-workers/load', {
    config: { access: { roles: ['grid_worker', 'dispatcher', 'handler', 'leader'], scope: 'region' } },
    schema: { tags, summary: '网格员当前任务量', response: { 200: gridWorkerLoadsViewSchema } },
    handler: (req) => gridWorkerLoads(deps, req.ctx),
  });
  app.get('/api/case-figures', {
    config: { access: { roles: ['grid_worker', 'dispatcher', 'handler', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '考核指标（按单位、按网格，指定时段）',
      querystring: figuresQuerySchema,
      response: { 200: caseFiguresViewSchema },
    },
    handler: (req) => caseFigures(deps, req.ctx, req.query),
  });
}
