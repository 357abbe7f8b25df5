import {
  petitionActionBodySchema,
  petitionDetailSchema,
  petitionDocumentQuerySchema,
  petitionFiguresQuerySchema,
  petitionFiguresViewSchema,
  petitionListQuerySchema,
  petitionPageSchema,
  registerPetitionBodySchema,
  registeredPetitionSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { actOnPetition } from './petitions.actions.ts';
import { petitionOpinionPdf } from './petitions.documents.ts';
import { petitionFigures } from './petitions.figures.ts';
import { getPetitionDetail, listPetitions } from './petitions.queries.ts';
import { registerPetition } from './petitions.register.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/**
 * The petition (信访) routes. Who may call each is declared beside it; which petition they reach is the
 * service's part (visiblePetitions: the centre and leaders their region; anything else is not found).
 */
export async function petitionRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['petitions'];

  app.get('/api/petitions', {
    config: { access: { roles: ['dispatcher', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '信访台账：按状态、形式、类别、预警灯、集体访、重复信访筛选，法定期限预警',
      querystring: petitionListQuerySchema,
      response: { 200: petitionPageSchema },
    },
    handler: (req) => listPetitions(deps, req.ctx, req.query),
  });
  app.post('/api/petitions', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '登记信访事项（来信、来访、网上、来电）：信访人身份信息加密保存；5人以上走访标记为集体访；同一事项重复信访自动关联；复核后同一事实和理由再次信访提示不予受理',
      body: registerPetitionBodySchema,
      response: { 201: registeredPetitionSchema },
    },
    handler: async (req, reply) => {
      const p = await registerPetition(deps, req.ctx, req.body);
      return reply.code(201).send({
        id: p.id,
        code: p.code,
        state: p.state,
        version: p.version,
        collective: p.collective,
        repeatOfId: p.repeatOfId,
        refilingProposed: p.refilingBar !== null,
      });
    },
  });
  app.get('/api/petitions/:id', {
    config: { access: { roles: ['dispatcher', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '信访事项详情：信访人（脱敏）、法定期限、告知书、意见书与办理时间线',
      params: idParams,
      response: { 200: petitionDetailSchema },
    },
    handler: (req) => getPetitionDetail(deps, req.ctx, req.params.id),
  });
  app.post('/api/petitions/:id/actions', {
    config: { access: { roles: ['dispatcher', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '办理信访事项（受理/不予受理/转送/导入法定程序按认定的事实依规则确定、延长办理期限、听证、书面答复、复查、复核、领导包案、督办）；version 不一致时返回 409',
      params: idParams,
      body: petitionActionBodySchema,
      response: { 200: petitionDetailSchema },
    },
    handler: async (req) => {
      await actOnPetition(deps, req.ctx, req.params.id, req.body);
      return getPetitionDetail(deps, req.ctx, req.params.id, { justActed: true });
    },
  });
  app.get('/api/petitions/:id/opinion.pdf', {
    config: { access: { roles: ['dispatcher', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '下载信访事项处理意见书（stage=handling）、复查意见书（stage=review）或复核意见书（stage=reexamination）PDF；仅承办的综治中心和包案领导，记入审计',
      params: idParams,
      querystring: petitionDocumentQuerySchema,
    },
    handler: async (req, reply) => {
      const { pdf, filename } = await petitionOpinionPdf(deps, req.ctx, req.params.id, req.query.stage);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(pdf);
    },
  });
  app.get('/api/petition-figures', {
    config: { access: { roles: ['dispatcher', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '信访指标（按乡镇街道或村社区，指定时段）：按期受理率、按期办结率、一次性化解率、重复信访率、复查率、复核率，各附分子分母',
      querystring: petitionFiguresQuerySchema,
      response: { 200: petitionFiguresViewSchema },
    },
    handler: (req) => petitionFigures(deps, req.ctx, req.query),
  });
}
