import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addUser, as, createTestApp, login, tableCounts, type TestApp } from '../../../test/app.ts';
import { queryRows } from '../../db/client.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { recordLoginFailure } from '../users/sign-in.repository.ts';
import { loginAddressKey } from '../../platform/http/login-address.ts';

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
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `gewu_session=${cookie?.value}` },
    });
    expect(me.json()).toMatchObject({
      user: { username: 'dispatcher', roles: ['dispatcher'], region: { code: '410104001', name: '格物街道' } },
    });
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
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'nope' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(await tableCounts(t.database)).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(s) })).statusCode).toBe(200);
  });
});

describe('account lock and rate limit', () => {
  const brief = (res: { statusCode: number; json(): { code: string; message: string } }) => ({
    status: res.statusCode,
    code: res.json().code,
    message: res.json().message,
  });
  const wrongAnswer = { status: 401, code: 'auth.invalid_credentials', message: '用户名或密码错误' };

  it('answers a wrong password the same for a real, an unknown, a disabled and a locked account', async () => {
    await addUser(t.database, { username: 'same_off', role: 'mediator', regionCode: '410104001' });
    await t.database.db.execute(sql`UPDATE users SET status = 'disabled' WHERE username = 'same_off'`);
    await addUser(t.database, { username: 'same_locked', role: 'mediator', regionCode: '410104001' });
    // Locked against another address: from here it is just an account with a wrong password.
    for (let i = 0; i < 5; i++) await attempt('same_locked', 'Wrong@pass1', '10.0.4.99');
    for (const name of ['leader', 'nobody-at-all', 'same_off', 'same_locked'])
      expect([name, brief(await attempt(name, 'Wrong@pass1', '10.0.4.1'))]).toEqual([name, wrongAnswer]);
    // Only the right password may learn that the account is disabled.
    expect(brief(await attempt('same_off', DEMO_PASSWORD, '10.0.4.2'))).toEqual({
      status: 403,
      code: 'auth.disabled',
      message: '账号已停用，请联系管理员',
    });
  });

  it('pauses a name only on the address that failed; the right password from elsewhere still works', async () => {
    for (let i = 0; i < 4; i++) expect(brief(await attempt('handler', 'Wrong@pass1', '10.0.2.1'))).toEqual(wrongAnswer);
    const fifth = await attempt('handler', 'Wrong@pass1', '10.0.2.1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('auth.locked');
    expect(fifth.json().message).toBe('该用户名在本地址登录失败次数过多，已暂停登录，请 15 分钟后再试');
    // From the failing address even the right password is not checked while paused…
    expect((await attempt('handler', DEMO_PASSWORD, '10.0.2.1')).statusCode).toBe(423);
    // …but an attacker there cannot lock the real user out from their own address.
    expect((await attempt('handler', DEMO_PASSWORD, '10.0.2.7')).statusCode).toBe(200);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await attempt('handler', DEMO_PASSWORD, '10.0.2.1')).statusCode).toBe(200);
  });

  it('doubles the pause each time the same address fails again, up to a day', async () => {
    // Straight at the counter: the per-IP rate limit would refuse this many requests first.
    const key = { username: 'backoff_user', ip: '10.0.5.1' };
    const at = new Date('2027-03-01T08:00:00Z');
    const fiveFailures = async () => {
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await recordLoginFailure(t.database.db, key, at, 5, 15));
      return results;
    };
    expect(await fiveFailures()).toEqual([null, null, null, null, new Date('2027-03-01T08:15:00Z')]);
    expect((await fiveFailures())[4]).toEqual(new Date('2027-03-01T08:30:00Z'));
    expect((await fiveFailures())[4]).toEqual(new Date('2027-03-01T09:00:00Z'));
    for (let i = 0; i < 5; i++) await fiveFailures();
    expect((await fiveFailures())[4]).toEqual(new Date('2027-03-02T08:00:00Z'));
  });

  it('pauses an unknown name exactly like a real one', async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(brief(await attempt('nobody-here', 'Whatever1!', '10.0.2.9')));
    expect(answers.slice(0, 4)).toEqual(Array(4).fill(wrongAnswer));
    expect(answers[4]).toEqual({
      status: 423,
      code: 'auth.locked',
      message: '该用户名在本地址登录失败次数过多，已暂停登录，请 15 分钟后再试',
    });
  });

  it('counts an IPv6 address by its /64 and an IPv4 address whole', () => {
    expect(loginAddressKey('10.0.0.1')).toBe('10.0.0.1');
    expect(loginAddressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(loginAddressKey('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64');
    expect(loginAddressKey('2001:0DB8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(loginAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(loginAddressKey('2001:db8:1:3::a')).toBe('2001:db8:1:3::/64');
  });

  it('shares one pause between two IPv6 addresses of a /64, not between two /64s', async () => {
    await addUser(t.database, { username: 'v6_user', role: 'mediator', regionCode: '410104001' });
    for (let i = 0; i < 2; i++)
      expect(brief(await attempt('v6_user', 'Wrong@pass1', '2001:db8:1:2::a'))).toEqual(wrongAnswer);
    for (let i = 0; i < 2; i++)
      expect(brief(await attempt('v6_user', 'Wrong@pass1', '2001:db8:1:2:ffff::1'))).toEqual(wrongAnswer);
    // The fifth failure of the /64, from a third address in it, pauses the whole /64.
    expect((await attempt('v6_user', 'Wrong@pass1', '2001:db8:1:2::3')).statusCode).toBe(423);
    expect(brief(await attempt('v6_user', DEMO_PASSWORD, '2001:db8:1:2::4'))).toEqual({
      status: 423,
      code: 'auth.locked',
      message: '该用户名在本地址登录失败次数过多，已暂停登录，请 15 分钟后再试',
    });
    // The next /64 has its own count: a wrong password there is just wrong, the right one signs in.
    expect(brief(await attempt('v6_user', 'Wrong@pass1', '2001:db8:1:3::a'))).toEqual(wrongAnswer);
    expect((await attempt('v6_user', DEMO_PASSWORD, '2001:db8:1:3::b')).statusCode).toBe(200);
  });

  it('bounds the guesses at one name from many addresses; its owner still signs in from a known address', async () => {
    await addUser(t.database, { username: 'guarded_sec', role: 'security_admin', regionCode: '410104' });
    // The owner's usual place: signed in from there before the attack.
    expect((await attempt('guarded_sec', DEMO_PASSWORD, '10.7.0.1')).statusCode).toBe(200);
    const answers = [];
    for (let i = 1; i <= 60; i++) answers.push(brief(await attempt('guarded_sec', `Wrong@pass${i}`, `10.7.1.${i}`)));
    const paused = {
      status: 423,
      code: 'auth.locked',
      message: '该用户名在本地址登录失败次数过多，已暂停登录，请 15 分钟后再试',
    };
    // 50 (GEWU_LOGIN_ACCOUNT_FAILURES) wrong passwords are checked; then new addresses are paused.
    expect(answers).toEqual([...Array(50).fill(wrongAnswer), ...Array(10).fill(paused)]);
    // The security admin's list shows the account paused.
    const [row] = await queryRows<{ locked: boolean }>(
      t.database.db,
      sql`SELECT locked_until > ${t.clock.now()} AS locked FROM users WHERE username = 'guarded_sec'`,
    );
    expect(row?.locked).toBe(true);
    // Paused means the password is not checked, so the right one from a new address gets the same.
    expect(brief(await attempt('guarded_sec', DEMO_PASSWORD, '10.7.2.1'))).toEqual(paused);
    // The owner's known address is not paused: a wrong password there is just wrong, the right one signs in.
    expect(brief(await attempt('guarded_sec', 'Wrong@pass0', '10.7.0.1'))).toEqual(wrongAnswer);
    expect((await attempt('guarded_sec', DEMO_PASSWORD, '10.7.0.1')).statusCode).toBe(200);
    // Once the window has passed, a new address may try again.
    t.clock.advance(15 * 60_000 + 1000);
    expect((await attempt('guarded_sec', DEMO_PASSWORD, '10.7.2.2')).statusCode).toBe(200);
  });

  it('bounds an unknown name exactly like a real one (here with GEWU_LOGIN_ACCOUNT_FAILURES=10)', async () => {
    const small = await createTestApp({ GEWU_LOGIN_RATE_LIMIT: '8', GEWU_LOGIN_ACCOUNT_FAILURES: '10' });
    try {
      await addUser(small.database, { username: 'budget_real', role: 'mediator', regionCode: '410104001' });
      const run = async (name: string, net: number) => {
        const answers = [];
        for (let i = 1; i <= 15; i++) {
          const res = await small.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: name, password: 'Wrong@pass1' },
            remoteAddress: `10.8.${net}.${i}`,
          });
          answers.push(brief(res));
        }
        const right = await small.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: name, password: DEMO_PASSWORD },
          remoteAddress: `10.8.${net}.200`,
        });
        answers.push(brief(right));
        return answers;
      };
      const paused = {
        status: 423,
        code: 'auth.locked',
        message: '该用户名在本地址登录失败次数过多，已暂停登录，请 15 分钟后再试',
      };
      const expected = [...Array(10).fill(wrongAnswer), ...Array(6).fill(paused)];
      expect(await run('budget_real', 1)).toEqual(expected);
      expect(await run('budget_nobody', 2)).toEqual(expected);
    } finally {
      await small.close();
    }
  });

  it('keeps only a keyed hash of an unknown name in the audit log', async () => {
    const typed = '13912345678';
    for (const ip of ['10.0.6.1', '10.0.6.2'])
      expect(brief(await attempt(typed, 'Wrong@pass1', ip))).toEqual(wrongAnswer);
    // The audit row of a refused request is written as the response goes out: wait for it.
    const rows = await vi.waitFor(async () => {
      const found = await queryRows<{ detail: Record<string, unknown>; text: string }>(
        t.database.db,
        sql`SELECT detail, row_to_json(a)::text AS text FROM audit_log a WHERE action = 'auth.login' AND ip IN ('10.0.6.1', '10.0.6.2') ORDER BY id`,
      );
      expect(found).toHaveLength(2);
      return found;
    });
    for (const r of rows) {
      expect(r.text).not.toContain(typed);
      expect(r.detail).toMatchObject({
        usernameHash: t.deps.pii.lookupHash('login_name', typed),
        reason: 'unknown_user',
      });
      expect(r.detail).not.toHaveProperty('username');
    }
    // A real account's failure still names the account.
    await attempt('leader', 'Wrong@pass1', '10.0.6.3');
    await vi.waitFor(async () => {
      const found = await queryRows<{ name: string | null; detail: Record<string, unknown> }>(
        t.database.db,
        sql`SELECT actor_name AS name, detail FROM audit_log WHERE action = 'auth.login' AND ip = '10.0.6.3'`,
      );
      expect(found).toEqual([{ name: 'leader', detail: expect.objectContaining({ reason: 'wrong_password' }) }]);
    });
  });

  it('rate-limits login attempts per IP', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 9; i++) codes.push((await attempt(`nobody${i}`, 'x', '10.0.3.1')).statusCode);
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    const limited = await attempt('nobody', 'x', '10.0.3.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited', message: '请求过于频繁，请稍后再试' });
    // Another address is not affected.
    expect((await attempt('nobody', 'x', '10.0.3.2')).statusCode).toBe(401);
  });

  it('rate-limits an IPv6 /64 as one address', async () => {
    const codes: number[] = [];
    for (let i = 1; i <= 8; i++) codes.push((await attempt(`nobody_v6_${i}`, 'x', `2001:db8:9:9::${i}`)).statusCode);
    expect(codes).toEqual(Array(8).fill(401));
    expect((await attempt('nobody_v6', 'x', '2001:db8:9:9:abcd::1')).statusCode).toBe(429);
    expect((await attempt('nobody_v6', 'x', '2001:db8:9:a::1')).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('enforces the policy, checks the current password and signs out other sessions', async () => {
    const a = await login(t.app, 'gridworker', DEMO_PASSWORD, '10.0.4.1');
    const b = await login(t.app, 'gridworker', DEMO_PASSWORD, '10.0.4.2');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      ...as(a),
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'password' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('auth.password_policy');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      ...as(a),
      payload: { currentPassword: 'Nope@1234', newPassword: 'New#Pass2026' },
    });
    expect(wrong.json().code).toBe('auth.wrong_password');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      ...as(a),
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'New#Pass2026' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(a) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(b) })).statusCode).toBe(401);
    expect((await attempt('gridworker', DEMO_PASSWORD, '10.0.4.3')).statusCode).toBe(401);
    expect((await attempt('gridworker', 'New#Pass2026', '10.0.4.3')).statusCode).toBe(200);
  });
});
