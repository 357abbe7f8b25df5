import type { FastifyRequest } from 'fastify';
import {
  buildingInputSchema,
  buildingViewSchema,
  houseInputSchema,
  houseListQuerySchema,
  keyPlaceInputSchema,
  keyPlaceRadiusSchema,
  keyPlaceViewSchema,
  organisationInputSchema,
  organisationViewSchema,
  houseViewSchema,
  linkBodySchema,
  pageOf,
  residentInputSchema,
  residentListQuerySchema,
  residentSearchBodySchema,
  residentViewSchema,
  revealBodySchema,
  revealedSchema,
  specialInputSchema,
  specialListQuerySchema,
  specialViewSchema,
} from '@gewu/domain';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-type.ts';
import * as residentsService from './residents.service.ts';
import * as special from './special.service.ts';
import * as housesService from './houses.service.ts';
import { createPlace, listPlaces, setKeyPlaceRadius } from './places.service.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const NUMBER_SEARCHES_PER_MINUTE = 30;

export async function peopleRoutes(app: AppInstance) {
  const deps = app.deps;
  const tags = ['base-data'];
  // Roles holding person.read (ROLE_ACTIONS).
  const personRead = { access: { roles: ['dispatcher', 'grid_worker', 'mediator'], scope: 'region' } } as const;
  app.get('/api/residents', {
    config: personRead,
    schema: {
      tags,
      summary: '实有人口列表（结果脱敏；按证件号、电话查找请用 POST /api/residents/search）',
      querystring: residentListQuerySchema,
      response: { 200: pageOf(residentViewSchema) },
    },
    handler: (req) => residentsService.listResidents(deps, req.ctx, req.query),
  });
  // A number to look up travels in the body, never in the URL (URLs end up in logs and proxies).
  // An exact match confirms a guess, and a mask leaves a few thousand: so only the roles that may
  // reveal a number may search by one, each search is audited, and each account is held to
  // NUMBER_SEARCHES_PER_MINUTE (enough for a desk looking people up, far too few to walk a mask's candidates).
  app.post('/api/residents/search', {
    config: {
      access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' },
      rateLimit: {
        max: NUMBER_SEARCHES_PER_MINUTE,
        timeWindow: 60_000,
        keyGenerator: (req: FastifyRequest) => `resident-search:${req.ctx?.actor?.id ?? req.ip}`,
      },
    },
    schema: {
      tags,
      summary: '按证件号、电话（密钥哈希精确匹配）及列表条件查找人员（结果脱敏）',
      body: residentSearchBodySchema,
      response: { 200: pageOf(residentViewSchema) },
    },
    handler: (req) => residentsService.listResidents(deps, req.ctx, req.body),
  });
  app.get('/api/residents/:id', {
    config: { access: { roles: ['grid_worker', 'dispatcher', 'mediator'], scope: 'region' } },
    schema: { tags, summary: '人员详情（脱敏）', params: idParams, response: { 200: residentViewSchema } },
    handler: (req) => residentsService.getResident(deps, req.ctx, req.params.id),
  });
  app.post('/api/residents', {
    config: { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } },
    schema: { tags, summary: '登记人员', body: residentInputSchema, response: { 201: residentViewSchema } },
    handler: async (req, reply) => reply.code(201).send(await residentsService.createResident(deps, req.ctx, req.body)),
  });
  app.post('/api/residents/:id/reveal', {
    config: { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '查看完整证件号或电话（须有权限并填写原因，留审计记录）',
      params: idParams,
      body: revealBodySchema,
      response: { 200: revealedSchema },
    },
    handler: (req) =>
      residentsService.revealResidentField(deps, req.ctx, req.params.id, req.body.field, req.body.reason),
  });
  app.get('/api/special-populations', {
    config: { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '特殊人群（仅有权限的角色，管辖范围内）',
      querystring: specialListQuerySchema,
      response: { 200: pageOf(specialViewSchema) },
    },
    handler: (req) => special.listSpecial(deps, req.ctx, req.query),
  });
  app.post('/api/special-populations', {
    config: { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } },
    schema: { tags, summary: '登记特殊人群', body: specialInputSchema, response: { 201: specialViewSchema } },
    handler: async (req, reply) => reply.code(201).send(await special.createSpecial(deps, req.ctx, req.body)),
  });
  app.get('/api/houses', {
    config: { access: { roles: ['grid_worker', 'dispatcher', 'mediator'], scope: 'region' } },
    schema: {
      tags,
      summary: '实有房屋（含出租屋及住户）',
      querystring: houseListQuerySchema,
      response: { 200: pageOf(houseViewSchema) },
    },
    handler: (req) => housesService.listHouses(deps, req.ctx, req.query),
  });
  app.post('/api/houses', {
    config: { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } },
    schema: { tags, summary: '登记房屋', body: houseInputSchema, response: { 201: houseViewSchema } },
    handler: async (req, reply) => reply.code(201).send(await housesService.createHouse(deps, req.ctx, req.body)),
  });
  app.post('/api/houses/:id/residents', {
    config: { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } },
    schema: {
      tags,
      summary: '人房关联（产权人、家庭成员、租户）',
      params: idParams,
      body: linkBodySchema,
      response: { 200: houseViewSchema },
    },
    handler: (req) => housesService.linkResidentToHouse(deps, req.ctx, req.params.id, req.body),
  });
  const placeQuery = z.strictObject({ villageId: z.string().uuid().optional(), gridId: z.string().uuid().optional() });
  const places = [
    ['organisations', 'organisations', '组织与企业', organisationInputSchema, organisationViewSchema],
    ['buildings', 'buildings', '楼栋', buildingInputSchema, buildingViewSchema],
    ['key-places', 'keyPlaces', '重点场所', keyPlaceInputSchema, keyPlaceViewSchema],
  ] as const;
  // The township centre, or the county admin (ROLE_ACTIONS key_place.configure), for a place in scope.
  app.put('/api/key-places/:id/radius', {
    config: { access: { roles: ['dispatcher', 'admin'], scope: 'region' } },
    schema: {
      tags,
      summary: '设置重点场所的巡查签到半径（20–500 米；null 恢复为按场所类别的默认值）',
      params: idParams,
      body: keyPlaceRadiusSchema,
      response: { 200: keyPlaceViewSchema },
    },
    handler: async (req) => (await setKeyPlaceRadius(deps, req.ctx, req.params.id, req.body.radiusM)) as never,
  });
  for (const [path, kind, title, input, view] of places) {
    app.get(`/api/${path}`, {
      // Key places (names, kinds, points: no personal data) are read by the county admin who sets their radius too.
      config: {
        access: {
          roles:
            kind === 'keyPlaces'
              ? ['grid_worker', 'dispatcher', 'mediator', 'admin']
              : ['grid_worker', 'dispatcher', 'mediator'],
          scope: 'region',
        },
      },
      schema: {
        tags,
        summary: `${title}列表`,
        querystring: placeQuery,
        response: { 200: z.object({ items: z.array(view) }) },
      },
      handler: async (req) => ({ items: (await listPlaces(deps, req.ctx, kind, req.query)) as never }),
    });
    app.post(`/api/${path}`, {
      config: { access: { roles: ['grid_worker', 'dispatcher'], scope: 'region' } },
      schema: { tags, summary: `登记${title}`, body: input, response: { 201: view } },
      handler: async (req, reply) =>
        reply.code(201).send((await createPlace(deps, req.ctx, kind, req.body as never)) as never),
    });
  }
}
