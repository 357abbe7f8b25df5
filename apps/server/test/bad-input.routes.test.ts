import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, regionIdByCode, tableCounts, type Session, type TestApp } from './app.ts';

let t: TestApp;
let admin: Session;
let regionId: string;

beforeAll(async () => {
  t = await createTestApp({ GEWU_BODY_LIMIT_BYTES: '4096' });
  // A route that fails unexpectedly, to check a 500 leaks nothing.
  t.app.get('/api/test/explode', { config: { access: { public: 'test' } } }, async () => {
    throw new Error('secret internals: password=hunter2 at /srv/db.ts:42');
  });
  admin = await login(t.app, 'admin');
  regionId = await regionIdByCode(t.database, '410104001');
});
afterAll(async () => {
  await t.close();
});

const good = () => ({
  username: 'newbie',
  displayName: '新人',
  password: 'Init#2026a',
  regionId,
  roles: ['grid_worker'],
});
const json = (s: Session) => as(s, { 'content-type': 'application/json' });

describe('bad input is refused with a code and a Chinese message, and writes nothing', () => {
  const cases: [string, () => Record<string, unknown>, number, string, string][] = [
    [
      'malformed JSON',
      () => ({ body: '{"username": "x",', ...json(admin) }),
      400,
      'request.malformed_json',
      '请求体不是合法的 JSON',
    ],
    [
      'an unknown field',
      () => ({ payload: { ...good(), isRoot: true }, ...as(admin) }),
      400,
      'validation.failed',
      '请求体不合法：不允许的字段：isRoot',
    ],
    [
      'a missing field',
      () => ({ payload: { ...good(), password: undefined }, ...as(admin) }),
      400,
      'validation.failed',
      '请求体不合法：password 缺少或类型错误',
    ],
    [
      'a wrong type',
      () => ({ payload: { ...good(), roles: 'admin' }, ...as(admin) }),
      400,
      'validation.failed',
      '请求体不合法：roles 缺少或类型错误',
    ],
    [
      'an unknown role',
      () => ({ payload: { ...good(), roles: ['king'] }, ...as(admin) }),
      400,
      'validation.failed',
      '请求体不合法：roles.0 取值不在允许范围内',
    ],
    [
      'a bad uuid',
      () => ({ payload: { ...good(), regionId: 'x' }, ...as(admin) }),
      400,
      'validation.failed',
      '请求体不合法：regionId 格式不正确',
    ],
    [
      'an oversized body',
      () => ({ payload: { ...good(), displayName: 'x'.repeat(5000) }, ...as(admin) }),
      413,
      'request.too_large',
      '请求体过大',
    ],
    [
      'a non-JSON content type',
      () => ({ body: 'username=x', ...as(admin, { 'content-type': 'text/plain' }) }),
      415,
      'request.unsupported_media_type',
      '不支持的请求内容类型',
    ],
    [
      'a weak password',
      () => ({ payload: { ...good(), password: 'password' }, ...as(admin) }),
      400,
      'auth.password_policy',
      '密码须包含大写字母、小写字母、数字、符号中的至少 3 类',
    ],
    [
      'a region outside the tree',
      () => ({ payload: { ...good(), regionId: '00000000-0000-4000-8000-000000000000' }, ...as(admin) }),
      404,
      'region.not_found',
      '区划不存在或不在您的管辖范围内',
    ],
    [
      'a taken username',
      () => ({ payload: { ...good(), username: 'dispatcher' }, ...as(admin) }),
      409,
      'user.username_taken',
      '用户名 dispatcher 已被使用',
    ],
  ];
  for (const [name, opts, status, code, message] of cases) {
    it(name, async () => {
      const before = await tableCounts(t.database);
      const res = await t.app.inject({ method: 'POST', url: '/api/users', ...opts() });
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toBe(message);
      expect(await tableCounts(t.database)).toEqual(before);
    });
  }

  it('validation details name the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { ...good(), isRoot: true, roles: 'x' },
      ...as(admin),
    });
    expect(res.json().message).toMatch(/请求体不合法/);
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['roles']));
    expect(res.json().message).toMatch(/isRoot/);
  });

  it('unknown query parameters are refused too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/users?drop=1', ...as(admin) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/查询参数不合法/);
  });

  it('an unknown route is a 404 with a code, for any method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/api/no-such-thing', ...as(admin) });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'route.not_found' });
    }
  });

  it('an unexpected error is a 500 with a request id and no internals', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/explode' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      code: 'internal',
      message: '服务器内部错误，请稍后重试',
      requestId: res.headers['x-request-id'],
    });
    expect(res.body).not.toMatch(/secret|hunter2|db\.ts/);
  });

  it('a valid request after all that succeeds', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/users', payload: good(), ...as(admin) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'newbie', roles: ['grid_worker'], regionCode: '410104001' });
  });
});

describe('system endpoints', () => {
  it('health reports the engine and migration version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', engine: t.database.engine, migrations: { upToDate: true } });
    expect(res.json().migrations.current).toMatch(/^\d{4}_/);
  });

  it('serves the OpenAPI document and a docs page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(['/api/users', '/api/auth/login', '/api/audit', '/api/regions']),
    );
    // The body schema is documented: its required fields as the route validates them.
    expect(doc.json().paths['/api/users'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['username', 'displayName', 'password', 'regionId', 'roles']),
    );
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
  });
});
