import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, tableCounts, type TestApp } from '../../../test/app.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ GEWU_LOGIN_RATE_LIMIT: '8' });
});
afterAll(async () => {
  await t.close();
});

const attempt = (username: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('login and sessions', () => {
  it('sets an HttpOnly SameSite session cookie and answers /me', async () => {
    const res = await attempt('dispatcher', DEMO_PASSWORD, '10.0.1.1');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gewu_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `gewu_session=${cookie?.value}` } });
    expect(me.json()).toMatchObject({ user: { username: 'dispatcher', roles: ['dispatcher'], region: { code: '410104001', name: '格物街道' } } });
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
  });

  it('refuses requests without a session in Chinese', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.unauthenticated', message: '请先登录' });
  });

  it('logout revokes the session server-side', async () => {
    const s = await login(t.app, 'leader', DEMO_PASSWORD, '10.0.1.2');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', ...as(s) })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(s) })).statusCode).toBe(401);
  });

  it('expires a session after its idle limit', async () => {
    const s = await login(t.app, 'mediator', DEMO_PASSWORD, '10.0.1.3');
    t.clock.advance(121 * 60_000);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(s) })).statusCode).toBe(401);
  });

  it('requires the CSRF token on state-changing requests and changes nothing without it', async () => {
    const s = await login(t.app, 'admin', DEMO_PASSWORD, '10.0.1.4');
    const before = await tableCounts(t.database);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.csrf' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'nope' } });
    expect(wrong.statusCode).toBe(403);
    expect(await tableCounts(t.database)).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(s) })).statusCode).toBe(200);
  });
});

describe('account lock and rate limit', () => {
  it('locks the account after 5 wrong passwords, with a Chinese message, for 15 minutes', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await attempt('handler', 'Wrong@pass1', '10.0.2.1');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    }
    const fifth = await attempt('handler', 'Wrong@pass1', '10.0.2.2');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('auth.locked');
    expect(fifth.json().message).toMatch(/账号已锁定.*15 分钟/);
    // Even the right password is refused while locked.
    const right = await attempt('handler', DEMO_PASSWORD, '10.0.2.3');
    expect(right.statusCode).toBe(423);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await attempt('handler', DEMO_PASSWORD, '10.0.2.3')).statusCode).toBe(200);
  });

  it('answers an unknown user like a wrong password', async () => {
    const res = await attempt('nobody-here', 'Whatever1!', '10.0.2.9');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalid_credentials');
  });

  it('rate-limits login attempts per IP', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 9; i++) codes.push((await attempt('nobody', 'x', '10.0.3.1')).statusCode);
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    const limited = await attempt('nobody', 'x', '10.0.3.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited', message: '请求过于频繁，请稍后再试' });
    // Another address is not affected.
    expect((await attempt('nobody', 'x', '10.0.3.2')).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('enforces the policy, checks the current password and signs out other sessions', async () => {
    const a = await login(t.app, 'gridworker', DEMO_PASSWORD, '10.0.4.1');
    const b = await login(t.app, 'gridworker', DEMO_PASSWORD, '10.0.4.2');
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/password', ...as(a), payload: { currentPassword: DEMO_PASSWORD, newPassword: 'password' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('auth.password_policy');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/password', ...as(a), payload: { currentPassword: 'Nope@1234', newPassword: 'New#Pass2026' } });
    expect(wrong.json().code).toBe('auth.wrong_password');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', ...as(a), payload: { currentPassword: DEMO_PASSWORD, newPassword: 'New#Pass2026' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(a) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(b) })).statusCode).toBe(401);
    expect((await attempt('gridworker', DEMO_PASSWORD, '10.0.4.3')).statusCode).toBe(401);
    expect((await attempt('gridworker', 'New#Pass2026', '10.0.4.3')).statusCode).toBe(200);
  });
});
