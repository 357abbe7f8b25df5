import {
  activitiesViewSchema,
  activityInputSchema,
  activityViewSchema,
  attendanceViewSchema,
  checkInBodySchema,
  claimBodySchema,
  claimCaseViewSchema,
  claimCasesViewSchema,
  claimCloseSchema,
  claimDecideSchema,
  claimNearbyQuerySchema,
  claimReleaseSchema,
  deskClaimsViewSchema,
  revealBodySchema,
  revealedSchema,
  signupsViewSchema,
  teamUpdateSchema,
  forcesFiguresQuerySchema,
  forcesFiguresSchema,
  memberInputSchema,
  memberViewSchema,
  membersViewSchema,
  signupBodySchema,
  teamInputSchema,
  teamViewSchema,
  teamsViewSchema,
  volunteerDecideSchema,
  volunteerRegisterSchema,
  volunteerViewSchema,
  volunteersViewSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import { checkIn, checkOut, createActivity, listActivities, listSignups, signUp } from './forces.activities.ts';
import {
  claimCase,
  closeClaim,
  decideClaim,
  deskClaims,
  myClaims,
  nearbyClaims,
  releaseClaim,
} from './forces.claims.ts';
import { forcesFigures } from './forces.figures.ts';
import {
  addMember,
  createTeam,
  listMembers,
  listTeams,
  removeMember,
  revealMember,
  updateTeam,
} from './forces.teams.ts';
import { decideVolunteer, listVolunteers, registerVolunteer } from './forces.volunteers.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const caseParams = z.strictObject({ caseId: z.string().uuid() });

/**
 * 群防群治 and 市民认领 (issue 17): teams and members (village cadres and the centre), volunteers who
 * register on the phone and are approved, activities with sign-up and on-site check-in, and volunteers
 * claiming small problems that the grid worker then confirms. Services narrow to the actor's region.
 */
export async function forcesRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['forces'];
  const read = { access: { roles: ['village_cadre', 'dispatcher', 'leader'], scope: 'region' } } as const;
  const manage = { access: { roles: ['village_cadre', 'dispatcher'], scope: 'region' } } as const;
  const volunteer = { access: { roles: ['resident'], scope: 'own' } } as const;
  const both = { access: { roles: ['resident', 'village_cadre', 'dispatcher', 'leader'], scope: 'region' } } as const;
  // As residents' numbers (POST /api/residents/:id/reveal): the centre, whose role may reveal (person.reveal).
  const reveal = { access: { roles: ['dispatcher'], scope: 'region' } } as const;
  const confirm = { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } } as const;

  app.get('/api/forces/teams', {
    config: read,
    schema: { tags, summary: '群防群治队伍（本辖区）及人数', response: { 200: teamsViewSchema } },
    handler: (req) => listTeams(deps, req.ctx),
  });
  app.post('/api/forces/teams', {
    config: manage,
    schema: {
      tags,
      summary: '建立队伍：平安巡防队、一村一警、民调队伍、志愿服务队（村或街道）',
      body: teamInputSchema,
      response: { 201: teamViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await createTeam(deps, req.ctx, req.body)),
  });
  app.put('/api/forces/teams/:id', {
    config: manage,
    schema: {
      tags,
      summary: '修改队伍名称或类别（所属村或街道不变）',
      params: idParams,
      body: teamUpdateSchema,
      response: { 200: teamViewSchema },
    },
    handler: (req) => updateTeam(deps, req.ctx, req.params.id, req.body),
  });
  app.get('/api/forces/teams/:id/members', {
    config: read,
    schema: { tags, summary: '队员名单（电话、身份证号脱敏）', params: idParams, response: { 200: membersViewSchema } },
    handler: (req) => listMembers(deps, req.ctx, req.params.id),
  });
  app.post('/api/forces/teams/:id/members', {
    config: manage,
    schema: {
      tags,
      summary: '添加队员：电话、身份证号加密存储、脱敏显示',
      params: idParams,
      body: memberInputSchema,
      response: { 201: memberViewSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addMember(deps, req.ctx, req.params.id, req.body)),
  });

  app.delete('/api/forces/members/:id', {
    config: manage,
    schema: {
      tags,
      summary: '移除队员（号码随之删除，留审计记录）',
      params: idParams,
      response: { 200: z.object({ id: z.string() }) },
    },
    handler: (req) => removeMember(deps, req.ctx, req.params.id),
  });
  app.post('/api/forces/members/:id/reveal', {
    config: reveal,
    schema: {
      tags,
      summary: '查看队员完整电话或身份证号（须有权限并填写原因，留审计记录）',
      params: idParams,
      body: revealBodySchema,
      response: { 200: revealedSchema },
    },
    handler: (req) => revealMember(deps, req.ctx, req.params.id, req.body.field, req.body.reason),
  });

  app.get('/api/forces/volunteers', {
    config: both,
    schema: {
      tags,
      summary: '志愿者（居民：本人登记；干部及中心：本辖区），含服务时长、认领处置数和积分',
      response: { 200: volunteersViewSchema },
    },
    handler: (req) => listVolunteers(deps, req.ctx),
  });
  app.post('/api/forces/volunteers', {
    config: volunteer,
    schema: {
      tags,
      summary: '居民登记为本村（社区）志愿者（待审核；再次登记返回原登记）',
      body: volunteerRegisterSchema,
      response: { 200: volunteerViewSchema },
    },
    handler: (req) => registerVolunteer(deps, req.ctx, req.body),
  });
  app.post('/api/forces/volunteers/:id/decide', {
    config: manage,
    schema: {
      tags,
      summary: '审核志愿者登记：通过或不通过（已审核返回 409）',
      params: idParams,
      body: volunteerDecideSchema,
      response: { 200: volunteerViewSchema },
    },
    handler: (req) => decideVolunteer(deps, req.ctx, req.params.id, req.body.approved),
  });

  app.get('/api/forces/activities', {
    config: both,
    schema: {
      tags,
      summary: '未结束的巡防值班和志愿活动（干部及中心另见近 30 天已结束的）',
      response: { 200: activitiesViewSchema },
    },
    handler: (req) => listActivities(deps, req.ctx),
  });
  app.post('/api/forces/activities', {
    config: manage,
    schema: {
      tags,
      summary: '发布活动：地点（名称、经纬度）、起止时间、人数上限；编号由发布端生成（重试返回同一活动）',
      body: activityInputSchema,
      response: { 200: activityViewSchema },
    },
    handler: (req) => createActivity(deps, req.ctx, req.body),
  });
  app.get('/api/forces/activities/:id/signups', {
    config: read,
    schema: {
      tags,
      summary: '活动报名名单：签到（距离）、签退、服务时长',
      params: idParams,
      response: { 200: signupsViewSchema },
    },
    handler: (req) => listSignups(deps, req.ctx, req.params.id),
  });
  app.post('/api/forces/activities/:id/signup', {
    config: volunteer,
    schema: {
      tags,
      summary: '志愿者报名（重复报名返回原报名；满员 409）',
      params: idParams,
      body: signupBodySchema,
      response: { 200: attendanceViewSchema },
    },
    handler: (req) => signUp(deps, req.ctx, req.params.id),
  });
  app.post('/api/forces/activities/:id/check-in', {
    config: volunteer,
    schema: {
      tags,
      summary: '到场签到：须在活动地点范围内（超出 422），记录距离',
      params: idParams,
      body: checkInBodySchema,
      response: { 200: attendanceViewSchema },
    },
    handler: (req) => checkIn(deps, req.ctx, req.params.id, req.body),
  });
  app.post('/api/forces/activities/:id/check-out', {
    config: volunteer,
    schema: {
      tags,
      summary: '签退：记录服务时长（截至活动结束）',
      params: idParams,
      response: { 200: attendanceViewSchema },
    },
    handler: (req) => checkOut(deps, req.ctx, req.params.id),
  });

  app.get('/api/forces/claims', {
    config: read,
    schema: {
      tags,
      summary: '本辖区志愿者认领中、待确认的案件（确认或退回在案件页办理）',
      response: { 200: deskClaimsViewSchema },
    },
    handler: (req) => deskClaims(deps, req.ctx),
  });
  app.get('/api/forces/claims/nearby', {
    config: volunteer,
    schema: {
      tags,
      summary: '附近可认领的小事（本村、可认领事项、尚未派遣）',
      querystring: claimNearbyQuerySchema,
      response: { 200: claimCasesViewSchema },
    },
    handler: (req) => nearbyClaims(deps, req.ctx, req.query),
  });
  app.get('/api/forces/claims/mine', {
    config: volunteer,
    schema: { tags, summary: '我认领的案件', response: { 200: claimCasesViewSchema } },
    handler: (req) => myClaims(deps, req.ctx),
  });
  app.post('/api/forces/claims', {
    config: volunteer,
    schema: {
      tags,
      summary: '认领（不可认领的事项 422 claim.not_claimable）',
      body: claimBodySchema,
      response: { 200: claimCaseViewSchema },
    },
    handler: (req) => claimCase(deps, req.ctx, req.body),
  });
  app.post('/api/forces/claims/:caseId/close', {
    config: volunteer,
    schema: {
      tags,
      summary: '认领处置完成：处置前、处置后照片，待网格员确认',
      params: caseParams,
      body: claimCloseSchema,
      response: { 200: claimCaseViewSchema },
    },
    handler: (req) => closeClaim(deps, req.ctx, req.params.caseId, req.body),
  });
  app.post('/api/forces/claims/:caseId/release', {
    config: volunteer,
    schema: {
      tags,
      summary: '放弃认领（须说明原因），案件回到受理',
      params: caseParams,
      body: claimReleaseSchema,
      response: { 200: claimCaseViewSchema },
    },
    handler: (req) => releaseClaim(deps, req.ctx, req.params.caseId, req.body),
  });
  app.post('/api/forces/claims/:caseId/decide', {
    config: confirm,
    schema: {
      tags,
      summary: '网格员（或中心）确认认领处置（结案，计为群众自治处置）或退回（须说明原因）',
      params: caseParams,
      body: claimDecideSchema,
      response: { 200: claimCaseViewSchema },
    },
    handler: (req) => decideClaim(deps, req.ctx, req.params.caseId, req.body),
  });

  app.get('/api/forces/figures', {
    config: read,
    schema: {
      tags,
      summary: '志愿服务时长与群众认领处置数（期间、区域）',
      querystring: forcesFiguresQuerySchema,
      response: { 200: forcesFiguresSchema },
    },
    handler: (req) => forcesFigures(deps, req.ctx, req.query),
  });
}
