import {
  projectCompleteSchema,
  projectImplementSchema,
  projectListQuerySchema,
  projectPageSchema,
  projectProposeSchema,
  projectPublishSchema,
  projectRejectSchema,
  projectViewSchema,
  projectVoteResultSchema,
  projectVoteSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import {
  completeProject,
  getProject,
  implementProject,
  listProjects,
  proposeProject,
  publishProject,
  recordProjectVote,
  rejectProject,
  shortlistProject,
} from './projects.service.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/**
 * 民生微实事: residents propose small projects for their own village or community and follow them;
 * the village cadres shortlist, record the representatives' vote, implement, accept and publish; the
 * township centre and leaders read their area. Who may call each route is declared beside it; the
 * services narrow it to the actor's region (another village's project: 404).
 */
export async function projectRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['projects'];
  const read = { access: { roles: ['resident', 'village_cadre', 'dispatcher', 'leader'], scope: 'region' } } as const;
  const propose = { access: { roles: ['resident'], scope: 'region' } } as const;
  const manage = { access: { roles: ['village_cadre'], scope: 'region' } } as const;

  app.get('/api/micro-projects', {
    config: read,
    schema: {
      tags,
      summary: '民生微实事项目列表（居民：本村/社区；干部及街道：本辖区），提出人姓名脱敏',
      querystring: projectListQuerySchema,
      response: { 200: projectPageSchema },
    },
    handler: (req) => listProjects(deps, req.ctx, req.query),
  });
  app.post('/api/micro-projects', {
    config: propose,
    schema: {
      tags,
      summary: '居民提出民生微实事项目（本村/社区）：名称、内容、类别、预估费用（分，不超过本地上限）、地点、照片',
      body: projectProposeSchema,
      response: { 201: projectViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await proposeProject(deps, req.ctx, req.body)),
  });
  app.get('/api/micro-projects/:id', {
    config: read,
    schema: { tags, summary: '民生微实事项目详情', params: idParams, response: { 200: projectViewSchema } },
    handler: (req) => getProject(deps, req.ctx, req.params.id),
  });
  app.post('/api/micro-projects/:id/shortlist', {
    config: manage,
    schema: {
      tags,
      summary: '审核入库：提交村（居）民代表会议表决；状态不符返回 409',
      params: idParams,
      response: { 200: projectViewSchema },
    },
    handler: (req) => shortlistProject(deps, req.ctx, req.params.id),
  });
  app.post('/api/micro-projects/:id/reject', {
    config: manage,
    schema: {
      tags,
      summary: '不予入库：须说明理由，并告知提出人',
      params: idParams,
      body: projectRejectSchema,
      response: { 200: projectViewSchema },
    },
    handler: (req) => rejectProject(deps, req.ctx, req.params.id, req.body.reason),
  });
  app.post('/api/micro-project-votes', {
    config: manage,
    schema: {
      tags,
      summary:
        '记录村（居）民代表会议对一批入库项目的表决：应到取名册人数，实到须达三分之二（《村民委员会组织法》第二十六条），否则返回 422 不予记录；各项目以到会过半数赞成为通过，结果作为决议公开',
      body: projectVoteSchema,
      response: { 200: projectVoteResultSchema },
    },
    handler: (req) => recordProjectVote(deps, req.ctx, req.body),
  });
  app.post('/api/micro-projects/:id/implement', {
    config: manage,
    schema: {
      tags,
      summary: '安排实施：实施单位、预算（分，不超过本地上限）、完成期限（计入时限预警）',
      params: idParams,
      body: projectImplementSchema,
      response: { 200: projectViewSchema },
    },
    handler: (req) => implementProject(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/micro-projects/:id/complete', {
    config: manage,
    schema: {
      tags,
      summary: '验收：验收意见、实施前后照片、实际费用',
      params: idParams,
      body: projectCompleteSchema,
      response: { 200: projectViewSchema },
    },
    handler: (req) => completeProject(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/micro-projects/:id/publish', {
    config: manage,
    schema: {
      tags,
      summary: '实施结果公开：在本村（社区）公开栏公示（公示期不少于 7 日）',
      params: idParams,
      body: projectPublishSchema,
      response: { 200: projectViewSchema },
    },
    handler: (req) => publishProject(deps, req.ctx, req.params.id, req.body.noticeEndsOn),
  });
}
