import { bigint, customType, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** PostgreSQL's 64-bit transaction id (`xid8`), read and written as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * Append-only audit log: a trigger refuses updates, deletes and truncation (see the custom
 * migrations); only the retention purge may delete, and only a prefix of the chain. Writers only
 * insert; a background chainer links each row into `audit_chain` later, so no request ever waits
 * on a chain-wide lock, and no row is ever written twice.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRoles: text('actor_roles').array().notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    regionPath: text('region_path'),
    ip: text('ip'),
    requestId: text('request_id'),
    outcome: text('outcome', { enum: ['success', 'denied', 'failure'] }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /**
     * The transaction that wrote the row. The chainer links rows in (tx, id) order, and only rows of
     * transactions older than every one still running, so a row committed late is never skipped.
     */
    tx: xid8('tx')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_tx_idx').on(t.tx, t.id)],
);

/**
 * The hash chain over the audit log, one row per audit row in chain order:
 * hash(n) = H(prev_hash ‖ chain_no ‖ canonical content of the audit row). Insert-only too.
 */
export const auditChain = pgTable('audit_chain', {
  chainNo: bigint('chain_no', { mode: 'bigint' }).primaryKey(),
  auditId: bigint('audit_id', { mode: 'bigint' })
    .notNull()
    .unique()
    .references(() => auditLog.id, { onDelete: 'cascade' }),
  /** The audit row's `tx`: with `audit_id`, where the next run of the chainer starts. */
  auditTx: xid8('audit_tx').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  hashAlg: text('hash_alg').notNull(),
});
