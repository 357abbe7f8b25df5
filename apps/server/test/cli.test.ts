import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../src/db/client.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

const run = promisify(execFile);
const serverDir = path.resolve(import.meta.dirname, '..');
const tsx = path.resolve(serverDir, '../../node_modules/.bin/tsx');

let dataDir: string;
let pgDatabase: TestDatabase | null = null;

/** Runs `npm run gewu -- <args>` the way an operator would (tsx src/cli.ts), against the test database. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env, GEWU_DATA_DIR: dataDir, DATABASE_URL: pgDatabase?.url ?? '', GEWU_LOG_LEVEL: 'silent' };
  if (!pgDatabase) delete (env as Record<string, string | undefined>).DATABASE_URL;
  try {
    const { stdout, stderr } = await run(tsx, ['src/cli.ts', ...args], { cwd: serverDir, env });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** Opens the same database the CLI uses (for PGlite only while the CLI is not running). */
async function withDb<T>(fn: (db: Database['db']) => Promise<T>): Promise<T> {
  const database = pgDatabase ?? (await openDatabase({ dataDir: path.join(dataDir, 'pglite') }));
  try {
    return await fn(database.db);
  } finally {
    if (!pgDatabase) await database.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-cli-'));
  if (process.env.TEST_DATABASE_URL) pgDatabase = await createTestDatabase();
});
afterAll(async () => {
  await pgDatabase?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each step starts a fresh node + tsx process (migrations and the demo seed included): on a busy 2-core
// machine that alone has taken over 60 s for the first test, so these tests get a wider limit.
describe('gewu CLI', { timeout: 180_000 }, () => {
  it('migrates, seeds, creates a user and resets a password', async () => {
    expect((await cli('migrate')).code).toBe(0);
    expect((await cli('seed')).out).toMatch(/演示数据已创建/);
    expect((await cli('seed')).out).toMatch(/未写入演示数据/);
    const created = await cli(
      'create-user',
      '--username',
      'ops1',
      '--name',
      '运维一',
      '--region',
      '410104001',
      '--roles',
      'dispatcher,leader',
      '--password',
      'Ops#2026ab',
    );
    expect(created).toMatchObject({ code: 0 });
    expect(
      (
        await cli(
          'create-user',
          '--username',
          'ops2',
          '--name',
          'x',
          '--region',
          '410104',
          '--roles',
          'admin,auditor',
          '--password',
          'Ops#2026ab',
        )
      ).code,
    ).toBe(2);
    expect((await cli('reset-password', '--username', 'ops1', '--password', 'weak')).out).toMatch(/密码至少 8 位/);
    expect((await cli('reset-password', '--username', 'ops1', '--password', 'Reset#2026x')).code).toBe(0);
    const users = await withDb((db) =>
      queryRows<{ roles: string[]; must_change_password: boolean }>(
        db,
        sql`SELECT roles, must_change_password FROM users WHERE username = 'ops1'`,
      ),
    );
    expect(users).toEqual([{ roles: ['dispatcher', 'leader'], must_change_password: true }]);
  });

  it('create-user refuses a 三员 role beside a business role and writes nothing', async () => {
    expect((await cli('migrate')).code).toBe(0);
    const res = await cli(
      'create-user',
      '--username',
      'ops3',
      '--name',
      'x',
      '--region',
      '410104',
      '--roles',
      'auditor,dispatcher',
      '--password',
      'Ops#2026ab',
    );
    expect(res.code).toBe(2);
    expect(res.out).toMatch(/不能兼任业务角色/);
    expect(await withDb((db) => queryRows(db, sql`SELECT id FROM users WHERE username = 'ops3'`))).toEqual([]);
  });

  it('verify-audit passes on an intact chain and names the first tampered row', async () => {
    const ok = await cli('verify-audit');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/审计链完整.*\d+ rows checked/);
    const target = await withDb(async (db) => {
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`SELECT a.id::text FROM audit_log a JOIN audit_chain c ON c.audit_id = a.id WHERE a.action = 'user.create' ORDER BY c.chain_no LIMIT 1`,
      );
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('gewu.audit_maintenance', 'on', true)`);
        await tx.execute(sql`UPDATE audit_log SET actor_name = 'someone-else' WHERE id = ${row?.id}::bigint`);
      });
      return row?.id;
    });
    const broken = await cli('verify-audit');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN at row id=${target} `);
  });

  it('purge-attachments deletes a photo no record links to once it is older than the limit, files included', async () => {
    const rel = (id: string, ext: string) => `attachments/2026/01/${id}${ext}`;
    const old = '00000000-0000-4000-8000-00000000a001';
    const young = '00000000-0000-4000-8000-00000000a002';
    await withDb(async (db) => {
      for (const [id, age] of [
        [old, '31 days'],
        [young, '1 day'],
      ] as const) {
        await db.execute(sql`INSERT INTO attachments (id, sha256, mime, bytes, original_path, public_path, thumb_path, created_at)
          VALUES (${id}, 'x', 'image/png', 1, ${rel(id, '.orig')}, ${rel(id, '.jpg')}, ${rel(id, '.thumb.jpg')}, now() - ${age}::interval)`);
      }
    });
    fs.mkdirSync(path.join(dataDir, 'attachments/2026/01'), { recursive: true });
    for (const id of [old, young])
      for (const ext of ['.orig', '.jpg', '.thumb.jpg']) fs.writeFileSync(path.join(dataDir, rel(id, ext)), 'x');

    const res = await cli('purge-attachments');
    expect(res).toMatchObject({ code: 0, out: expect.stringContaining('已清理 1 张') });
    const left = await withDb((db) =>
      queryRows<{ id: string }>(db, sql`SELECT id FROM attachments WHERE id IN (${old}, ${young})`),
    );
    expect(left).toEqual([{ id: young }]);
    expect(fs.existsSync(path.join(dataDir, rel(old, '.orig')))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, rel(young, '.orig')))).toBe(true);
  });

  it('prints usage for an unknown command', async () => {
    const res = await cli('frobnicate');
    expect(res.code).toBe(2);
    expect(res.out).toMatch(/verify-audit/);
  });
});
