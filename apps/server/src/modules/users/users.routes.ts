import {
  createUserBodySchema,
  pageOf,
  resetPasswordBodySchema,
  setRolesBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userViewSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as service from './users.service.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

export async function userRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['users'];
  app.get('/api/users', {
    config: { access: { roles: ['dispatcher', 'leader', 'admin', 'security_admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '用户列表（仅管辖范围内）',
      querystring: userListQuerySchema,
      response: { 200: pageOf(userViewSchema) },
    },
    handler: (req) => service.listUsers(deps, req.ctx, req.query),
  });
  app.get('/api/users/:id', {
    config: { access: { roles: ['dispatcher', 'leader', 'admin', 'security_admin'], scope: 'region' } },
    schema: { tags, summary: '用户详情', params: idParams, response: { 200: userViewSchema } },
    handler: (req) => service.getUser(deps, req.ctx, req.params.id),
  });
  app.post('/api/users', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: { tags, summary: '新建用户（系统管理员）', body: createUserBodySchema, response: { 201: userViewSchema } },
    handler: async (req, reply) => reply.code(201).send(await service.createUser(deps, req.ctx, req.body)),
  });
  app.patch('/api/users/:id', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '修改用户（姓名、启用/停用）',
      params: idParams,
      body: updateUserBodySchema,
      response: { 200: userViewSchema },
    },
    handler: (req) => service.updateUser(deps, req.ctx, req.params.id, req.body),
  });
  app.put('/api/users/:id/roles', {
    config: { access: { roles: ['admin', 'security_admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '设置角色',
      params: idParams,
      body: setRolesBodySchema,
      response: { 200: userViewSchema },
    },
    handler: (req) => service.setUserRoles(deps, req.ctx, req.params.id, req.body.roles),
  });
  app.post('/api/users/:id/unlock', {
    config: { access: { roles: ['security_admin'], scope: 'region' } },
    schema: { tags, summary: '解除锁定（安全管理员）', params: idParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.unlockUser(deps, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/users/:id/password', {
    config: { access: { roles: ['security_admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '重置密码（安全管理员）',
      params: idParams,
      body: resetPasswordBodySchema,
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await service.resetUserPassword(deps, req.ctx, req.params.id, req.body.newPassword);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/users/:id/sessions/revoke', {
    config: { access: { roles: ['security_admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '强制下线：撤销该用户全部会话（安全管理员）',
      params: idParams,
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await service.revokeSessionsOfUser(deps, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  });
}
