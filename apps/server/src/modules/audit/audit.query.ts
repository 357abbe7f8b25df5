import type { AuditEntry } from '@gewu/domain';
import { and, count, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, inScope } from '../../platform/access.ts';
import { auditChain, auditLog } from '../../platform/audit/audit.table.ts';
import { chainPendingAudit, recordAudit, verifyAuditChain } from '../../platform/audit/audit.service.ts';

export type AuditQueryDeps = { db: Db; clock: Clock; config: Pick<Config, 'GEWU_AUDIT_HASH'> };

interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
  actor?: string;
  outcome?: 'success' | 'denied' | 'failure';
  from?: string;
  to?: string;
}

/**
 * Audit entries for the auditor, newest first: rows in the auditor's region subtree plus rows tied
 * to no region (failed logins with unknown usernames, requests to unknown routes).
 */
export async function listAuditEntries(deps: AuditQueryDeps, ctx: RequestContext, q: AuditQuery) {
  const actor = authorize(ctx, 'audit.read');
  const where = and(
    or(inScope(actor, auditLog.regionPath), isNull(auditLog.regionPath)),
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.actor ? eq(auditLog.actorName, q.actor) : undefined,
    q.outcome ? eq(auditLog.outcome, q.outcome) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({ row: auditLog, chainNo: auditChain.chainNo })
      .from(auditLog)
      .leftJoin(auditChain, eq(auditChain.auditId, auditLog.id))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db.select({ n: count() }).from(auditLog).where(where),
  ]);
  // Reading the log is itself recorded.
  await recordAudit(deps.db, deps.clock, ctx, { action: 'audit.read', detail: { filter: { ...q } } });
  const items: AuditEntry[] = rows.map(({ row: r, chainNo }) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    actorRoles: r.actorRoles,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    regionPath: r.regionPath,
    ip: r.ip,
    outcome: r.outcome,
    detail: r.detail ?? null,
    chainNo: chainNo?.toString() ?? null,
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Links any pending rows, then checks the whole chain. */
export async function verifyAudit(deps: AuditQueryDeps, ctx: RequestContext) {
  authorize(ctx, 'audit.verify');
  await chainPendingAudit(deps.db, deps.config.GEWU_AUDIT_HASH);
  return verifyAuditChain(deps.db, deps.config.GEWU_AUDIT_HASH);
}
