import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log (a trigger refuses updates and deletes; see the custom migration).
 * Writers only insert; a background chainer later assigns `chain_no`, `prev_hash` and `hash`
 * in one pass, so no request ever waits on a chain-wide lock.
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
    chainNo: bigint('chain_no', { mode: 'bigint' }).unique(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    hashAlg: text('hash_alg'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_unchained_idx').on(t.id).where(sql`chain_no IS NULL`)],
);
