import { setImmediate } from 'node:timers/promises';
import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import type { RequestContext } from '../context.ts';
import { auditChain, auditLog } from './audit.table.ts';
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
  const actor =
    input.actor !== undefined
      ? input.actor
      : ctx.actor && { id: ctx.actor.id, name: ctx.actor.username, roles: ctx.actor.roles };
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

type AuditRow = typeof auditLog.$inferSelect;

/** What the hash covers: the row as written (not the transaction id it was written by). */
function contentOf(row: AuditRow): ChainedContent {
  const { tx: _tx, ...content } = row;
  return content;
}

/**
 * Links rows not yet chained onto the end of the chain. One instance at a time (a
 * transaction-scoped advisory lock; others skip), so writers never wait. Returns rows chained.
 *
 * Rows are taken in (tx, id) order after the last linked row, and only rows written by
 * transactions older than the oldest one still running (`pg_snapshot_xmin`): those have all
 * committed or rolled back, so no row can later appear before a row already linked — a row whose
 * transaction commits late is linked when it is visible, never skipped. The chain is a table of its
 * own, written only by inserts: audit rows are never rewritten, and finding the next rows reads
 * forward from the last link (no index of "unchained" rows to fill with dead entries).
 *
 * It runs in the server beside requests, so it works in small batches written with one statement
 * each (the links go over as arrays, not as thousands of parameters) and lets waiting requests run
 * between batches: a long synchronous stretch here would be every request's latency.
 */
export async function chainPendingAudit(db: Db, alg: HashAlgorithm, batchSize = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const [lock] = await queryRows<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${CHAIN_LOCK}) AS ok`);
      if (!lock?.ok) return 0;
      const [head] = await tx
        .select({
          chainNo: auditChain.chainNo,
          auditId: auditChain.auditId,
          auditTx: auditChain.auditTx,
          hash: auditChain.hash,
        })
        .from(auditChain)
        .orderBy(desc(auditChain.chainNo))
        .limit(1);
      const pending = await tx
        .select()
        .from(auditLog)
        .where(
          sql`(${auditLog.tx}, ${auditLog.id}) > (${head?.auditTx ?? '0'}::xid8, ${head?.auditId ?? 0n}) AND ${auditLog.tx} < pg_snapshot_xmin(pg_current_snapshot())`,
        )
        .orderBy(asc(auditLog.tx), asc(auditLog.id))
        .limit(batchSize);
      if (pending.length === 0) return 0;
      let prev = head?.hash ?? GENESIS_HASH;
      let no = head?.chainNo ?? 0n;
      const links = {
        nos: [] as string[],
        ids: [] as string[],
        txs: [] as string[],
        prevs: [] as string[],
        hashes: [] as string[],
      };
      for (const [i, row] of pending.entries()) {
        // Hashing 200 rows holds the event loop for a few milliseconds: let requests in every 50.
        if (i > 0 && i % 50 === 0) await setImmediate();
        no += 1n;
        const hash = chainHash(alg, prev, no, contentOf(row));
        links.nos.push(no.toString());
        links.ids.push(row.id.toString());
        links.txs.push(row.tx);
        links.prevs.push(prev);
        links.hashes.push(hash);
        prev = hash;
      }
      await tx.execute(sql`INSERT INTO audit_chain (chain_no, audit_id, audit_tx, prev_hash, hash, hash_alg)
        SELECT v.chain_no, v.audit_id, v.audit_tx, v.prev_hash, v.hash, ${alg}
        FROM unnest(${sql.param(links.nos)}::bigint[], ${sql.param(links.ids)}::bigint[], ${sql.param(links.txs)}::xid8[], ${sql.param(links.prevs)}::text[], ${sql.param(links.hashes)}::text[])
          AS v(chain_no, audit_id, audit_tx, prev_hash, hash)`);
      return pending.length;
    });
    total += n;
    if (n < batchSize) return total;
    await setImmediate();
  }
}

/**
 * Audit rows not linked into the chain yet: every row before the last link in (tx, id) order is
 * linked (see chainPendingAudit), so these are the rows after it, read from the (tx, id) index.
 */
export async function unchainedAuditCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM audit_log a, (SELECT audit_tx, audit_id FROM audit_chain ORDER BY chain_no DESC LIMIT 1) h WHERE (a.tx, a.id) > (h.audit_tx, h.audit_id))::int
      + (SELECT count(*) FROM audit_log WHERE NOT EXISTS (SELECT 1 FROM audit_chain))::int AS n`,
  );
  return row?.n ?? 0;
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
  const pending = await unchainedAuditCount(db);
  let checked = 0;
  let prevHash: string | null = null;
  let prevNo: bigint | null = null;
  let after = 0n;
  type Linked = { row: AuditRow; link: typeof auditChain.$inferSelect };
  const broken = ({ row, link }: Linked, reason: string): VerifyResult => ({
    ok: false,
    checked,
    pending,
    firstBrokenId: row.id.toString(),
    firstBrokenChainNo: link.chainNo.toString(),
    reason,
    algorithm: link.hashAlg,
  });
  for (;;) {
    const rows: Linked[] = await db
      .select({ row: auditLog, link: auditChain })
      .from(auditChain)
      .innerJoin(auditLog, eq(auditLog.id, auditChain.auditId))
      .where(gt(auditChain.chainNo, after))
      .orderBy(asc(auditChain.chainNo))
      .limit(batchSize);
    for (const linked of rows) {
      const { row, link } = linked;
      const no = link.chainNo;
      if (prevNo === null) {
        // The oldest kept row anchors the chain; rows before it may have been purged by retention.
        if (no === 1n && link.prevHash !== GENESIS_HASH) return broken(linked, '首条记录的前序哈希不是创世值');
      } else {
        if (no !== prevNo + 1n) return broken(linked, `链序号不连续：${prevNo} 之后是 ${no}（有记录被删除）`);
        if (link.prevHash !== prevHash) return broken(linked, '前序哈希与上一条记录不符');
      }
      if (chainHash(link.hashAlg as HashAlgorithm, link.prevHash, no, contentOf(row)) !== link.hash)
        return broken(linked, '记录内容与其哈希不符（已被篡改）');
      prevHash = link.hash;
      prevNo = no;
      checked += 1;
    }
    if (rows.length < batchSize) break;
    after = prevNo ?? after;
  }
  return {
    ok: true,
    checked,
    pending,
    firstBrokenId: null,
    firstBrokenChainNo: null,
    reason: null,
    algorithm: defaultAlg,
  };
}

/** Deletes chained rows older than the retention period (never fewer than 180 days). */
export async function purgeExpiredAudit(db: Db, clock: Clock, retentionDays: number): Promise<number> {
  const days = Math.max(180, retentionDays);
  const cutoff = new Date(clock.now().getTime() - days * 86_400_000);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('gewu.audit_maintenance', 'on', true)`);
    // Delete a prefix of the chain only (keeping at least its last row), so what remains verifies.
    // Their links go with them (ON DELETE CASCADE).
    const deleted = await queryRows<{ id: string }>(
      tx,
      sql`DELETE FROM audit_log WHERE at < ${cutoff} AND id IN (SELECT c.audit_id FROM audit_chain c WHERE c.chain_no < COALESCE(
        (SELECT min(k.chain_no) FROM audit_chain k JOIN audit_log a ON a.id = k.audit_id WHERE a.at >= ${cutoff}),
        (SELECT max(k.chain_no) FROM audit_chain k))) RETURNING id`,
    );
    return deleted.length;
  });
}
