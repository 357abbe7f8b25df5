import { expect } from 'vitest';
import type { SQL } from 'drizzle-orm';
import { queryRows } from '../src/db/client.ts';
import { as, everyTableCount, type Session, type TestApp } from './app.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * The calls a routes test makes as a signed-in user: `call` (the raw response), `ok` (a 2xx, its body),
 * `refused` (the wanted status and code, and no table changed by it), `rows` (a query on the database).
 * `app` is read at each call, so a test file may build its app in `beforeAll`.
 */
export function routeCalls(app: () => TestApp) {
  const call = (s: Session, method: Method, url: string, payload?: object) =>
    app().app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });
  const ok = async (s: Session, method: Method, url: string, payload?: object) => {
    const res = await call(s, method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const refused = async (
    s: Session,
    method: Method,
    url: string,
    payload: object | undefined,
    want: [number, string],
  ) => {
    const before = await everyTableCount(app().database);
    const res = await call(s, method, url, payload);
    expect([res.statusCode, res.json().code], res.body).toEqual(want);
    expect(await everyTableCount(app().database)).toEqual(before);
    return res.json();
  };
  const rows = <T>(q: SQL) => queryRows<T>(app().database.db, q);
  return { call, ok, refused, rows };
}
