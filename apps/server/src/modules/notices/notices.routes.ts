import {
  answerInquiryBodySchema,
  askInquiryBodySchema,
  createNoticeBodySchema,
  inquiryListQuerySchema,
  inquiryViewSchema,
  noticeBoardSchema,
  noticeBoardSettingsBodySchema,
  noticeDetailSchema,
  publishNoticeBodySchema,
  residentNoticesSchema,
  safeString,
  supersedeNoticeBodySchema,
  updateNoticeBodySchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { rolesThat } from './notices.policy.ts';
import { boardNotFound } from './notices.errors.ts';
import { publicNoticesPage, publicPageQrSvg } from './notices.public.ts';
import {
  getNoticeBoard,
  getNoticeDetail,
  listOpenInquiries,
  publicBoardByCode,
  publicPathOf,
  residentNotices,
} from './notices.queries.ts';
import {
  answerInquiry,
  askInquiry,
  createNotice,
  loadBoardRegion,
  publishNotice,
  setBoardSettings,
  supersedeNotice,
  updateNotice,
} from './notices.service.ts';
import { requireActor } from '../../platform/access.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const regionParams = z.strictObject({ regionId: z.string().uuid() });
const created = z.object({ id: z.string(), version: z.number(), rowVersion: z.number(), state: z.string() });

/**
 * 村(居)务公开. Staff (the roles holding notice.publish / notice.answer, read from ROLE_ACTIONS) keep the
 * boards of the villages of their area; a resident reads their own village's published notices and asks
 * about them (质询); anyone reads a village's public page without an account.
 */
export async function noticeRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['notices'];
  const staff = { roles: rolesThat('notice.publish'), scope: 'region' } as const;
  const answerers = { roles: rolesThat('notice.answer'), scope: 'region' } as const;
  const brief = (n: { id: string; version: number; rowVersion: number; state: string }) => ({
    id: n.id,
    version: n.version,
    rowVersion: n.rowVersion,
    state: n.state,
  });

  app.get('/api/notice-boards/:regionId', {
    config: { access: staff },
    schema: {
      tags,
      summary: '村（社区）公开栏：各栏目公开周期与预警灯（《村民委员会组织法》第三十条）、草稿与现行公开、待答复质询',
      params: regionParams,
      response: { 200: noticeBoardSchema },
    },
    handler: (req) => getNoticeBoard(deps, req.ctx, req.params.regionId),
  });
  app.put('/api/notice-boards/:regionId', {
    config: { access: staff },
    schema: {
      tags,
      summary: '设置村（社区）财务往来是否较多（较多则财务每月公开，否则每季度），并重算各栏目到期日',
      params: regionParams,
      body: noticeBoardSettingsBodySchema,
      response: { 200: noticeBoardSchema },
    },
    handler: async (req) => {
      await setBoardSettings(deps, req.ctx, req.params.regionId, req.body);
      return getNoticeBoard(deps, req.ctx, req.params.regionId);
    },
  });
  app.get('/api/notice-boards/:regionId/qr.svg', {
    config: { access: staff },
    schema: { tags, summary: '下载村（社区）公开页二维码（SVG，可打印张贴）', params: regionParams },
    handler: async (req, reply) => {
      const region = await loadBoardRegion(deps.db, requireActor(req.ctx), req.params.regionId);
      const url = `${req.protocol}://${req.host}${publicPathOf(region.code)}`;
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${region.name}公开栏二维码.svg`)}`,
        )
        .send(publicPageQrSvg(url));
    },
  });
  app.post('/api/notices', {
    config: { access: staff },
    schema: {
      tags,
      summary: '起草公开内容（党务、村务、财务、决议、实施结果）；相同 idempotencyKey 重试返回同一草稿',
      body: createNoticeBodySchema,
      response: { 201: created },
    },
    handler: async (req, reply) => reply.code(201).send(brief(await createNotice(deps, req.ctx, req.body))),
  });
  app.patch('/api/notices/:id', {
    config: { access: staff },
    schema: {
      tags,
      summary: '修改草稿；已发布的公开内容不能修改（409 notice.published_immutable），只能发布更正版本',
      params: idParams,
      body: updateNoticeBodySchema,
      response: { 200: created },
    },
    handler: async (req) => brief(await updateNotice(deps, req.ctx, req.params.id, req.body)),
  });
  app.post('/api/notices/:id/publish', {
    config: { access: staff },
    schema: {
      tags,
      summary: '发布草稿；该栏目的公开周期从今日重新计算',
      params: idParams,
      body: publishNoticeBodySchema,
      response: { 200: created },
    },
    handler: async (req) => brief(await publishNotice(deps, req.ctx, req.params.id, req.body.version)),
  });
  app.post('/api/notices/:id/supersede', {
    config: { access: staff },
    schema: {
      tags,
      summary: '更正已发布的公开内容：发布新版本（须填写原因），原版本保留为“已更正”并在公开页可查',
      params: idParams,
      body: supersedeNoticeBodySchema,
      response: { 201: created },
    },
    handler: async (req, reply) =>
      reply.code(201).send(brief(await supersedeNotice(deps, req.ctx, req.params.id, req.body))),
  });
  app.get('/api/notices/:id', {
    config: { access: { roles: [...rolesThat('notice.publish'), 'resident'], scope: 'region' } },
    schema: {
      tags,
      summary: '公开内容详情：各版本（更正记录）与质询；居民只见本村已发布的内容、已答复的质询和自己的质询',
      params: idParams,
      response: { 200: noticeDetailSchema },
    },
    handler: (req) => getNoticeDetail(deps, req.ctx, req.params.id),
  });
  app.post('/api/notices/:id/inquiries', {
    config: { access: { roles: ['resident'], scope: 'region' } },
    schema: {
      tags,
      summary: '居民就本村（社区）已发布的公开内容提出质询；须在规定期限内答复，答复随公开内容公布（不显示提问人）',
      params: idParams,
      body: askInquiryBodySchema,
      response: { 201: z.object({ id: z.string(), deadline: z.string() }) },
    },
    handler: async (req, reply) => {
      const q = await askInquiry(deps, req.ctx, req.params.id, req.body);
      return reply.code(201).send({ id: q.id, deadline: q.deadline.toISOString() });
    },
  });
  app.get('/api/notice-inquiries', {
    config: { access: answerers },
    schema: {
      tags,
      summary: '本辖区待答复的质询（overdue=true 仅逾期未答复的，供乡镇督促）',
      querystring: inquiryListQuerySchema,
      response: { 200: z.object({ items: z.array(inquiryViewSchema) }) },
    },
    handler: (req) => listOpenInquiries(deps, req.ctx, req.query.overdue === 'true'),
  });
  app.post('/api/notice-inquiries/:id/answer', {
    config: { access: answerers },
    schema: {
      tags,
      summary: '答复质询（答复随公开内容公布，不显示提问人）',
      params: idParams,
      body: answerInquiryBodySchema,
      response: { 200: z.object({ id: z.string(), answeredAt: z.string() }) },
    },
    handler: async (req) => {
      const q = await answerInquiry(deps, req.ctx, req.params.id, req.body.answer);
      return { id: q.id, answeredAt: (q.answeredAt as Date).toISOString() };
    },
  });
  app.get('/api/my-notices', {
    config: { access: { roles: ['resident'], scope: 'own' } },
    schema: {
      tags,
      summary: '本村（社区）已发布的公开内容、已答复的质询和我的质询',
      response: { 200: residentNoticesSchema },
    },
    handler: (req) => residentNotices(deps, req.ctx),
  });

  app.get('/p/notices/:regionCode', {
    config: {
      access: {
        public:
          '村(居)务公开 is public by law (村民委员会组织法 art. 30): the published notices, their earlier versions and the answered questions, without any asker or staff name',
      },
    },
    schema: {
      tags,
      summary: '村（社区）公开页（无需登录，手机可读，服务端生成，不含脚本）',
      params: z.strictObject({ regionCode: safeString().regex(/^\d{1,12}$/, '区划代码应为数字') }),
    },
    handler: async (req, reply) => {
      const board = await publicBoardByCode(deps.db, req.params.regionCode);
      if (!board) throw boardNotFound();
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(publicNoticesPage(board.region.name, board.notices));
    },
  });
}
