import { setImmediate } from 'node:timers/promises';
import { and, asc, desc, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import type { RequestContext } from '../context.ts';
import { auditLog } from './audit.table.ts';
import { type ChainedContent, GENESIS_HASH, type HashAlgorithm, chainHash } from './audit.chain.ts';

export interface AuditInput {
  action: string;
  outcome?: 'success' | 'denied' | 'failure';
  targetType?: string | null;
  targetId?: string | null;
  regionPath?: string | null;
  detail?: Record<string, unknown> | null;
  /** Overrides the context's actor (e.g. a failed login names the account tried). */
  actor?: { id: string; name: string; roles: string[] } | null;
}

/**
 * Appends one audit row. Call it inside the transaction that makes the change, so the change and
 * its record commit together. Only inserts: never waits on the chain.
 */
export async function recordAudit(db: Db, clock: Clock, ctx: RequestContext, input: AuditInput): Promise<void> {
  await db.insert(auditLog).values(auditRow(clock, ctx, input));
  ctx.audited = true;
}

/** The audit row for an input, for callers that write it themselves (then set `ctx.audited`). */
export function auditRow(clock: Clock, ctx: RequestContext, input: AuditInput): typeof auditLog.$inferInsert {
  const actor = input.actor !== undefined ? input.actor : ctx.actor && { id: ctx.actor.id, name: ctx.actor.username, roles: ctx.actor.roles };
  return {
    at: clock.now(),
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? null,
    actorRoles: actor?.roles ?? [],
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    regionPath: input.regionPath ?? ctx.actor?.regionPath ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    outcome: input.outcome ?? 'success',
    detail: input.detail ?? null,
  };
}

const CHAIN_LOCK = sql`hashtext('gewu.audit.chain')`;

function contentOf(row: typeof auditLog.$inferSelect): ChainedContent {
  const { chainNo: _c, prevHash: _p, hash: _h, hashAlg: _a, ...content } = row;
  return content;
}

/**
 * Links rows not yet chained onto the end of the chain, in id order. One instance at a time
 * (a transaction-scoped advisory lock; others skip), so writers never wait. Returns rows chained.
 *
 * It runs in the server beside requests, so it works in small batches written with one statement
 * each (the links go over as four arrays, not as thousands of parameters) and lets waiting requests
 * run between batches: a long synchronous stretch here would be every request's latency.
 */
export async function chainPendingAudit(db: Db, alg: HashAlgorithm, batchSize = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const [lock] = await queryRows<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${CHAIN_LOCK}) AS ok`);
      if (!lock?.ok) return 0;
      const [head] = await tx
        .select({ chainNo: auditLog.chainNo, hash: auditLog.hash })
        .from(auditLog)
        .where(isNotNull(auditLog.chainNo))
        .orderBy(desc(auditLog.chainNo))
        .limit(1);
      const pending = await tx.select().from(auditLog).where(isNull(auditLog.chainNo)).orderBy(asc(auditLog.id)).limit(batchSize);
      if (pending.length === 0) return 0;
      let prev = head?.hash ?? GENESIS_HASH;
      let no = head?.chainNo ?? 0n;
      const links = { ids: [] as string[], nos: [] as string[], prevs: [] as string[], hashes: [] as string[] };
      for (const row of pending) {
        no += 1n;
        const hash = chainHash(alg, prev, no, contentOf(row));
        links.ids.push(row.id.toString());
        links.nos.push(no.toString());
        links.prevs.push(prev);
        links.hashes.push(hash);
        prev = hash;
      }
      await tx.execute(sql`UPDATE audit_log AS a SET chain_no = v.chain_no, prev_hash = v.prev_hash, hash = v.hash, hash_alg = ${alg}
        FROM unnest(${sql.param(links.ids)}::bigint[], ${sql.param(links.nos)}::bigint[], ${sql.param(links.prevs)}::text[], ${sql.param(links.hashes)}::text[])
          AS v(id, chain_no, prev_hash, hash)
        WHERE a.id = v.id`);
      return pending.length;
    });
    total += n;
    if (n < batchSize) return total;
    await setImmediate();
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  pending: number;
  firstBrokenId: string | null;
  firstBrokenChainNo: string | null;
  reason: string | null;
  algorithm: string;
}

/** Walks the chain in order and names the first row whose link or content does not match. */
export async function verifyAuditChain(db: Db, defaultAlg: HashAlgorithm, batchSize = 5000): Promise<VerifyResult> {
  const [{ pending } = { pending: 0 }] = await db
    .select({ pending: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(isNull(auditLog.chainNo));
  let checked = 0;
  let prevHash: string | null = null;
  let prevNo: bigint | null = null;
  let after = 0n;
  const broken = (row: typeof auditLog.$inferSelect, reason: string): VerifyResult => ({
    ok: false,
    checked,
    pending,
    firstBrokenId: row.id.toString(),
    firstBrokenChainNo: row.chainNo?.toString() ?? null,
    reason,
    algorithm: row.hashAlg ?? defaultAlg,
  });
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(isNotNull(auditLog.chainNo), gt(auditLog.chainNo, after)))
      .orderBy(asc(auditLog.chainNo))
      .limit(batchSize);
    for (const row of rows) {
      const no = row.chainNo as bigint;
      if (prevNo === null) {
        // The oldest kept row anchors the chain; rows before it may have been purged by retention.
        if (no === 1n && row.prevHash !== GENESIS_HASH) return broken(row, '首条记录的前序哈希不是创世值');
      } else {
        if (no !== prevNo + 1n) return broken(row, `链序号不连续：${prevNo} 之后是 ${no}（有记录被删除）`);
        if (row.prevHash !== prevHash) return broken(row, '前序哈希与上一条记录不符');
      }
      const alg = (row.hashAlg ?? defaultAlg) as HashAlgorithm;
      if (chainHash(alg, row.prevHash ?? '', no, contentOf(row)) !== row.hash) return broken(row, '记录内容与其哈希不符（已被篡改）');
      prevHash = row.hash;
      prevNo = no;
      checked += 1;
    }
    if (rows.length < batchSize) break;
    after = prevNo ?? after;
  }
  return { ok: true, checked, pending, firstBrokenId: null, firstBrokenChainNo: null, reason: null, algorithm: defaultAlg };
}

/** Deletes chained rows older than the retention period (never fewer than 180 days). */
export async function purgeExpiredAudit(db: Db, clock: Clock, retentionDays: number): Promise<number> {
  const days = Math.max(180, retentionDays);
  const cutoff = new Date(clock.now().getTime() - days * 86_400_000);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('gewu.audit_maintenance', 'on', true)`);
    // Delete a prefix of the chain only (keeping at least its last row), so what remains verifies.
    const deleted = await queryRows<{ id: string }>(tx, sql`DELETE FROM audit_log WHERE chain_no < COALESCE(
        (SELECT min(chain_no) FROM audit_log WHERE at >= ${cutoff} AND chain_no IS NOT NULL),
        (SELECT max(chain_no) FROM audit_log)) AND at < ${cutoff} RETURNING id`);
    return deleted.length;
  });
}

