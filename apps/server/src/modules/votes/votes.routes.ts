import {
  ballotReceiptSchema,
  createOwnersVoteBodySchema,
  myOwnersVoteListSchema,
  myOwnersVoteSchema,
  ownersRollSchema,
  ownersVoteDetailSchema,
  ownersVoteListSchema,
  paperBallotBodySchema,
  phoneBallotBodySchema,
  publishedOwnersVoteSchema,
  receiptCheckSchema,
  safeString,
  verifyOwnerBodySchema,
} from '@gewu/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { loginAddressKey } from '../../platform/http/login-address.ts';
import { castPhoneBallot, enterPaperBallot, verifyOwner } from './votes.ballots.ts';
import { myVote, myVotes } from './votes.mine.ts';
import { checkReceipt, publishedVote } from './votes.public.ts';
import { closeVote, createVote, listVotes, loadVote, openVote, voteDetail, voteRoll } from './votes.service.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const receiptParams = z.strictObject({ id: z.string().uuid(), code: safeString().min(1).max(40) });
/** Receipt checks a client address may make per minute (a code has 60 bits; this only keeps scanners slow). */
const RECEIPT_CHECKS_PER_MINUTE = 60;

/**
 * Owners' votes (业主共同决定, 民法典 art. 278). Staff holding vote.manage run an estate's vote in their
 * region; a verified owner votes on the phone and sees only their own ballot; once closed, the tally and
 * the anonymised ballot list are public.
 */
export async function voteRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['votes'];
  const staff = { access: { roles: ['dispatcher'], scope: 'region' } } as const;
  const owner = { access: { roles: ['resident'], scope: 'own' } } as const;

  app.get('/api/votes', {
    config: staff,
    schema: { tags, summary: '业主表决事项列表（辖区内小区）', response: { 200: ownersVoteListSchema } },
    handler: (req) => listVotes(deps, req.ctx),
  });
  app.post('/api/votes', {
    config: staff,
    schema: {
      tags,
      summary: '发起业主表决（草稿）：小区（村、社区及所选楼栋）、表决事项及其民法典第278条所列事项类别、截止时间',
      body: createOwnersVoteBodySchema,
      response: { 201: ownersVoteDetailSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createVote(deps, req.ctx, req.body)),
  });
  app.get('/api/votes/:id', {
    config: staff,
    schema: {
      tags,
      summary: '业主表决详情：截止前不显示表决结果',
      params: idParams,
      response: { 200: ownersVoteDetailSchema },
    },
    handler: async (req) => voteDetail(deps.db, await loadVote(deps.db, req.ctx, req.params.id)),
  });
  app.get('/api/votes/:id/roll', {
    config: staff,
    schema: {
      tags,
      summary: '业主名册：按专有部分面积与户数（同一买受人多套计一人、建设单位未售部分计一人）；开始表决后冻结',
      params: idParams,
      response: { 200: ownersRollSchema },
    },
    handler: (req) => voteRoll(deps, req.ctx, req.params.id),
  });
  app.post('/api/votes/:id/open', {
    config: staff,
    schema: {
      tags,
      summary: '开始表决：冻结业主名册',
      params: idParams,
      response: { 200: ownersVoteDetailSchema },
    },
    handler: (req) => openVote(deps, req.ctx, req.params.id),
  });
  app.post('/api/votes/:id/close', {
    config: staff,
    schema: {
      tags,
      summary: '结束表决：按面积与人数双过半（第六至八项四分之三）计票并公布结果及匿名票单',
      params: idParams,
      response: { 200: ownersVoteDetailSchema },
    },
    handler: (req) => closeVote(deps, req.ctx, req.params.id),
  });
  app.post('/api/votes/:id/paper-ballots', {
    config: staff,
    schema: {
      tags,
      summary:
        '录入纸质表决票或委托投票（附扫描件）：每位业主每个事项只能投一票，重复投票答 409 并说明已通过何种方式投票；相同 idempotencyKey 重试返回同一张票',
      params: idParams,
      body: paperBallotBodySchema,
      response: { 201: ballotReceiptSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await enterPaperBallot(deps, req.ctx, req.params.id, req.body)),
  });

  app.post('/api/my/owner-verification', {
    config: owner,
    schema: {
      tags,
      summary: '业主身份核验：身份证号码与本辖区登记的业主信息比对（加密比对，记入审计）',
      body: verifyOwnerBodySchema,
      response: { 200: z.object({ verified: z.literal(true) }) },
    },
    handler: (req) => verifyOwner(deps, req.ctx, req.body.idNumber),
  });
  app.get('/api/my/votes', {
    config: owner,
    schema: {
      tags,
      summary: '我的业主表决：本人在业主名册上的表决事项及本人的表决票',
      response: { 200: myOwnersVoteListSchema.extend({ verified: z.boolean() }) },
    },
    handler: (req) => myVotes(deps.db, req.ctx),
  });
  app.get('/api/my/votes/:id', {
    config: owner,
    schema: { tags, summary: '表决事项（业主本人）', params: idParams, response: { 200: myOwnersVoteSchema } },
    handler: (req) => myVote(deps.db, req.ctx, req.params.id),
  });
  app.post('/api/my/votes/:id/ballot', {
    config: owner,
    schema: {
      tags,
      summary: '手机投票：已核验的业主每个事项一票，返回回执码；相同 idempotencyKey 重试返回同一张票',
      params: idParams,
      body: phoneBallotBodySchema,
      response: { 201: ballotReceiptSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await castPhoneBallot(deps, req.ctx, req.params.id, req.body)),
  });

  app.get('/api/public/votes/:id', {
    config: {
      access: {
        public:
          'a closed vote’s published tally and anonymised ballot list (receipt hash, choice, area, headcount): no names, no units, so anyone can recompute it',
      },
    },
    schema: {
      tags,
      summary: '表决结果公示（无需登录）：计票结果与匿名票单，可据此复核',
      params: idParams,
      response: { 200: publishedOwnersVoteSchema },
    },
    handler: (req) => publishedVote(deps.db, req.params.id),
  });
  app.get('/api/public/votes/:id/receipts/:code', {
    config: {
      access: { public: 'a voter checks their own receipt code (60 bits, the credential) after the close' },
      rateLimit: {
        max: RECEIPT_CHECKS_PER_MINUTE,
        timeWindow: 60_000,
        keyGenerator: (req: FastifyRequest) => `vote-receipt:${loginAddressKey(req.ip)}`,
      },
    },
    schema: {
      tags,
      summary: '回执码核验（无需登录）：本人的表决票是否已计入及所计内容',
      params: receiptParams,
      response: { 200: receiptCheckSchema },
    },
    handler: (req) => checkReceipt(deps.db, req.params.id, req.params.code),
  });
}
