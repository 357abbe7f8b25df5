import { describe, expect, it } from 'vitest';
import { ROLE_ACTIONS, ROLES, conflictingSeparatedRoles, roleCan, roleSetProblem } from './roles.ts';

describe('三员分立 separation of duties', () => {
  it('no two of admin, security_admin, auditor share any privileged action', () => {
    const privileged = (r: 'admin' | 'security_admin' | 'auditor') =>
      ROLE_ACTIONS[r].filter((a) => a !== 'region.read' && a !== 'user.read');
    const [a, s, u] = [privileged('admin'), privileged('security_admin'), privileged('auditor')];
    expect(u.filter((x) => a.includes(x) || s.includes(x))).toEqual([]);
    expect(a.filter((x) => x !== 'user.assign_business_roles' && s.includes(x))).toEqual([]);
  });
  it('only the auditor reads the audit log; the auditor cannot create users', () => {
    expect(ROLES.filter((r) => roleCan([r], 'audit.read'))).toEqual(['auditor']);
    expect(roleCan(['auditor'], 'user.create')).toBe(false);
    expect(roleCan(['admin'], 'audit.read')).toBe(false);
  });
  it('detects an account holding two separated roles', () => {
    expect(conflictingSeparatedRoles(['admin', 'auditor'])).toEqual(['admin', 'auditor']);
    expect(conflictingSeparatedRoles(['admin', 'dispatcher'])).toEqual([]);
  });
  it('a 三员 account holds its one role alone: no business role beside it', () => {
    expect(roleSetProblem(['auditor', 'dispatcher'])?.code).toBe('user.separated_role_mix');
    expect(roleSetProblem(['grid_worker', 'security_admin'])?.code).toBe('user.separated_role_mix');
    expect(roleSetProblem(['admin', 'auditor'])?.code).toBe('user.roles_conflict');
    expect(roleSetProblem(['dispatcher', 'dispatcher'])?.code).toBe('user.roles_duplicate');
    expect(roleSetProblem(['admin'])).toBeNull();
    expect(roleSetProblem(['dispatcher', 'leader'])).toBeNull();
    expect(roleSetProblem([])).toBeNull();
  });
});
