import { apiKeyListSchema, apiKeyViewSchema, createApiKeyBodySchema, createdApiKeySchema } from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as service from './apikeys.service.ts';

export async function apiKeyRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['api-keys'];
  app.get('/api/api-keys', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '接口密钥列表（不含密钥本身）',
      response: { 200: apiKeyListSchema },
    },
    handler: async (req) => ({ items: await service.listApiKeys(deps, req.ctx) }),
  });
  app.post('/api/api-keys', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '新建接口密钥（密钥明文仅此一次返回）',
      body: createApiKeyBodySchema,
      response: { 201: createdApiKeySchema },
    },
    handler: async (req, reply) => reply.code(201).send(await service.createApiKey(deps, req.ctx, req.body)),
  });
  app.post('/api/api-keys/:id/revoke', {
    config: { access: { roles: ['admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '吊销接口密钥',
      params: z.strictObject({ id: z.string().uuid() }),
      response: { 200: apiKeyViewSchema },
    },
    handler: (req) => service.revokeApiKey(deps, req.ctx, req.params.id),
  });
}
