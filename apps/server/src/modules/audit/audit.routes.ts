import { auditEntrySchema, auditListQuerySchema, auditVerifyResultSchema, pageOf } from '@gewu/domain';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as service from './audit.query.ts';

export async function auditRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['audit'];
  app.get('/api/audit', {
    config: { access: { roles: ['auditor'], scope: 'region' } },
    schema: {
      tags,
      summary: '审计日志（仅审计员）',
      querystring: auditListQuerySchema,
      response: { 200: pageOf(auditEntrySchema) },
    },
    handler: (req) => service.listAuditEntries(deps, req.ctx, req.query),
  });
  app.post('/api/audit/verify', {
    config: { access: { roles: ['auditor'], scope: 'shared' } },
    schema: { tags, summary: '校验审计哈希链（仅审计员）', response: { 200: auditVerifyResultSchema } },
    handler: (req) => service.verifyAudit(deps, req.ctx),
  });
}
