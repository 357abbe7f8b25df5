import {
  myScreeningQuerySchema,
  myScreeningViewSchema,
  riskMeetingBodySchema,
  riskMeetingListQuerySchema,
  riskMeetingPageSchema,
  riskMeetingViewSchema,
  screeningAmendBodySchema,
  screeningOverviewQuerySchema,
  screeningOverviewSchema,
  screeningReportBodySchema,
  screeningReportResultSchema,
  screeningReportViewSchema,
  screeningScheduleBodySchema,
  screeningScheduleViewSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { createRiskMeeting, getRiskMeeting, listRiskMeetings } from './screening.meetings.ts';
import { screeningOverview } from './screening.overview.ts';
import { amendScreeningReport, fileReport, getScreeningReport, myScreening, periodView } from './screening.reports.ts';
import { setSchedule } from './screening.rounds.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const regionParams = z.strictObject({ regionId: z.string().uuid() });

/**
 * 排查 (periodic screening) and 风险研判 meetings. Who may call each route is declared beside it; the
 * services narrow it further (a grid worker reports only for grids they answer for; centres and
 * leaders see their area).
 */
export async function screeningRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['screening'];

  app.get('/api/screening/mine', {
    config: { access: { roles: ['grid_worker'], scope: 'region' } },
    schema: {
      tags,
      summary: '我的排查：本人负责的网格本期排查情况、已报内容和可关联的在办纠纷',
      querystring: myScreeningQuerySchema,
      response: { 200: myScreeningViewSchema },
    },
    handler: (req) => myScreening(deps, req.ctx, req.query),
  });
  app.post('/api/screening/reports', {
    config: { access: { roles: ['grid_worker'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '排查上报：本网格本期发现的矛盾纠纷（关联已登记的或登记新的），或零报告；每个网格每期一份，重复上报返回 409，补报另行提交',
      body: screeningReportBodySchema,
      response: { 200: screeningReportResultSchema, 201: screeningReportResultSchema },
    },
    handler: async (req, reply) => {
      const r = await fileReport(deps, req.ctx, req.body);
      return reply.code(r.created ? 201 : 200).send(r);
    },
  });
  app.post('/api/screening/reports/:id/amend', {
    config: { access: { roles: ['grid_worker'], scope: 'region' } },
    schema: {
      tags,
      summary: '补报：为已上报的排查报告补充新发现的矛盾纠纷（须说明理由）；version 不一致时返回 409',
      params: idParams,
      body: screeningAmendBodySchema,
      response: { 200: screeningReportViewSchema },
    },
    handler: (req) => amendScreeningReport(deps, req.ctx, req.params.id, req.body),
  });
  app.get('/api/screening/reports/:id', {
    config: { access: { roles: ['grid_worker', 'dispatcher', 'leader'], scope: 'region' } },
    schema: { tags, summary: '排查报告详情', params: idParams, response: { 200: screeningReportViewSchema } },
    handler: (req) => getScreeningReport(deps, req.ctx, req.params.id),
  });
  app.get('/api/screening/overview', {
    config: { access: { roles: ['dispatcher', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '乡镇排查情况：本期各网格已报（有纠纷）、零报告、未报（逾期）及负责网格员',
      querystring: screeningOverviewQuerySchema,
      response: { 200: screeningOverviewSchema },
    },
    handler: (req) => screeningOverview(deps, req.ctx, req.query),
  });
  app.put('/api/screening/schedules/:regionId', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '设定乡镇排查周期（每月/每旬/每周）和报送宽限天数，自下一期起生效',
      params: regionParams,
      body: screeningScheduleBodySchema,
      response: { 200: screeningScheduleViewSchema },
    },
    handler: async (req) => {
      const s = await setSchedule(deps, req.ctx, req.params.regionId, req.body);
      return {
        townshipId: s.townshipId,
        periodKind: s.periodKind,
        graceDays: s.graceDays,
        current: s.current ? periodView(s.current) : null,
        next: s.next ? periodView(s.next) : null,
      };
    },
  });
  app.get('/api/risk-meetings', {
    config: { access: { roles: ['dispatcher', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '风险研判会议列表（本辖区）',
      querystring: riskMeetingListQuerySchema,
      response: { 200: riskMeetingPageSchema },
    },
    handler: (req) => listRiskMeetings(deps, req.ctx, req.query),
  });
  app.post('/api/risk-meetings', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '记录风险研判会议：时间、参会人员、研判的纠纷及每件的研判意见（调整风险等级/稳控责任人、上交，经纠纷办理流程生效）、纪要、附件',
      body: riskMeetingBodySchema,
      response: { 201: riskMeetingViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createRiskMeeting(deps, req.ctx, req.body)),
  });
  app.get('/api/risk-meetings/:id', {
    config: { access: { roles: ['dispatcher', 'leader'], scope: 'region' } },
    schema: { tags, summary: '风险研判会议详情', params: idParams, response: { 200: riskMeetingViewSchema } },
    handler: (req) => getRiskMeeting(deps, req.ctx, req.params.id),
  });
}
