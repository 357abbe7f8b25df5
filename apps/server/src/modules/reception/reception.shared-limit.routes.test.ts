import { idCheckChar, receiptNumberFrom } from '@gewu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { type Database, openDatabase } from '../../db/client.ts';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { as, createTestApp, login, type TestApp } from '../../../test/app.ts';

/*
 * The progress lookup's limits (5 wrong answers per number, 20 per address, an hour — issue 15) hold
 * for the deployment, not per server process: two app instances over one database (on PostgreSQL each
 * with its own connection pool, as two `api` processes would be) share one count, an instance started
 * afresh (a restart) still refuses, and a burst of parallel guesses spread over both gets no more than
 * five wrong answers checked.
 */

let t: TestApp;
let second: { app: AppInstance; database: Database | null };
let visits = 0;

const idOf = (body: string) => body + idCheckChar(body);

beforeAll(async () => {
  t = await createTestApp();
  // A second process: on PostgreSQL its own pool on the same database; PGlite lives in one process.
  const database = t.database.url ? await openDatabase({ url: t.database.url, poolSize: 5 }) : null;
  second = { app: await buildApp({ ...t.deps, ...(database ? { db: database.db } : {}) }), database };
});
afterAll(async () => {
  await second.app.close();
  await second.database?.close();
  await t.close();
});

/** A walk-in routed to legal advice (closed at once), with the phone 139876599NN: its receipt number. */
async function registerVisit(): Promise<string> {
  const n = ++visits;
  const dispatcher = await login(t.app, 'dispatcher', undefined, `10.42.0.${n}`);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/reception/visits',
    ...as(dispatcher),
    payload: {
      idempotencyKey: `shared-limit-${n}`,
      visitor: {
        anonymous: false,
        name: '钱多多',
        phone: `139876599${String(n).padStart(2, '0')}`,
        idNumber: idOf('41010419850612003'),
      },
      headcount: 1,
      category: 'legal_consultation',
      matter: '被拖欠工资怎么办',
      route: { track: 'legal_advice', adviserKind: 'lawyer', adviserName: '值班律师刘明', answer: '可申请劳动仲裁' },
    },
    remoteAddress: '10.9.9.9',
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { receiptNumber: string }).receiptNumber;
}

const lookup = (app: AppInstance, receiptNumber: string, phoneLast4: string, ip: string) =>
  app.inject({
    method: 'POST',
    url: '/api/reception/progress',
    payload: { receiptNumber, phoneLast4 },
    remoteAddress: ip,
  });

describe('the lookup limits across server instances', () => {
  it('counts wrong answers on either instance against one number: the sixth try is refused on both', async () => {
    const receipt = await registerVisit();
    // 3 wrong answers on the first instance, 2 on the second, each from its own address.
    for (let i = 0; i < 5; i++)
      expect((await lookup(i < 3 ? t.app : second.app, receipt, `100${i}`, `10.43.${i}.1`)).statusCode).toBe(404);
    for (const app of [t.app, second.app]) {
      const res = await lookup(app, receipt, '9901', '10.43.9.1');
      expect(res.statusCode).toBe(429);
      expect(res.json().code).toBe('reception.lookup_limited');
    }
  });

  it('still refuses on an instance started afresh (a restart), and frees the number after the hour on both', async () => {
    const receipt = await registerVisit();
    for (let i = 0; i < 5; i++) expect((await lookup(t.app, receipt, `200${i}`, `10.44.${i}.1`)).statusCode).toBe(404);
    const restarted = await buildApp(t.deps);
    try {
      expect((await lookup(restarted, receipt, '9902', '10.44.9.1')).statusCode).toBe(429);
      t.clock.advance(61 * 60_000);
      expect((await lookup(restarted, receipt, '9902', '10.44.9.1')).statusCode).toBe(200);
      expect((await lookup(second.app, receipt, '9902', '10.44.9.2')).statusCode).toBe(200);
    } finally {
      await restarted.close();
    }
  });

  it('counts one address over both instances: 20 wrong answers, then that address is refused on either', async () => {
    const receipt = await registerVisit();
    const ip = '10.45.0.1';
    // 20 different numbers, none on record but each well formed: alternately on the two instances.
    const absent = (i: number) => receiptNumberFrom(`3${String(i).padStart(10, '0')}`);
    for (let i = 0; i < 20; i++)
      expect((await lookup(i % 2 ? second.app : t.app, absent(i), '0001', ip)).statusCode).toBe(404);
    expect((await lookup(t.app, receipt, '9903', ip)).statusCode).toBe(429);
    expect((await lookup(second.app, receipt, '9903', ip)).statusCode).toBe(429);
    expect((await lookup(second.app, receipt, '9903', '10.45.0.2')).statusCode).toBe(200);
  });

  it('checks no more than five of twelve parallel guesses spread over both instances', async () => {
    const receipt = await registerVisit();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        lookup(i % 2 ? second.app : t.app, receipt, `50${String(i).padStart(2, '0')}`, `10.46.${i}.1`),
      ),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.every((c) => c === 404 || c === 429)).toBe(true);
    let checked = codes.filter((c) => c === 404).length;
    expect(checked).toBeLessThanOrEqual(5);
    // A refused guess was never checked and counts nothing (when the burst met itself, all twelve may have
    // been refused): wrong guesses one at a time are checked until the number has had five, never a sixth.
    for (let i = 0; i < 6; i++) {
      const res = await lookup(
        i % 2 ? second.app : t.app,
        receipt,
        `51${String(i).padStart(2, '0')}`,
        `10.46.${50 + i}.1`,
      );
      if (res.statusCode === 429) break;
      expect(res.statusCode).toBe(404);
      checked++;
    }
    expect(checked).toBe(5);
    expect((await lookup(second.app, receipt, '9904', '10.46.99.1')).statusCode).toBe(429);
  });
});
