import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  as,
  createTestApp,
  login,
  regionIdByCode,
  tableCounts,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

let t: TestApp;
let admin: Session;
let secadmin: Session;
let auditor: Session;
let dispatcher: Session;
let otherDispatcher: Session;
let otherUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  secadmin = await login(t.app, 'secadmin');
  auditor = await login(t.app, 'auditor');
  dispatcher = await login(t.app, 'dispatcher');
  // A dispatcher of the neighbouring township 知行街道, created by the admin.
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    ...as(admin),
    payload: {
      username: 'zx_dispatcher',
      displayName: '知行受理员',
      password: 'Init#2026a',
      regionId: await regionIdByCode(t.database, '410104002'),
      roles: ['dispatcher'],
    },
  });
  expect(created.statusCode).toBe(201);
  otherUserId = created.json().id;
  const first = await login(t.app, 'zx_dispatcher', 'Init#2026a');
  // A new account must change its initial password before doing anything else.
  const blocked = await t.app.inject({ method: 'GET', url: '/api/users', ...as(first) });
  expect(blocked.json().code).toBe('auth.must_change_password');
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    ...as(first),
    payload: { currentPassword: 'Init#2026a', newPassword: 'Zhixing#2026' },
  });
  otherDispatcher = first;
});
afterAll(async () => {
  await t.close();
});

describe('region scope', () => {
  it('a township dispatcher lists only users of their own township', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/users?pageSize=100', ...as(dispatcher) });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['dispatcher', 'gridworker', 'resident']));
    expect(names).not.toContain('zx_dispatcher');
    expect(names).not.toContain('admin'); // the admin sits at the county, above the township
    expect(res.json().items.every((u: { regionCode: string }) => u.regionCode.startsWith('410104001'))).toBe(true);
  });

  it('a township dispatcher cannot read a user of another township, nor filter by its region', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/users/${otherUserId}`, ...as(dispatcher) });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('user.not_found');
    const byRegion = await t.app.inject({
      method: 'GET',
      url: `/api/users?regionId=${await regionIdByCode(t.database, '410104002')}`,
      ...as(dispatcher),
    });
    expect(byRegion.statusCode).toBe(404);
    const regions = await t.app.inject({ method: 'GET', url: '/api/regions', ...as(dispatcher) });
    const codes = regions.json().items.map((r: { code: string }) => r.code);
    expect(codes[0]).toBe('410104001');
    expect(codes.every((c: string) => c.startsWith('410104001'))).toBe(true);
  });

  it('and the other way round', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/users?pageSize=100', ...as(otherDispatcher) });
    expect(res.json().items.map((u: { username: string }) => u.username)).toEqual(['zx_dispatcher']);
  });

  it('the county leader sees both townships', async () => {
    const leader = await login(t.app, 'leader');
    const res = await t.app.inject({ method: 'GET', url: '/api/users?pageSize=100&q=dispatcher', ...as(leader) });
    expect(
      res
        .json()
        .items.map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(['dispatcher', 'zx_dispatcher']);
  });
});

describe('三员分立 separation of duties', () => {
  it('an admin cannot read or verify the audit log', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', ...as(admin) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/audit/verify', ...as(admin) })).statusCode).toBe(403);
  });

  it('an auditor cannot create users; a security admin cannot either', async () => {
    const regionId = await regionIdByCode(t.database, '410104001');
    const before = await tableCounts(t.database);
    for (const s of [auditor, secadmin]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        ...as(s),
        payload: { username: 'sneaky', displayName: 'x', password: 'Init#2026a', regionId, roles: ['resident'] },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'access.denied' });
    }
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('an admin cannot grant separated roles; only the security admin can, never two at once', async () => {
    const denied = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${otherUserId}/roles`,
      ...as(admin),
      payload: { roles: ['auditor'] },
    });
    expect(denied.statusCode).toBe(403);
    const both = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${otherUserId}/roles`,
      ...as(secadmin),
      payload: { roles: ['admin', 'auditor'] },
    });
    expect(both.json().code).toBe('user.roles_conflict');
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${otherUserId}/roles`,
      ...as(secadmin),
      payload: { roles: ['dispatcher', 'leader'] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().roles).toEqual(['dispatcher', 'leader']);
  });

  it('the auditor reads the audit log, which records who did what from where', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/audit?action=user.create', ...as(auditor) });
    expect(res.statusCode).toBe(200);
    const entry = res.json().items[0];
    expect(entry).toMatchObject({
      action: 'user.create',
      actorName: 'admin',
      actorRoles: ['admin'],
      outcome: 'success',
      targetType: 'user',
      targetId: otherUserId,
      ip: expect.any(String),
    });
    expect(entry.regionPath).toContain('/410104002/');
    const denied = await t.app.inject({ method: 'GET', url: '/api/audit?outcome=denied&actor=admin', ...as(auditor) });
    expect(denied.json().items.some((e: { targetId: string }) => e.targetId === '/api/users/:id/roles')).toBe(true);
    const verify = await t.app.inject({ method: 'POST', url: '/api/audit/verify', ...as(auditor) });
    expect(verify.json()).toMatchObject({ ok: true, pending: 0 });
    expect(verify.json().checked).toBeGreaterThan(5);
  });
});

/** The roles stored for an account and how many successful role changes the audit log holds for it. */
async function rolesAndRoleAudits(username: string) {
  const [row] = await queryRows<{ roles: string[]; audits: number }>(
    t.database.db,
    sql`SELECT u.roles, (SELECT count(*)::int FROM audit_log a WHERE a.action = 'user.set_roles' AND a.outcome = 'success' AND a.target_id = u.id::text) AS audits FROM users u WHERE u.username = ${username}`,
  );
  return row;
}

async function userIdOf(username: string) {
  const [row] = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM users WHERE username = ${username}`);
  return row?.id as string;
}

describe('三员 accounts hold no business role (issue 12)', () => {
  it('neither the admin nor the security admin can add a business role to a 三员 account; nothing is written', async () => {
    for (const [target, roles] of [
      ['auditor', ['auditor', 'dispatcher']],
      ['secadmin', ['security_admin', 'grid_worker']],
      ['admin', ['admin', 'dispatcher']],
    ] as const) {
      const before = await rolesAndRoleAudits(target);
      for (const s of [admin, secadmin]) {
        const res = await t.app.inject({
          method: 'PUT',
          url: `/api/users/${await userIdOf(target)}/roles`,
          ...as(s),
          payload: { roles },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          code: 'user.separated_role_mix',
          message: '系统管理员、安全管理员、审计员账号不能兼任业务角色（三员分立）',
        });
      }
      expect(await rolesAndRoleAudits(target)).toEqual(before);
    }
  });

  it('a business account cannot be given a 三员 role beside its business role', async () => {
    const before = await rolesAndRoleAudits('gridworker');
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${await userIdOf('gridworker')}/roles`,
      ...as(secadmin),
      payload: { roles: ['grid_worker', 'auditor'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('user.separated_role_mix');
    expect(await rolesAndRoleAudits('gridworker')).toEqual({ roles: ['grid_worker'], audits: before?.audits });
  });

  it('an account cannot be created as a 三员 account with a business role', async () => {
    const regionId = await regionIdByCode(t.database, '410104');
    const before = await tableCounts(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      ...as(admin),
      payload: {
        username: 'mixed',
        displayName: '混合',
        password: 'Init#2026a',
        regionId,
        roles: ['dispatcher', 'auditor'],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('user.separated_role_mix');
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('an unchanged role list still needs the role-management permission, and writes nothing without it', async () => {
    const before = await rolesAndRoleAudits('gridworker');
    const leader = await login(t.app, 'leader');
    for (const s of [dispatcher, leader]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/users/${await userIdOf('gridworker')}/roles`,
        ...as(s),
        payload: { roles: ['grid_worker'] },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('access.denied');
    }
    expect(await rolesAndRoleAudits('gridworker')).toEqual(before);
  });

  it("an admin cannot rewrite a 三员 account's roles, even unchanged", async () => {
    const before = await rolesAndRoleAudits('auditor');
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${await userIdOf('auditor')}/roles`,
      ...as(admin),
      payload: { roles: ['auditor'] },
    });
    expect(res.statusCode).toBe(403);
    expect(await rolesAndRoleAudits('auditor')).toEqual(before);
  });

  it('the database itself refuses a 三员 role beside another role', async () => {
    const id = await userIdOf('auditor');
    await expect(
      t.database.db.execute(sql`UPDATE users SET roles = ARRAY['auditor', 'dispatcher']::text[] WHERE id = ${id}`),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`UPDATE users SET roles = ARRAY['admin', 'security_admin']::text[] WHERE id = ${id}`),
    ).rejects.toThrow();
    expect((await rolesAndRoleAudits('auditor'))?.roles).toEqual(['auditor']);
  });
});

describe('security admin account actions', () => {
  it('unlocks a locked account and forces sign-out everywhere', async () => {
    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'resident', password: 'Bad#pass99' },
        remoteAddress: '10.9.0.1',
      });
    const list = await t.app.inject({ method: 'GET', url: '/api/users?q=resident', ...as(secadmin) });
    const resident = list.json().items[0];
    // Five failures lock the account for 15 minutes from the fifth (the test clock stands still).
    expect(resident.lockedUntil).toBe(new Date(t.clock.now().getTime() + 15 * 60_000).toISOString());
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/users/${resident.id}/unlock`, ...as(admin) })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/users/${resident.id}/unlock`, ...as(secadmin) })).statusCode,
    ).toBe(204);
    // Unlocking lifts the pause on the address that failed too.
    const s = await login(t.app, 'resident', undefined, '10.9.0.1');
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/users/${resident.id}/sessions/revoke`, ...as(secadmin) }))
        .statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(s) })).statusCode).toBe(401);
  });

  it('an admin cannot disable a separated-role account', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/users?role=auditor', ...as(admin) });
    const id = list.json().items[0].id;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      ...as(admin),
      payload: { status: 'disabled' },
    });
    expect(res.statusCode).toBe(403);
  });
});
