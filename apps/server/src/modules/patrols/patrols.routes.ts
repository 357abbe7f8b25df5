import {
  checkinViewSchema,
  patrolBatchResultSchema,
  patrolCheckinSchema,
  patrolDetailSchema,
  patrolEndSchema,
  patrolFiguresQuerySchema,
  patrolFiguresSchema,
  patrolListQuerySchema,
  patrolNormQuerySchema,
  patrolNormScoreSchema,
  patrolNormSettingBodySchema,
  patrolNormSettingViewSchema,
  patrolPageSchema,
  patrolPointsSchema,
  patrolStartSchema,
  patrolViewSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { patrolFigures } from './patrols.figures.ts';
import { getPatrol, listPatrols, normScore } from './patrols.read.ts';
import { addPoints, checkIn, endPatrol, startPatrol } from './patrols.service.ts';
import { getNormSetting, putNormSetting } from './patrols.norm.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/**
 * 巡查: a grid worker records their patrols from the phone (start, track batches, check-ins, end); the
 * township centre and leaders read their area's patrols and each worker's week against the duty norm.
 * Who may call each route is declared beside it; the services narrow it (another village's patrol: 404).
 */
export async function patrolRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['patrols'];
  const record = { access: { roles: ['grid_worker'], scope: 'own' } } as const;
  const read = { access: { roles: ['grid_worker', 'dispatcher', 'leader'], scope: 'region' } } as const;

  app.post('/api/patrols', {
    config: record,
    schema: {
      tags,
      summary: '网格员开始巡查（编号由手机生成，重试返回同一巡查）；可指定网格以计算覆盖率',
      body: patrolStartSchema,
      response: { 201: patrolViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await startPatrol(deps, req.ctx, req.body)),
  });
  app.post('/api/patrols/:id/points', {
    config: record,
    schema: {
      tags,
      summary:
        '上传一批轨迹点（每批不超过 600 个，批次号相同只保存一次）：时间须递增、不得晚于当前时间 2 分钟以上，否则 422 整批不保存；超过 50 米/秒的跳点保存并标记',
      params: idParams,
      body: patrolPointsSchema,
      response: { 200: patrolBatchResultSchema },
    },
    handler: (req) => addPoints(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/patrols/:id/end', {
    config: record,
    schema: { tags, summary: '结束巡查', params: idParams, body: patrolEndSchema, response: { 200: patrolViewSchema } },
    handler: (req) => endPatrol(deps, req.ctx, req.params.id, req.body.endedAt),
  });
  app.post('/api/patrols/:id/checkins', {
    config: record,
    schema: {
      tags,
      summary: '在重点场所签到：须在场所签到半径内（场所自定或按类别默认），记录距离；超出返回 422 并告知距离',
      params: idParams,
      body: patrolCheckinSchema,
      response: { 200: checkinViewSchema },
    },
    handler: (req) => checkIn(deps, req.ctx, req.params.id, req.body),
  });
  app.get('/api/patrols', {
    config: read,
    schema: {
      tags,
      summary: '巡查列表（网格员：本人；街道中心、领导：本辖区）',
      querystring: patrolListQuerySchema,
      response: { 200: patrolPageSchema },
    },
    handler: (req) => listPatrols(deps, req.ctx, req.query),
  });
  app.get('/api/patrols/norm', {
    config: read,
    schema: {
      tags,
      summary: '网格员一周巡查对照其所在地区适用的履职标准（默认广东"7362"）的得分：每日巡查次数、时长、上报问题数',
      querystring: patrolNormQuerySchema,
      response: { 200: patrolNormScoreSchema },
    },
    handler: (req) => normScore(deps, req.ctx, req.query),
  });
  // The norm in force (not personal data): those who read patrols, and the admin who sets it.
  app.get('/api/patrols/norm-setting', {
    config: { access: { roles: ['grid_worker', 'dispatcher', 'leader', 'admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '本地区适用的巡查履职标准（最近一级上级区划的设置，均未设置为广东"7362"）及可选标准',
      response: { 200: patrolNormSettingViewSchema },
    },
    handler: (req) => getNormSetting(deps, req.ctx),
  });
  // Only an admin of a province, city or county (by level in the service: a township's admin gets 403).
  app.put('/api/patrols/norm-setting', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '设置本地区的巡查履职标准：选用已定义的标准、自定数值（每周天数、每日次数、小时数、上报数，须在范围内）或 inherit 沿用上级',
      body: patrolNormSettingBodySchema,
      response: { 200: patrolNormSettingViewSchema },
    },
    handler: (req) => putNormSetting(deps, req.ctx, req.body),
  });
  app.get('/api/patrol-figures', {
    config: read,
    schema: {
      tags,
      summary:
        '本辖区巡查统计（按北京时间日期，含首尾；可选地区）：合计及按网格或按网格员分页的巡查次数、在轨时长、平均覆盖率、签到、上报问题，网格员另计达到履职标准的整周数',
      querystring: patrolFiguresQuerySchema,
      response: { 200: patrolFiguresSchema },
    },
    handler: (req) => patrolFigures(deps, req.ctx, req.query),
  });
  app.get('/api/patrols/:id', {
    config: read,
    schema: {
      tags,
      summary: '巡查详情：时长、里程、网格覆盖率、签到场所、上报问题数，轨迹按断点分段',
      params: idParams,
      response: { 200: patrolDetailSchema },
    },
    handler: (req) => getPatrol(deps, req.ctx, req.params.id),
  });
}
