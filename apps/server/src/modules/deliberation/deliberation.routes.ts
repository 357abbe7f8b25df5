import {
  bodyCreateSchema,
  bodyListQuerySchema,
  bodyListSchema,
  bodyViewSchema,
  candidateListSchema,
  candidatesQuerySchema,
  conveneSchema,
  deliberationStageParamsSchema,
  matterCreateSchema,
  matterListQuerySchema,
  matterPageSchema,
  matterViewSchema,
  meetingRecordSchema,
  publishSchema,
  rollChangeSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { changeRoll, createBody, getBody, listBodies, rollCandidates } from './deliberation.bodies.ts';
import {
  conveneStage,
  createMatter,
  getMatter,
  listMatters,
  publishStage,
  recordStage,
} from './deliberation.matters.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/**
 * 村务决策 (四议两公开): bodies and their rolls, matters and their stages. Village cadres keep their own
 * village's (or community's); the township centre and leaders read their area. Who may call each
 * route is declared beside it; the services narrow it to the actor's region (another village: 404).
 */
export async function deliberationRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['deliberation'];
  const read = { access: { roles: ['village_cadre', 'dispatcher', 'leader'], scope: 'region' } } as const;
  const manage = { access: { roles: ['village_cadre'], scope: 'region' } } as const;

  app.get('/api/deliberation/bodies', {
    config: read,
    schema: {
      tags,
      summary: '议事组织及名册人数（本辖区或某村/社区）',
      querystring: bodyListQuerySchema,
      response: { 200: bodyListSchema },
    },
    handler: (req) => listBodies(deps, req.ctx, req.query.villageId),
  });
  app.post('/api/deliberation/bodies', {
    config: manage,
    schema: {
      tags,
      summary: '建立议事组织：村民会议名册依实有人口生成（年满十八周岁的村民，或每户一名代表），其他组织名册手工维护',
      body: bodyCreateSchema,
      response: { 201: bodyViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createBody(deps, req.ctx, req.body)),
  });
  app.get('/api/deliberation/bodies/:id', {
    config: read,
    schema: {
      tags,
      summary: '议事组织名册（姓名脱敏，含移出记录及理由）',
      params: idParams,
      response: { 200: bodyViewSchema },
    },
    handler: (req) => getBody(deps, req.ctx, req.params.id),
  });
  app.post('/api/deliberation/bodies/:id/roll', {
    config: manage,
    schema: {
      tags,
      summary: '调整名册：增加本村居民或移出名册人员，须说明理由；已召集的会议名册不受影响',
      params: idParams,
      body: rollChangeSchema,
      response: { 200: bodyViewSchema },
    },
    handler: (req) => changeRoll(deps, req.ctx, req.params.id, req.body),
  });
  app.get('/api/deliberation/bodies/:id/candidates', {
    config: manage,
    schema: {
      tags,
      summary: '可加入名册的本村居民（按姓氏检索，姓名和身份证号脱敏）',
      params: idParams,
      querystring: candidatesQuerySchema,
      response: { 200: candidateListSchema },
    },
    handler: (req) => rollCandidates(deps, req.ctx, req.params.id, req.query.q),
  });
  app.get('/api/deliberation/matters', {
    config: read,
    schema: {
      tags,
      summary: '议事事项（四议两公开）列表',
      querystring: matterListQuerySchema,
      response: { 200: matterPageSchema },
    },
    handler: (req) => listMatters(deps, req.ctx, req.query),
  });
  app.post('/api/deliberation/matters', {
    config: manage,
    schema: {
      tags,
      summary:
        '提出议事事项：事项类别决定须由哪个会议决议（《村民委员会组织法》第二十三、二十四、二十七条），选错会议返回 422',
      body: matterCreateSchema,
      response: { 200: matterViewSchema, 201: matterViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createMatter(deps, req.ctx, req.body)),
  });
  app.get('/api/deliberation/matters/:id', {
    config: read,
    schema: { tags, summary: '议事事项详情及各环节记录', params: idParams, response: { 200: matterViewSchema } },
    handler: (req) => getMatter(deps, req.ctx, req.params.id),
  });
  app.post('/api/deliberation/matters/:id/stages/:stage/convene', {
    config: manage,
    schema: {
      tags,
      summary: '召集会议环节：冻结该会议组织当前名册，名册人数即应到人数；上一环节未完成返回 409',
      params: deliberationStageParamsSchema,
      body: conveneSchema,
      response: { 200: matterViewSchema },
    },
    handler: (req) => conveneStage(deps, req.ctx, req.params.id, req.params.stage, req.body),
  });
  app.post('/api/deliberation/matters/:id/stages/:stage/record', {
    config: manage,
    schema: {
      tags,
      summary: '记录会议结果：实到、签到、赞成/反对/弃权、纪要、附件；不足法定人数或未达通过票数返回 422，不予记录',
      params: deliberationStageParamsSchema,
      body: meetingRecordSchema,
      response: { 200: matterViewSchema },
    },
    handler: (req) => recordStage(deps, req.ctx, req.params.id, req.params.stage, req.body),
  });
  app.post('/api/deliberation/matters/:id/stages/:stage/publish', {
    config: manage,
    schema: {
      tags,
      summary: '决议公开 / 实施结果公开：公开内容、公示期（不少于 7 日）、附件',
      params: deliberationStageParamsSchema,
      body: publishSchema,
      response: { 200: matterViewSchema },
    },
    handler: (req) => publishStage(deps, req.ctx, req.params.id, req.params.stage, req.body),
  });
}
