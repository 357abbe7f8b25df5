import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../test/db.ts';
import { queryRows } from '../../db/client.ts';
import { ManualClock } from '../clock.ts';
import { systemContext } from '../context.ts';
import {
  chainPendingAudit,
  purgeExpiredAudit,
  recordAudit,
  unchainedAuditCount,
  verifyAuditChain,
} from './audit.service.ts';
import { auditLog } from './audit.table.ts';

let database: TestDatabase;
const clock = new ManualClock();
const ctx = () => ({ ...systemContext(), ip: '10.1.2.3', requestId: 'req-1' });

async function write(n: number, action = 'test.write') {
  for (let i = 0; i < n; i++)
    await recordAudit(database.db, clock, ctx(), { action, detail: { i, nested: { z: 1, a: [i] } } });
}

/** Runs SQL the way someone with direct database access would, bypassing the append-only trigger. */
async function asDba(query: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('gewu.audit_maintenance', 'on', true)`);
    await tx.execute(query);
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('audit hash chain', () => {
  it('chains pending rows in order and verifies them', async () => {
    await write(25);
    expect((await verifyAuditChain(database.db, 'sha256')).pending).toBe(25);
    expect(await chainPendingAudit(database.db, 'sha256', 10)).toBe(25);
    const result = await verifyAuditChain(database.db, 'sha256');
    expect(result).toMatchObject({ ok: true, checked: 25, pending: 0, firstBrokenId: null });
  });

  it('refuses updates and deletes of audit rows through the trigger', async () => {
    /** The database's own refusal (the driver wraps it as the cause). */
    const refusal = async (query: ReturnType<typeof sql>) => {
      const e = await database.db.execute(query).then(
        () => null,
        (err: unknown) => err as { message: string; cause?: { message: string } },
      );
      return e?.cause?.message ?? e?.message ?? 'not refused';
    };
    const third = sql`(SELECT audit_id FROM audit_chain WHERE chain_no = 3)`;
    expect(await refusal(sql`UPDATE audit_log SET action = 'x' WHERE id = ${third}`)).toMatch(
      /audit_log is append-only: update refused/,
    );
    expect(await refusal(sql`DELETE FROM audit_log WHERE id = ${third}`)).toMatch(
      /audit_log is append-only: delete refused/,
    );
    expect(await refusal(sql`TRUNCATE audit_log`)).toMatch(/cannot truncate a table referenced in a foreign key/);
    expect(await refusal(sql`TRUNCATE audit_log, audit_chain`)).toMatch(/is append-only: truncate refused/);
    // The chain itself is as closed.
    expect(await refusal(sql`UPDATE audit_chain SET hash = 'x' WHERE chain_no = 3`)).toMatch(
      /audit_chain is append-only: update refused/,
    );
    expect(await refusal(sql`DELETE FROM audit_chain WHERE chain_no = 3`)).toMatch(
      /audit_chain is append-only: delete refused/,
    );
    expect(await refusal(sql`TRUNCATE audit_chain`)).toMatch(/audit_chain is append-only: truncate refused/);
    expect((await verifyAuditChain(database.db, 'sha256')).ok).toBe(true);
  });

  it('names the first tampered row', async () => {
    const [target] = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(sql`id = (SELECT audit_id FROM audit_chain WHERE chain_no = 7)`);
    await asDba(
      sql`UPDATE audit_log SET detail = '{"i": 999}'::jsonb WHERE id = (SELECT audit_id FROM audit_chain WHERE chain_no = 7)`,
    );
    await asDba(
      sql`UPDATE audit_log SET outcome = 'failure' WHERE id = (SELECT audit_id FROM audit_chain WHERE chain_no = 12)`,
    );
    const result = await verifyAuditChain(database.db, 'sha256');
    expect(result.ok).toBe(false);
    expect(result.firstBrokenId).toBe(target?.id.toString());
    expect(result.firstBrokenChainNo).toBe('7');
    expect(result.reason).toMatch(/篡改/);
  });

  it('detects a deleted row as a gap', async () => {
    const other = await createTestDatabase();
    try {
      for (let i = 0; i < 5; i++) await recordAudit(other.db, clock, ctx(), { action: 'x', detail: { i } });
      await chainPendingAudit(other.db, 'sm3');
      await other.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('gewu.audit_maintenance', 'on', true)`);
        await tx.execute(sql`DELETE FROM audit_log WHERE id = (SELECT audit_id FROM audit_chain WHERE chain_no = 3)`);
      });
      const result = await verifyAuditChain(other.db, 'sm3');
      expect(result).toMatchObject({ ok: false, firstBrokenChainNo: '4', algorithm: 'sm3' });
      expect(result.reason).toMatch(/不连续/);
    } finally {
      await other.close();
    }
  });

  // PGlite has one connection: no transaction can stay open beside the chainer, so there is no race to run there.
  if (testEngine === 'postgresql') {
    it('links a row whose transaction commits after later rows, never skipping it', async () => {
      const other = await createTestDatabase();
      try {
        await recordAudit(other.db, clock, ctx(), { action: 'before' });
        let release!: () => void;
        let written!: () => void;
        const held = new Promise<void>((r) => (release = r));
        const didWrite = new Promise<void>((r) => (written = r));
        const late = other.db.transaction(async (tx) => {
          await recordAudit(tx, clock, ctx(), { action: 'late' });
          written();
          await held;
        });
        await didWrite;
        await recordAudit(other.db, clock, ctx(), { action: 'after' }); // committed first, though written later
        // Only what no running transaction can precede: 'after' waits for 'late'.
        expect(await chainPendingAudit(other.db, 'sha256')).toBe(1);
        expect(await unchainedAuditCount(other.db)).toBe(1);
        release();
        await late;
        expect(await chainPendingAudit(other.db, 'sha256')).toBe(2);
        const order = await queryRows<{ action: string }>(
          other.db,
          sql`SELECT a.action FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id ORDER BY c.chain_no`,
        );
        expect(order.map((r) => r.action)).toEqual(['before', 'late', 'after']);
        expect(await verifyAuditChain(other.db, 'sha256')).toMatchObject({ ok: true, checked: 3, pending: 0 });
      } finally {
        await other.close();
      }
    });
  }

  it('keeps the chain valid under concurrent writers and chainers, and purges only old prefixes', async () => {
    const other = await createTestDatabase();
    try {
      const writers = Array.from({ length: 8 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 20; i++) await recordAudit(other.db, clock, ctx(), { action: 'burst', detail: { w, i } });
        })(),
      );
      const chainers = Array.from({ length: 3 }, () => chainPendingAudit(other.db, 'sha256', 7));
      await Promise.all([...writers, ...chainers]);
      await chainPendingAudit(other.db, 'sha256');
      expect(await verifyAuditChain(other.db, 'sha256')).toMatchObject({ ok: true, checked: 160, pending: 0 });

      clock.advance(200 * 86_400_000);
      await recordAudit(other.db, clock, ctx(), { action: 'later' });
      await chainPendingAudit(other.db, 'sha256');
      expect(await purgeExpiredAudit(other.db, clock, 180)).toBe(160);
      expect(await verifyAuditChain(other.db, 'sha256')).toMatchObject({ ok: true, checked: 1 });
    } finally {
      await other.close();
    }
  });
});
