import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { as, createTestApp, login, regionIdByCode, type Session, type TestApp } from './app.ts';
import { captureLogs, findPersonalData } from './log-capture.ts';

// Hand-written valid numbers: 410104 19850612 345, check character 9 (GB 11643: weighted sum 256, 256 mod 11 = 3 → '9').
const ID = '410104198506123459';
const PHONE = '13812345678';

const logs = captureLogs();
let t: TestApp;
let dispatcher: Session;

beforeAll(async () => {
  t = await createTestApp({}, { logStream: logs.stream });
  dispatcher = await login(t.app, 'dispatcher');
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => logs.clear());

/** Makes every write to a table fail inside the database, as a broken constraint or disk would. */
async function failWritesTo(table: 'residents' | 'users' | 'api_keys', op: 'INSERT' | 'UPDATE') {
  await t.database.db.execute(
    sql.raw(
      `CREATE OR REPLACE FUNCTION gewu_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`,
    ),
  );
  await t.database.db.execute(
    sql.raw(
      `CREATE TRIGGER gewu_test_fail_${table} BEFORE ${op} ON ${table} FOR EACH ROW EXECUTE FUNCTION gewu_test_fail()`,
    ),
  );
  return () => t.database.db.execute(sql.raw(`DROP TRIGGER gewu_test_fail_${table} ON ${table}`));
}

function errorLines() {
  return logs.entries().filter((e) => e.level === 50);
}

describe('the logs hold no personal data or secrets', () => {
  it('the scanner itself finds what it looks for', () => {
    const text = [
      `{"url":"/api/residents?idNumber=${ID}"}`,
      `{"msg":"phone ${PHONE}"}`,
      '{"p":"$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g"}',
      '{"p":"gcm:AAAAAAAAAAAAAAAA:BBBBBBBB:CCCCCCCCCCCCCCCCCCCCCC=="}',
      '{"h":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}',
      '{"h":"Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1u"}',
      '{"reqId":"8d8a0c61-7f5e-4a6b-9b3e-1234567890ab","time":1767225600000,"n":410104198506123455}',
    ].join('\n');
    expect(findPersonalData(text, ['秘密值']).map((f) => [f.kind, f.line])).toEqual([
      ['id-number', 1],
      ['phone', 2],
      ['password-hash', 3],
      ['ciphertext', 4],
      ['hex-digest', 5],
      ['base64-digest', 6],
    ]);
    expect(findPersonalData('{"name":"秘密值"}', ['秘密值'])).toEqual([
      { kind: 'known-secret', match: '秘密值', line: 1 },
    ]);
  });

  it('a failed INSERT of a resident is logged without the query, its parameters, ciphertexts or hashes', async () => {
    const village = await regionIdByCode(t.database, '410104001002');
    const restore = await failWritesTo('residents', 'INSERT');
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/residents',
        ...as(dispatcher),
        payload: { villageId: village, name: '日志测试', idNumber: ID, phone: PHONE },
      });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'internal' });
    } finally {
      await restore();
    }
    // The failure itself was logged, with the database's reason…
    const errors = errorLines();
    expect(errors.length).toBeGreaterThan(0);
    const logged = JSON.stringify(errors);
    expect(logged).toContain('simulated failure');
    expect(logged).toContain('P0001');
    // …but nothing of the statement or what it carried.
    const text = logs.text();
    expect(text).not.toMatch(/insert into/i);
    expect(text).not.toContain('"params"');
    expect(text).not.toContain('日志测试');
    const idHash = t.deps.pii.lookupHash('id', ID);
    const phoneHash = t.deps.pii.lookupHash('phone', PHONE);
    expect(findPersonalData(text, [ID, PHONE, idHash, phoneHash])).toEqual([]);
  });

  it('a failed password change is logged without the argon2 hash', async () => {
    const s = await login(t.app, 'mediator');
    const restore = await failWritesTo('users', 'UPDATE');
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        ...as(s),
        payload: { currentPassword: 'Gewu@2026', newPassword: 'Xy7#logs-test' },
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await restore();
    }
    expect(errorLines().length).toBeGreaterThan(0);
    const text = logs.text();
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain('Xy7#logs-test');
    expect(findPersonalData(text)).toEqual([]);
  });

  it('a failed API-key insert is logged without the key or its hash', async () => {
    const admin = await login(t.app, 'admin');
    const township = await regionIdByCode(t.database, '410104001');
    const restore = await failWritesTo('api_keys', 'INSERT');
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/api-keys',
        ...as(admin),
        payload: { name: '日志测试密钥', regionId: township, source: 'open311' },
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await restore();
    }
    expect(errorLines().length).toBeGreaterThan(0);
    expect(findPersonalData(logs.text())).toEqual([]);
  });

  it('numbers in a query string are neither logged nor written to the audit log', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/residents?idNumber=${ID}&phone=${PHONE}`,
      ...as(dispatcher),
    });
    expect(list.statusCode).toBe(400);
    const search = await t.app.inject({
      method: 'POST',
      url: `/api/residents/search?idNumber=${ID}`,
      ...as(dispatcher),
      payload: { phone: PHONE },
    });
    expect(search.statusCode).toBe(200);
    const text = logs.text();
    // The request lines are there, with the parameter names and not their values.
    expect(text).toContain('/api/residents?idNumber=[redacted]&phone=[redacted]');
    expect(text).toContain('/api/residents/search?idNumber=[redacted]');
    expect(findPersonalData(text, [ID, PHONE])).toEqual([]);
    // The search's own audit row says what kind of number was looked up, not the number.
    const [searched] = await queryRows<{ detail: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT detail FROM audit_log WHERE action = 'person.search_by_number' ORDER BY id DESC LIMIT 1`,
    );
    expect(searched?.detail).toEqual({ by: 'phone', found: 0 });
    // A refused write is audited by the hook (onResponse, it may finish after inject returns), with the path only.
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/residents?idNumber=${ID}`,
      ...as(dispatcher),
      payload: { name: '' },
    });
    expect(refused.statusCode).toBe(400);
    let row: { detail: { url: string } } | undefined;
    for (let i = 0; i < 50 && !row; i++) {
      [row] = await queryRows<{ detail: { url: string } }>(
        t.database.db,
        sql`SELECT detail FROM audit_log WHERE target_id = '/api/residents' AND outcome = 'failure' ORDER BY id DESC LIMIT 1`,
      );
      if (!row) await new Promise((r) => setTimeout(r, 50));
    }
    expect(row?.detail.url).toBe('/api/residents');
    const [any] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE detail::text LIKE ${`%${ID}%`} OR detail::text LIKE ${`%${PHONE}%`}`,
    );
    expect(any?.n).toBe(0);
  });
});
