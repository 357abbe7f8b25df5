import {
  PROGRESS_LOOKUP_LIMITS,
  myVisitsSchema,
  progressLookupBodySchema,
  registerVisitBodySchema,
  registeredVisitSchema,
  visitDetailSchema,
  visitListQuerySchema,
  visitPageSchema,
  visitProgressSchema,
  visitorRevealBodySchema,
  visitorRevealedSchema,
  formatReceiptNumber,
} from '@gewu/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { loginAddressKey } from '../../platform/http/login-address.ts';
import { getVisit, listVisits, revealVisitor } from './reception.queries.ts';
import { claimVisitForAccount, lookupProgress, myVisits } from './reception.progress.ts';
import { visitReceipt } from './reception.receipt.ts';
import { registerVisit } from './reception.register.ts';
// How a visit shows on the case, dispute or petition it opened (来自综治中心窗口).
import './reception.links.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/**
 * Requests a client address may make to the public lookup per minute, right or wrong: wrong answers
 * are bounded by PROGRESS_LOOKUP_LIMITS; this only keeps one address from loading the database with
 * right ones (a visitor checks a few times a day).
 */
const LOOKUPS_PER_MINUTE = 30;

/**
 * The reception window (综治中心窗口, 来访登记): the desk registers and routes a visit in one step and
 * prints its receipt; the centre and leaders list their region's visits; the visitor follows the
 * progress with the receipt number and the phone's last four digits (public, rate-limited, masked), or
 * signed in as a resident (我的来访).
 */
export async function receptionRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['reception'];

  app.post('/api/reception/visits', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary:
        '来访登记并一次分流（事件、矛盾纠纷、信访、法律咨询、转介）：来访记录与分流去向同时写入；相同 idempotencyKey 重试返回同一回执',
      body: registerVisitBodySchema,
      response: { 200: registeredVisitSchema, 201: registeredVisitSchema },
    },
    handler: async (req, reply) => {
      const { created, visit } = await registerVisit(deps, req.ctx, req.body);
      return reply.code(created ? 201 : 200).send({
        id: visit.id,
        receiptNumber: formatReceiptNumber(visit.receiptNumber),
        created,
        track: visit.track,
        trackRecordId: visit.trackRecordId,
        trackCode: visit.trackCode,
      });
    },
  });
  app.get('/api/reception/visits', {
    config: { access: { roles: ['dispatcher', 'leader'], scope: 'region' } },
    schema: {
      tags,
      summary: '来访登记台账（本辖区）：按分流去向、事由、日期、回执编号筛选；来访人信息脱敏',
      querystring: visitListQuerySchema,
      response: { 200: visitPageSchema },
    },
    handler: (req) => listVisits(deps, req.ctx, req.query),
  });
  app.get('/api/reception/visits/:id', {
    config: { access: { roles: ['dispatcher', 'leader'], scope: 'region' } },
    schema: { tags, summary: '来访登记详情（来访人信息脱敏）', params: idParams, response: { 200: visitDetailSchema } },
    handler: (req) => getVisit(deps, req.ctx, req.params.id),
  });
  app.get('/api/reception/visits/:id/receipt.pdf', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '打印来访登记回执（PDF：回执编号、日期、去向、脱敏的来访人、查询方式）',
      params: idParams,
    },
    handler: async (req, reply) => {
      const { pdf, fileName } = await visitReceipt(
        deps,
        req.ctx,
        req.params.id,
        `${req.protocol}://${req.host}/m/track`,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });
  app.post('/api/reception/visits/:id/reveal', {
    config: { access: { roles: ['dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '查看来访人完整姓名、证件号或电话（须填写原因，留审计记录）',
      params: idParams,
      body: visitorRevealBodySchema,
      response: { 200: visitorRevealedSchema },
    },
    handler: (req) => revealVisitor(deps, req.ctx, req.params.id, req.body.field, req.body.reason),
  });

  app.post('/api/reception/progress', {
    config: {
      access: {
        public:
          'the visitor follows their visit without an account: the receipt number and the phone’s last four digits are the credential, wrong answers are limited (PROGRESS_LOOKUP_LIMITS) and the answer is masked',
      },
      rateLimit: {
        max: LOOKUPS_PER_MINUTE,
        timeWindow: 60_000,
        keyGenerator: (req: FastifyRequest) => `reception-progress:${loginAddressKey(req.ip)}`,
      },
    },
    schema: {
      tags,
      summary: `办理进度查询（无需登录）：回执编号 + 手机号后四位；编号或号码有误时同样答 404；错误 ${PROGRESS_LOOKUP_LIMITS.perReceipt.failures} 次（每个编号）或 ${PROGRESS_LOOKUP_LIMITS.perAddress.failures} 次（每个地址）后一小时内答 429`,
      body: progressLookupBodySchema,
      response: { 200: visitProgressSchema },
    },
    handler: (req) => lookupProgress(deps, req.ctx, req.body),
  });
  app.get('/api/reception/my-visits', {
    config: { access: { roles: ['resident'], scope: 'own' } },
    schema: {
      tags,
      summary: '我的来访：已认领的来访及同一身份证号的来访的办理进度',
      response: { 200: myVisitsSchema },
    },
    handler: (req) => myVisits(deps, req.ctx),
  });
  app.post('/api/reception/my-visits', {
    config: { access: { roles: ['resident'], scope: 'own' } },
    schema: {
      tags,
      summary: '认领来访：以回执编号和手机号后四位证明是本人的来访（与进度查询同样限次）',
      body: progressLookupBodySchema,
      response: { 200: visitProgressSchema },
    },
    handler: (req) => claimVisitForAccount(deps, req.ctx, req.body),
  });
}
