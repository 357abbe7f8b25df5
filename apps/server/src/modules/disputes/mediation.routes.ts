import {
  disputeTypeCodeSchema,
  disputeTypeInputSchema,
  disputeTypeListSchema,
  disputeTypePatchSchema,
  disputeTypeViewSchema,
  mediationOrganisationInputSchema,
  mediationOrganisationListSchema,
  mediationOrganisationPatchSchema,
  mediationOrganisationViewSchema,
  mediatorLinkSchema,
  mediatorLinkedSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { createType, listTypes, patchType } from './disputes.types.ts';
import {
  createMediationOrganisation,
  linkMediatorToOrganisation,
  listMediationOrganisations,
  patchMediationOrganisation,
  unlinkMediatorFromOrganisation,
} from './mediation.service.ts';

/** The data the disputes run on, kept by the admin: mediation organisations, their mediators, dispute types. */
export async function mediationRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['mediation'];
  const readers = ['dispatcher', 'mediator', 'leader', 'admin'] as const;

  app.get('/api/mediation-organisations', {
    config: { access: { roles: readers, scope: 'region' } },
    schema: {
      tags,
      summary: '调解组织（本辖区的及服务本辖区的上级组织）及其调解员、在办数',
      response: { 200: mediationOrganisationListSchema },
    },
    handler: (req) => listMediationOrganisations(deps, req.ctx),
  });
  app.post('/api/mediation-organisations', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '新建调解组织（村居、乡镇街道、县区人民调解委员会，行业性专业性调解组织，行政调解组织）',
      body: mediationOrganisationInputSchema,
      response: { 201: mediationOrganisationViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createMediationOrganisation(deps, req.ctx, req.body)),
  });
  app.patch('/api/mediation-organisations/:id', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '修改调解组织：名称、受理的纠纷类型、停用（尚有未办结纠纷的不能停用）',
      params: z.strictObject({ id: z.string().uuid() }),
      body: mediationOrganisationPatchSchema,
      response: { 200: mediationOrganisationViewSchema },
    },
    handler: (req) => patchMediationOrganisation(deps, req.ctx, req.params.id, req.body),
  });
  app.put('/api/mediators/:userId', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '将调解员账号加入调解组织（或调往另一组织）',
      params: z.strictObject({ userId: z.string().uuid() }),
      body: mediatorLinkSchema,
      response: { 200: mediatorLinkedSchema },
    },
    handler: (req) => linkMediatorToOrganisation(deps, req.ctx, req.params.userId, req.body),
  });
  app.delete('/api/mediators/:userId', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '调解员退出调解组织（尚承办纠纷的不能退出）',
      params: z.strictObject({ userId: z.string().uuid() }),
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await unlinkMediatorFromOrganisation(deps, req.ctx, req.params.userId);
      return reply.code(204).send(null);
    },
  });
  app.get('/api/dispute-types', {
    config: { access: { roles: readers, scope: 'shared' } },
    schema: {
      tags,
      summary: '矛盾纠纷类型及各环节时限（含依据）',
      response: { 200: disputeTypeListSchema },
    },
    handler: (req) => listTypes(deps, req.ctx),
  });
  app.post('/api/dispute-types', {
    config: { access: { roles: ['admin'], scope: 'shared' } },
    schema: {
      tags,
      summary: '新增纠纷类型（全系统统一，由县级及以上管理员维护）',
      body: disputeTypeInputSchema,
      response: { 201: disputeTypeViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createType(deps, req.ctx, req.body)),
  });
  app.patch('/api/dispute-types/:code', {
    config: { access: { roles: ['admin'], scope: 'shared' } },
    schema: {
      tags,
      summary: '修改纠纷类型：名称、各环节时限（如人民调解期限）、停用',
      params: z.strictObject({ code: disputeTypeCodeSchema }),
      body: disputeTypePatchSchema,
      response: { 200: disputeTypeViewSchema },
    },
    handler: (req) => patchType(deps, req.ctx, req.params.code, req.body),
  });
}
