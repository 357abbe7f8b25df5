import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { ManualClock } from '../clock.ts';
import { systemContext } from '../context.ts';
import { chainPendingAudit, purgeExpiredAudit, recordAudit, verifyAuditChain } from './audit.service.ts';
import { auditLog } from './audit.table.ts';

let database: TestDatabase;
const clock = new ManualClock();
const ctx = () => ({ ...systemContext(), ip: '10.1.2.3', requestId: 'req-1' });

async function write(n: number, action = 'test.write') {
  for (let i = 0; i < n; i++) await recordAudit(database.db, clock, ctx(), { action, detail: { i, nested: { z: 1, a: [i] } } });
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
    await expect(database.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE chain_no = 3`)).rejects.toThrow();
    await expect(database.db.execute(sql`DELETE FROM audit_log WHERE chain_no = 3`)).rejects.toThrow();
    await expect(database.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    expect((await verifyAuditChain(database.db, 'sha256')).ok).toBe(true);
  });

  it('names the first tampered row', async () => {
    const [target] = await database.db.select({ id: auditLog.id }).from(auditLog).where(sql`chain_no = 7`);
    await asDba(sql`UPDATE audit_log SET detail = '{"i": 999}'::jsonb WHERE chain_no = 7`);
    await asDba(sql`UPDATE audit_log SET outcome = 'failure' WHERE chain_no = 12`);
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
        await tx.execute(sql`DELETE FROM audit_log WHERE chain_no = 3`);
      });
      const result = await verifyAuditChain(other.db, 'sm3');
      expect(result).toMatchObject({ ok: false, firstBrokenChainNo: '4', algorithm: 'sm3' });
      expect(result.reason).toMatch(/不连续/);
    } finally {
      await other.close();
    }
  });

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
