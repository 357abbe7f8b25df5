import { describe, expect, it } from 'vitest';
import { assignableRoles, canEditRoles } from './roles.ts';

describe('assignableRoles (三员分立)', () => {
  it('lets the admin hand out business roles only', () => {
    expect(assignableRoles(['admin'])).toEqual([
      'resident',
      'grid_worker',
      'dispatcher',
      'handler',
      'mediator',
      'leader',
      'village_cadre',
    ]);
  });

  it('lets the security admin hand out every role, the separated ones included', () => {
    expect(assignableRoles(['security_admin'])).toContain('auditor');
    expect(assignableRoles(['security_admin'])).toHaveLength(10);
  });

  it('gives the auditor and business roles nothing to assign', () => {
    expect(assignableRoles(['auditor'])).toEqual([]);
    expect(canEditRoles(['auditor'])).toBe(false);
    expect(canEditRoles(['leader', 'dispatcher'])).toBe(false);
    expect(canEditRoles(['admin'])).toBe(true);
  });
});
