import {
  disputeActionBodySchema,
  disputeDetailSchema,
  disputeListQuerySchema,
  disputePageSchema,
  mediationProposalSchema,
  partyInputSchema,
  partyPatchSchema,
  partyViewSchema,
  proposalQuerySchema,
  referCaseBodySchema,
  referredCaseSchema,
  registerDisputeBodySchema,
  registeredDisputeSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { actOnDispute } from './disputes.actions.ts';
import { agreementPdf } from './disputes.documents.ts';
import { addParty, patchParty, removeParty } from './disputes.parties.ts';
import { getDisputeDetail, listDisputes } from './disputes.queries.ts';
import { registerDispute } from './disputes.register.ts';
import { referCase } from './disputes.links.ts';
import { proposeOrganisations } from './mediation.service.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const partyParams = z.strictObject({ id: z.string().uuid(), partyId: z.string().uuid() });

/**
 * The disputes (矛盾纠纷) routes. Who may call each is declared beside it; which dispute they reach
 * is the service's part (visibleDisputes: the centre and leaders their region, mediators their
 * organisation's; anything else is not found).
 */
export async function disputeRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['disputes'];

  app.get('/api/disputes', {
    config: { access: { roles: ['dispatcher', 'mediator', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '矛盾纠纷台账：按状态、类型、风险、层级、来源、预警灯筛选；调解员只见本组织的纠纷',
      querystring: disputeListQuerySchema,
      response: { 200: disputePageSchema },
    },
    handler: (req) => listDisputes(deps, req.ctx, req.query),
  });
  app.post('/api/disputes', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '登记矛盾纠纷（一案一码）：类型、发生地、风险、来源及来源单位编号、当事人（身份信息加密保存）；来源为“案件转纠纷”时原案件同时办结为“已转矛盾纠纷”，同一案件重复转办返回已登记的纠纷（200）',
      body: registerDisputeBodySchema,
      response: { 200: registeredDisputeSchema, 201: registeredDisputeSchema },
    },
    handler: async (req, reply) => {
      const { row: d, created } = await registerDispute(deps, req.ctx, req.body);
      return reply
        .code(created ? 201 : 200)
        .send({ id: d.id, code: d.code, state: d.state, version: d.version, created });
    },
  });
  app.post('/api/disputes/:id/case', {
    config: { access: { roles: ['dispatcher', 'mediator'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '转案件：调处中发现需职能部门处置的事项，作为案件进入综治中心受理队列（纠纷继续办理）；每件纠纷只转一次，重复提交返回已转的案件',
      params: idParams,
      body: referCaseBodySchema,
      response: { 200: referredCaseSchema, 201: referredCaseSchema },
    },
    handler: async (req, reply) => {
      const r = await referCase(deps, req.ctx, req.params.id, req.body);
      return reply.code(r.created ? 201 : 200).send(r);
    },
  });
  app.get('/api/disputes/:id', {
    config: { access: { roles: ['dispatcher', 'mediator', 'leader'], scope: 'region' } },
    schema: { tags, summary: '纠纷详情、当事人与办理时间线', params: idParams, response: { 200: disputeDetailSchema } },
    handler: (req) => getDisputeDetail(deps, req.ctx, req.params.id),
  });
  app.post('/api/disputes/:id/actions', {
    config: { access: { roles: ['dispatcher', 'mediator'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '办理纠纷（受理、不予受理、分流、指派、调解记录、达成协议、调解不成、上交、司法确认、履行回访、结案、风险研判）；version 不一致时返回 409',
      params: idParams,
      body: disputeActionBodySchema,
      response: { 200: disputeDetailSchema },
    },
    handler: async (req) => {
      await actOnDispute(deps, req.ctx, req.params.id, req.body);
      return getDisputeDetail(deps, req.ctx, req.params.id, { justActed: true });
    },
  });
  app.get('/api/disputes/:id/agreement.pdf', {
    config: { access: { roles: ['dispatcher', 'mediator', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '打印人民调解协议书（PDF，标准格式）：由已记录的协议、当事人、调解组织和调解员生成；达成协议后可打印；综治中心、调解组织和辖区领导可用，记入审计',
      params: idParams,
    },
    handler: async (req, reply) => {
      const { pdf, fileName } = await agreementPdf(deps, req.ctx, req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });
  app.get('/api/disputes/:id/organisation-proposal', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '分流建议：按纠纷类型和发生地列出可承办的调解组织（低层级优先），含各调解员在办数',
      params: idParams,
      querystring: proposalQuerySchema,
      response: { 200: mediationProposalSchema },
    },
    handler: (req) => proposeOrganisations(deps, req.ctx, req.params.id, req.query),
  });
  app.post('/api/disputes/:id/parties', {
    config: { access: { roles: ['dispatcher', 'mediator'], scope: 'region' } },
    schema: {
      tags,
      summary: '添加当事人（达成协议前）',
      params: idParams,
      body: partyInputSchema,
      response: { 201: partyViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addParty(deps, req.ctx, req.params.id, req.body)),
  });
  app.patch('/api/disputes/:id/parties/:partyId', {
    config: { access: { roles: ['dispatcher', 'mediator'], scope: 'region' } },
    schema: {
      tags,
      summary: '更正当事人信息（达成协议前）',
      params: partyParams,
      body: partyPatchSchema,
      response: { 200: partyViewSchema },
    },
    handler: (req) => patchParty(deps, req.ctx, req.params.id, req.params.partyId, req.body),
  });
  app.delete('/api/disputes/:id/parties/:partyId', {
    config: { access: { roles: ['dispatcher', 'mediator'], scope: 'region' } },
    schema: {
      tags,
      summary: '删除误录的当事人（未列入调解记录和协议的）',
      params: partyParams,
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await removeParty(deps, req.ctx, req.params.id, req.params.partyId);
      return reply.code(204).send(null);
    },
  });
}
