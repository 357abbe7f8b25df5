import { changePasswordBodySchema, loginBodySchema, sessionViewSchema } from '@gewu/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { requireActor } from '../../platform/access.ts';
import { SESSION_COOKIE } from '../../platform/http/session.ts';
import * as service from './auth.service.ts';
import { loginAddressKey } from '../../platform/http/login-address.ts';

export async function authRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['auth'];
  const secureCookie = deps.config.GEWU_COOKIE_SECURE ?? false;
  app.post('/api/auth/login', {
    config: {
      access: { public: 'signing in: anyone may try, answers tell nothing about accounts' },
      rateLimit: {
        max: deps.config.GEWU_LOGIN_RATE_LIMIT,
        timeWindow: '1 minute',
        keyGenerator: (req: FastifyRequest) => `login:${loginAddressKey(req.ip)}`,
      },
    },
    schema: { tags, summary: '登录', body: loginBodySchema, response: { 200: sessionViewSchema } },
    handler: async (req, reply) => {
      const res = await service.login(deps, req.ctx, { ...req.body, userAgent: req.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, res.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie,
        expires: res.expiresAt,
      });
      return { user: service.actorView(res.actor), csrfToken: res.csrfToken };
    },
  });
  app.post('/api/auth/logout', {
    config: { access: { roles: 'signed-in', scope: 'own', duringPasswordChange: true } },
    schema: { tags, summary: '退出登录', response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.logout(deps, req.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });
  app.get('/api/auth/me', {
    config: { access: { roles: 'signed-in', scope: 'own', duringPasswordChange: true } },
    schema: { tags, summary: '当前用户与 CSRF 令牌', response: { 200: sessionViewSchema } },
    handler: async (req) => ({ user: service.actorView(requireActor(req.ctx)), csrfToken: req.csrfToken ?? '' }),
  });
  app.post('/api/auth/password', {
    config: { access: { roles: 'signed-in', scope: 'own', duringPasswordChange: true } },
    schema: {
      tags,
      summary: '修改本人密码（其他会话将下线）',
      body: changePasswordBodySchema,
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await service.changeOwnPassword(deps, req.ctx, req.body);
      return reply.code(204).send(null);
    },
  });
}
