/** Roles from domain.md. The last three are the 三员分立 (separation of duties) roles of 等保 2.0. */
export const ROLES = [
  'resident', // 群众
  'grid_worker', // 网格员
  'dispatcher', // 受理/派遣员
  'handler', // 职能部门/处置单位
  'mediator', // 调解员
  'leader', // 领导
  'admin', // 系统管理员
  'security_admin', // 安全保密管理员
  'auditor', // 安全审计员
  'village_cadre', // 村(居)干部
] as const;
export type Role = (typeof ROLES)[number];

/** 三员: no account may hold more than one of these, and none can do the others' work. */
export const SEPARATED_ROLES: readonly Role[] = ['admin', 'security_admin', 'auditor'];

/** Returns the separated roles in `roles` when more than one is present (an invalid combination). */
export function conflictingSeparatedRoles(roles: readonly Role[]): Role[] {
  const held = roles.filter((r) => SEPARATED_ROLES.includes(r));
  return held.length > 1 ? held : [];
}

export type RoleSetProblem = {
  code: 'user.roles_duplicate' | 'user.roles_conflict' | 'user.separated_role_mix';
  message: string;
};

/**
 * The one rule on which roles an account may hold together (等保 2.0 三员分立, GB/T 22239-2019
 * 安全管理中心: 系统管理员、审计管理员、安全管理员 are separate accounts that do only their own work).
 * An account holding admin, security_admin or auditor holds that role alone: a 三员 account with a
 * business role (e.g. dispatcher) could read and reveal residents' personal data, which is exactly
 * the work the three must not do. The database enforces the same rule (users_separated_role_alone).
 */
export function roleSetProblem(roles: readonly Role[]): RoleSetProblem | null {
  if (new Set(roles).size !== roles.length) return { code: 'user.roles_duplicate', message: '角色不能重复' };
  if (conflictingSeparatedRoles(roles).length)
    return {
      code: 'user.roles_conflict',
      message: '系统管理员、安全管理员、审计员三种角色不能由同一账号兼任（三员分立）',
    };
  const separated = roles.filter((r) => SEPARATED_ROLES.includes(r));
  if (separated.length && roles.length > separated.length)
    return {
      code: 'user.separated_role_mix',
      message: '系统管理员、安全管理员、审计员账号不能兼任业务角色（三员分立）',
    };
  return null;
}

/** Every action the access layer knows. Services ask `can(actor, action, regionPath)`. */
export const ACTIONS = [
  'region.read',
  'region.manage',
  'user.read',
  'user.create',
  'user.update',
  'user.assign_business_roles',
  'user.assign_separated_roles',
  'user.unlock',
  'user.reset_password',
  'session.revoke',
  'audit.read',
  'audit.verify',
  'grid.read',
  'grid.manage',
  'person.read',
  'person.manage',
  'person.reveal',
  'special_population.read',
  'special_population.manage',
  'base.import',
  'base.export',
  'stats.read',
  'case.report',
  'case.read',
  'case.centre',
  'case.handle',
  'case.supervise',
  'item.read',
  'item.manage',
  'item.propose',
  'item.approve',
  'calendar.manage',
  'unit.manage',
  'apikey.manage',
  'dispute.read',
  'dispute.centre',
  'dispute.mediate',
  'dispute.manage',
  'reception.register',
  'reception.read',
  'petition.read',
  'petition.centre',
  'petition.supervise',
  'screening.report',
  'screening.read',
  'deliberation.read',
  'deliberation.manage',
  // 业主共同决定 (民法典 art. 278): staff run an estate's vote; an owner casts their own ballot.
  'vote.manage',
  'vote.cast',
  // 村(居)务公开: publish a village's notices and answer residents' questions about them (质询).
  'notice.publish',
  'notice.answer',
  // 民生微实事: residents propose small projects for their village/community and follow them.
  'project.propose',
  'project.read',
  // 巡查: a grid worker records their own patrols; the township centre and leaders read their area's.
  'patrol.record',
  'patrol.read',
  // 隐患排查: grid workers inspect places of their grid from checklist templates; the centre edits templates.
  'inspection.perform',
  'inspection.read',
  'inspection.template_manage',
  // 群防群治: teams and their members, volunteers' registrations and activities (forces); a resident volunteers.
  'forces.read',
  'forces.manage',
  'forces.volunteer',
  // The county's visit intervals for special populations (configuration, no personal data; county accounts only).
  'visit_plan.configure',
  // A key place's patrol check-in radius (base data, no personal data): the township centre, the county admin.
  'key_place.configure',
  // A province's, city's or county's duty norm for patrols (巡查履职标准; configuration, the admin's).
  'patrol.norm_manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Role → actions. 三员分立: admin runs the system (regions, accounts, business roles);
 * security_admin owns permissions and account security; auditor alone reads the audit log.
 */
export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  // Residents report and follow their own reports only.
  resident: ['case.report', 'item.read', 'vote.cast', 'project.propose', 'project.read', 'forces.volunteer'],
  // Grid workers keep the base data of their own grid/village (一表通) and visit special populations.
  grid_worker: [
    'region.read',
    'grid.read',
    'person.read',
    'person.manage',
    'person.reveal',
    'special_population.read',
    'special_population.manage',
    'base.export',
    'stats.read',
    'case.report',
    'case.read',
    'case.handle',
    'item.read',
    // 排查: the grid's report for each period, a zero report included.
    'screening.report',
    // 巡查: their own patrols (track, check-ins), read back with their summary.
    'patrol.record',
    'patrol.read',
    'inspection.perform',
    'inspection.read',
  ],
  // The township centre (综治中心) keeps the whole township's base data and imports it in bulk.
  dispatcher: [
    'region.read',
    'user.read',
    'grid.read',
    'person.read',
    'person.manage',
    'person.reveal',
    'special_population.read',
    'special_population.manage',
    'base.import',
    'base.export',
    'stats.read',
    'case.report',
    'case.read',
    'case.centre',
    'case.supervise',
    'item.read',
    'item.propose',
    'dispute.read',
    'dispute.centre',
    // The centre's window (综治中心窗口): registers visits, routes them, prints receipts.
    'reception.register',
    'reception.read',
    // 信访: the centre registers petitions and handles them on the statutory clocks.
    'petition.read',
    'petition.centre',
    // 排查 of the area and its 风险研判 meetings.
    'screening.read',
    // 四议两公开: the centre follows its villages' decisions (reading only).
    'deliberation.read',
    // Owners' votes of the estates in the area (业主大会电子投票) until the village cadres take them.
    'vote.manage',
    // 村(居)务公开 of the villages of the area, for now (the villages' own cadres next).
    'notice.publish',
    'notice.answer',
    // 民生微实事 of the villages of the area (reading only; the village cadres run them).
    'project.read',
    // 巡查 of the area's grid workers, tracks and duty norm scores as evidence.
    'patrol.read',
    // 隐患排查 of the area, and its checklist templates (a new version for the area).
    'inspection.read',
    'inspection.template_manage',
    'forces.read',
    'forces.manage',
    // A county centre's dispatcher sets the county's visit intervals (a township's is refused by level).
    'visit_plan.configure',
    'key_place.configure',
  ],
  // Departments handle what is dispatched to them and propose items for admission to grids.
  handler: ['region.read', 'grid.read', 'case.read', 'case.handle', 'item.read', 'item.propose'],
  // Mediators work the disputes of their organisation (人民调解委员会 …).
  mediator: ['region.read', 'grid.read', 'person.read', 'dispute.read', 'dispute.mediate'],
  // Leaders see figures (一表通 tallies), not personal records.
  // Leaders (same-level party committee and government) approve items for grids and supervise (督办).
  leader: [
    'region.read',
    'user.read',
    'grid.read',
    'stats.read',
    'case.read',
    'case.supervise',
    'item.read',
    'item.approve',
    'dispute.read',
    'reception.read',
    // 信访: leaders approve extensions, take petitions (领导包案) and supervise overdue ones (督办).
    'petition.read',
    'petition.supervise',
    'screening.read',
    'deliberation.read',
    'project.read',
    'patrol.read',
    'inspection.read',
    'forces.read',
  ],
  // The system admin keeps regions, grids and accounts, never personal data.
  admin: [
    'region.read',
    'region.manage',
    'user.read',
    'user.create',
    'user.update',
    'user.assign_business_roles',
    'grid.read',
    'grid.manage',
    'base.import',
    'item.read',
    'item.manage',
    'calendar.manage',
    'unit.manage',
    'apikey.manage',
    'dispute.manage',
    // Checklist templates are configuration, not personal data (a county admin keeps them for the county).
    'inspection.template_manage',
    // The county's visit intervals (configuration, like the checklist templates).
    'visit_plan.configure',
    'key_place.configure',
    'patrol.norm_manage',
  ],
  security_admin: [
    'region.read',
    'user.read',
    'user.assign_business_roles',
    'user.assign_separated_roles',
    'user.unlock',
    'user.reset_password',
    'session.revoke',
  ],
  auditor: ['region.read', 'audit.read', 'audit.verify'],
  // 村(居)干部: their own village's or community's bodies, rolls and matters (四议两公开).
  // 村(居)干部: their own village's decisions (四议两公开), its owners' votes and its public notices.
  village_cadre: [
    'region.read',
    'deliberation.read',
    'deliberation.manage',
    'vote.manage',
    'notice.publish',
    'notice.answer',
    // 民生微实事: shortlist, record the representatives' vote, implement, accept and publish (deliberation.manage).
    'project.read',
    // 群防群治: the village's teams, volunteers and activities.
    'forces.read',
    'forces.manage',
  ],
};

export function roleCan(roles: readonly Role[], action: Action): boolean {
  return roles.some((r) => ROLE_ACTIONS[r].includes(action));
}
