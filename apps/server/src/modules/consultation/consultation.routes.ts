import {
  topicDeclineSchema,
  topicDetailSchema,
  topicImplementationSchema,
  topicListQuerySchema,
  topicListSchema,
  topicMeetingSchema,
  topicRaiseSchema,
  topicSettingsSchema,
  topicTakeUpSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { getTopic, listTopics } from './consultation.queries.ts';
import {
  declineTopic,
  raiseTopic,
  recordTopicImplementation,
  recordTopicMeeting,
  setTopicSettings,
  supportTopic,
  takeUpTopic,
} from './consultation.service.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const moved = z.object({ id: z.string(), state: z.string() });

/**
 * 议事协商: residents raise topics in their own village/community and support (附议) others'; grid workers
 * and cadres raise on residents' or deputies' behalf; the village's cadres take them up or decline, record
 * the meeting and the implementation; the township centre and leaders read their area.
 */
export async function consultationRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['consultation'];
  const read = {
    access: { roles: ['resident', 'grid_worker', 'village_cadre', 'dispatcher', 'leader'], scope: 'region' },
  } as const;
  const raise = { access: { roles: ['resident', 'grid_worker', 'village_cadre'], scope: 'region' } } as const;
  const manage = { access: { roles: ['village_cadre'], scope: 'region' } } as const;
  const brief = (t: { id: string; state: string }) => ({ id: t.id, state: t.state });

  app.get('/api/topics', {
    config: read,
    schema: {
      tags,
      summary: '议事协商议题（居民：本村/社区；村干部：本村；乡镇：辖区），可按状态、预警灯、是否达到议题门槛筛选',
      querystring: topicListQuerySchema,
      response: { 200: topicListSchema },
    },
    handler: (req) => listTopics(deps, req.ctx, req.query),
  });
  app.get('/api/topics/:id', {
    config: read,
    schema: {
      tags,
      summary: '议题详情：受理或不予受理、议事会议记录与结果、实施情况（提出人姓名脱敏或匿名）',
      params: idParams,
      response: { 200: topicDetailSchema },
    },
    handler: (req) => getTopic(deps, req.ctx, req.params.id),
  });
  app.post('/api/topics', {
    config: raise,
    schema: {
      tags,
      summary:
        '提出议题（居民在本村/社区提出；网格员、村干部可代居民或代表联络站提出）；相同 idempotencyKey 重试返回同一议题',
      body: topicRaiseSchema,
      response: { 201: moved },
    },
    handler: async (req, reply) => reply.code(201).send(brief(await raiseTopic(deps, req.ctx, req.body))),
  });
  app.post('/api/topics/:id/support', {
    config: { access: { roles: ['resident'], scope: 'region' } },
    schema: {
      tags,
      summary: '附议（每位居民每个议题一次，不能附议自己的议题）',
      params: idParams,
      response: { 200: z.object({ id: z.string(), supports: z.number() }) },
    },
    handler: (req) => supportTopic(deps, req.ctx, req.params.id),
  });
  app.post('/api/topics/:id/take-up', {
    config: manage,
    schema: {
      tags,
      summary: '受理议题，提交议事会并确定计划议事日期（停止答复时限）',
      params: idParams,
      body: topicTakeUpSchema,
      response: { 200: moved },
    },
    handler: async (req) => brief(await takeUpTopic(deps, req.ctx, req.params.id, req.body)),
  });
  app.post('/api/topics/:id/decline', {
    config: manage,
    schema: {
      tags,
      summary: '不予受理（须说明理由，并告知提出人）',
      params: idParams,
      body: topicDeclineSchema,
      response: { 200: moved },
    },
    handler: async (req) => brief(await declineTopic(deps, req.ctx, req.params.id, req.body.reason)),
  });
  app.post('/api/topics/:id/meeting', {
    config: manage,
    schema: {
      tags,
      summary: '记录议事会议（时间、地点、参会人员、纪要、结果）；议定事项须有实施方案，并公开决议',
      params: idParams,
      body: topicMeetingSchema,
      response: { 200: moved },
    },
    handler: async (req) => brief(await recordTopicMeeting(deps, req.ctx, req.params.id, req.body)),
  });
  app.post('/api/topics/:id/implementation', {
    config: manage,
    schema: {
      tags,
      summary: '记录实施结果（说明、照片），并公开实施结果',
      params: idParams,
      body: topicImplementationSchema,
      response: { 200: moved },
    },
    handler: async (req) => brief(await recordTopicImplementation(deps, req.ctx, req.params.id, req.body)),
  });
  app.put('/api/topic-settings/:villageId', {
    config: manage,
    schema: {
      tags,
      summary: '设置本村（社区）的附议门槛与答复时限（地方做法，默认 10 人、15 日）',
      params: z.strictObject({ villageId: z.string().uuid() }),
      body: topicSettingsSchema,
      response: {
        200: topicSettingsSchema.extend({ villageId: z.string(), villageName: z.string() }),
      },
    },
    handler: (req) => setTopicSettings(deps, req.ctx, req.params.villageId, req.body),
  });
}
