import {
  inspectionCaseResultSchema,
  inspectionCreateSchema,
  inspectionFiguresQuerySchema,
  inspectionFiguresSchema,
  inspectionKeySchema,
  inspectionLastQuerySchema,
  inspectionLastSchema,
  inspectionListQuerySchema,
  inspectionPageSchema,
  inspectionTemplateEditSchema,
  inspectionTemplateListSchema,
  inspectionTemplateViewSchema,
  inspectionViewSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { caseFromItem } from './inspections.cases.ts';
import {
  getInspection,
  inspectionFigures,
  lastResult,
  listInspections,
  recordInspection,
} from './inspections.service.ts';
import { editTemplate, getTemplate, listTemplates } from './templates.service.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/**
 * 隐患排查: grid workers inspect the places of their area from checklist templates (fire safety of
 * 九小场所, gas, rental housing, old buildings …) and turn a failed item into a case in one call; the
 * centre and leaders read their area and its figures; the centre (or a county admin) keeps the
 * templates, each edit a new version. Services narrow everything to the actor's region (404 outside).
 */
export async function inspectionRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['inspections'];
  const read = { access: { roles: ['grid_worker', 'dispatcher', 'leader'], scope: 'region' } } as const;
  const perform = { access: { roles: ['grid_worker'], scope: 'region' } } as const;
  const templatesRead = {
    access: { roles: ['grid_worker', 'dispatcher', 'leader', 'admin'], scope: 'region' },
  } as const;
  const templatesEdit = { access: { roles: ['dispatcher', 'admin'], scope: 'region' } } as const;
  const makeCase = { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } } as const;

  app.get('/api/inspection-templates', {
    config: templatesRead,
    schema: {
      tags,
      summary: '本辖区适用的隐患排查检查表（每类取最近一级区划的最新版本）',
      response: { 200: inspectionTemplateListSchema },
    },
    handler: (req) => listTemplates(deps, req.ctx),
  });
  app.get('/api/inspection-templates/:id', {
    config: templatesRead,
    schema: {
      tags,
      summary: '检查表的某一版本（历史排查按其作答时的版本阅读）',
      params: idParams,
      response: { 200: inspectionTemplateViewSchema },
    },
    handler: (req) => getTemplate(deps, req.ctx, req.params.id),
  });
  app.post('/api/inspection-templates/:key/versions', {
    config: templatesEdit,
    schema: {
      tags,
      summary: '修改检查表：为本辖区生成新版本（旧版本保留供历史排查阅读）；乡镇综治中心或县级以上管理员',
      params: z.strictObject({ key: inspectionKeySchema }),
      body: inspectionTemplateEditSchema,
      response: { 201: inspectionTemplateViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await editTemplate(deps, req.ctx, req.params.key, req.body)),
  });
  app.post('/api/inspections', {
    config: perform,
    schema: {
      tags,
      summary: '网格员提交一次隐患排查（可离线后补传，clientId 幂等）：场所、检查表版本、逐项结果与照片',
      body: inspectionCreateSchema,
      response: { 200: inspectionViewSchema, 201: inspectionViewSchema },
    },
    handler: async (req, reply) => {
      const r = await recordInspection(deps, req.ctx, req.body);
      return reply.code(r.created ? 201 : 200).send(r.inspection);
    },
  });
  app.get('/api/inspections', {
    config: read,
    schema: {
      tags,
      summary: '本辖区隐患排查记录（网格员：本村/社区；综治中心、领导：本辖区），可按场所、仅含不合格筛选',
      querystring: inspectionListQuerySchema,
      response: { 200: inspectionPageSchema },
    },
    handler: (req) => listInspections(deps, req.ctx, { ...req.query, failedOnly: req.query.failedOnly === 'true' }),
  });
  app.get('/api/inspections/last', {
    config: read,
    schema: {
      tags,
      summary: '复查：该场所用同一检查表的上一次排查结果（逐项）',
      querystring: inspectionLastQuerySchema,
      response: { 200: inspectionLastSchema },
    },
    handler: (req) => lastResult(deps, req.ctx, req.query),
  });
  app.get('/api/inspection-figures', {
    config: read,
    schema: {
      tags,
      summary: '本辖区隐患排查数字：排查次数、有不合格项的次数、不合格项数、转案件数（按北京时间日期，含首尾）',
      querystring: inspectionFiguresQuerySchema,
      response: { 200: inspectionFiguresSchema },
    },
    handler: (req) => inspectionFigures(deps, req.ctx, req.query),
  });
  app.get('/api/inspections/:id', {
    config: read,
    schema: {
      tags,
      summary: '隐患排查详情（逐项结果、照片、已转案件）',
      params: idParams,
      response: { 200: inspectionViewSchema },
    },
    handler: (req) => getInspection(deps, req.ctx, req.params.id),
  });
  app.post('/api/inspections/:id/items/:key/case', {
    config: makeCase,
    schema: {
      tags,
      summary:
        '不合格项一键转为案件（网格员或乡镇综治中心）：预填检查项、场所、位置、照片，经案件上报流程立案并回写；重复调用返回同一案件',
      params: z.strictObject({ id: z.string().uuid(), key: inspectionKeySchema }),
      response: { 200: inspectionCaseResultSchema, 201: inspectionCaseResultSchema },
    },
    handler: async (req, reply) => {
      const r = await caseFromItem(deps, req.ctx, req.params.id, req.params.key);
      return reply.code(r.created ? 201 : 200).send(r);
    },
  });
}
