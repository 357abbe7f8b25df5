import {
  visitCaseBodySchema,
  visitDisputeBodySchema,
  visitDisputeLinkedSchema,
  visitFiguresQuerySchema,
  visitFiguresSchema,
  visitInputSchema,
  visitIntervalsSchema,
  visitIntervalsUpdatedSchema,
  visitIntervalsViewSchema,
  visitLinkedSchema,
  visitListSchema,
  fieldVisitPageSchema,
  visitPlanPageSchema,
  visitPlanQuerySchema,
  fieldVisitQuerySchema,
  visitRecordedSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { getIntervals, putIntervals } from '../people/special.intervals.ts';
import { listAreaVisits, listVisits, recordVisit } from './visits.service.ts';
import { visitToCase, visitToDispute } from './visits.findings.ts';
import { listPlans, retimeCountyPlans, visitFigures } from './visits.plans.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/** 走访 and special-population visit plans: grid workers (their grids) and the township centre (its region). */
export async function visitsRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['visits'];
  const field = { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } } as const;
  app.post('/api/visits', {
    config: field,
    schema: {
      tags,
      summary: '登记走访（入户、企业、特殊人群；clientId 幂等，离线补传不重复）',
      body: visitInputSchema,
      response: { 201: visitRecordedSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await recordVisit(deps, req.ctx, req.body)),
  });
  app.get('/api/visits', {
    config: field,
    schema: {
      tags,
      summary: '走访台账：本辖区（网格员：负责的网格）的入户、企业、特殊人群走访，最新在前，可按类别、网格筛选',
      querystring: fieldVisitQuerySchema,
      response: { 200: fieldVisitPageSchema },
    },
    handler: (req) => listAreaVisits(deps, req.ctx, req.query),
  });
  app.get('/api/residents/:id/visits', {
    config: field,
    schema: {
      tags,
      summary: '走访记录（负责网格的网格员与综治中心）',
      params: idParams,
      response: { 200: visitListSchema },
    },
    handler: async (req) => ({ items: await listVisits(deps, req.ctx, req.params.id) }),
  });
  app.post('/api/visits/:id/case', {
    config: field,
    schema: {
      tags,
      summary: '走访发现的问题一键上报为案件（幂等，关联回走访记录）',
      params: idParams,
      body: visitCaseBodySchema,
      response: { 200: visitLinkedSchema },
    },
    handler: (req) => visitToCase(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/visits/:id/dispute', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '走访发现的矛盾纠纷一键登记（综治中心；关联回走访记录，重复提交返回同一纠纷）',
      params: idParams,
      body: visitDisputeBodySchema,
      response: { 200: visitDisputeLinkedSchema },
    },
    handler: (req) => visitToDispute(deps, req.ctx, req.params.id, req.body),
  });
  app.get('/api/visit-plans', {
    config: field,
    schema: {
      tags,
      summary: '特殊人群走访计划（红黄绿灯，最紧急在前）',
      querystring: visitPlanQuerySchema,
      response: { 200: visitPlanPageSchema },
    },
    handler: (req) => listPlans(deps, req.ctx, req.query),
  });
  app.get('/api/visit-plans/figures', {
    config: field,
    schema: {
      tags,
      summary: '特殊人群走访统计：已走访（按时/逾期）、应走访、逾期',
      querystring: visitFiguresQuerySchema,
      response: { 200: visitFiguresSchema },
    },
    handler: (req) => visitFigures(deps, req.ctx, req.query),
  });
  app.get('/api/visit-plans/intervals', {
    // Configuration, not personal data: the county admin who sets them reads them too.
    config: { access: { roles: ['grid_worker', 'dispatcher', 'admin'], scope: 'region' } },
    schema: { tags, summary: '本县走访间隔（按类别与风险等级，天）', response: { 200: visitIntervalsViewSchema } },
    handler: (req) => getIntervals(deps, req.ctx),
  });
  // Per county: a county centre's dispatcher or the county admin; a township's account gets 403 (by level, in the service).
  app.put('/api/visit-plans/intervals', {
    config: { access: { roles: ['dispatcher', 'admin'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '修改本县走访间隔（县级综治中心或县级管理员；须在 1–365 天之间且风险越高间隔越短）；按原间隔执行的在管对象按新间隔自上次走访起重算下次走访日',
      body: visitIntervalsSchema,
      response: { 200: visitIntervalsUpdatedSchema },
    },
    handler: (req) => putIntervals(deps, req.ctx, req.body, retimeCountyPlans),
  });
}
