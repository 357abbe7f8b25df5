import { idCheckChar, type Role, ROLES, STARTER_CATALOGUE } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { queryRows } from '../../src/db/client.ts';
import { addUser, as, login, pointInGrid, regionIdByCode, type Session, type TestApp } from '../app.ts';

/**
 * Two townships, each with one account per role and one object of every kind, built through the
 * real API: 格物街道 (A, where every actor of the matrix sits) and 知行街道 (B, the other township
 * whose objects must stay out of A's reach).
 */
export type SideName = 'A' | 'B';

export interface Side {
  name: SideName;
  townshipCode: string;
  villageCode: string;
  townshipId: string;
  villageId: string;
  gridId: string;
  point: { lon: number; lat: number };
  accounts: Record<Role, Session>;
  unitId: string;
  residentId: string;
  specialId: string;
  /** A household visit (走访) by the side's centre with a finding, not yet a case. */
  fieldVisitId: string;
  houseId: string;
  placeIds: Record<'organisations' | 'buildings' | 'key-places', string>;
  /** A case reported by the side's resident with a photo, dispatched to the side's handler unit. */
  caseId: string;
  caseCode: string;
  attachmentId: string;
  apiKeyId: string;
  importId: string;
  admissionId: string;
  /** A mediation committee of the side's village, with the side's mediator in it. */
  organisationId: string;
  /** A dispute of the side's village, diverted to that committee and held by the side's mediator. */
  disputeId: string;
  disputeCode: string;
  /** Its parties: a person with an identity number and a phone, and a person without. */
  partyIds: string[];
  /** A session photo of that dispute, uploaded by the side's mediator. */
  disputeAttachmentId: string;
  /** A visit to the side's centre (来访登记) routed to a dispute, with its receipt and the visitor phone's last four digits. */
  visitId: string;
  receiptNumber: string;
  visitPhoneLast4: string;
  /** A petition of the side's village: accepted, taken by the side's leader (包案) and answered (its opinion printable). */
  petitionId: string;
  petitionCode: string;
  /** The side's grid worker's zero report (排查) for its grid this period, and the key it was filed with. */
  screeningReportId: string;
  screeningKey: string;
  /** A 风险研判 meeting of the side's centre that watched the side's dispute. */
  meetingId: string;
  /** The side village's 四议两公开 bodies (party branch, two committees, party members, representatives: the side's resident on each roll) and an empty residents' council. */
  deliberationBodyId: string;
  /** A matter of the side's village, its proposal stage open. */
  matterId: string;
  /** A photo of the side's cadre on another matter's proposal meeting record. */
  deliberationAttachmentId: string;
  /** An owners' vote of the side's estate (its building), open, the side's resident a verified owner on its roll. */
  voteId: string;
  /** A closed vote of the same estate the side's resident voted in by phone, and that ballot's receipt code. */
  closedVoteId: string;
  receiptCode: string;
  /** A published notice of the side's village (村(居)务公开) and a question its resident asked about it (质询). */
  noticeId: string;
  inquiryId: string;
  /** A topic raised in the side's village (议事协商) by its grid worker, open for its resident to support. */
  topicId: string;
  /** A 民生微实事 project the side's resident proposed for the side's village (still proposed). */
  projectId: string;
  /** A patrol of the side's grid worker in the side's grid with one batch of track, and a key place (a school) at `point` to check in at. */
  patrolId: string;
  patrolPlaceId: string;
  /** Accounts the user-management routes act on (never an actor of the matrix). */
  targetUserId: string;
  targetHandlerId: string;
  /** Strings that must never appear in a response to the other side's actors. */
  markers: string[];
  /** The identity and phone numbers stored for the side's resident: never in a response unmasked. */
  plaintexts: string[];
}

export interface World {
  t: TestApp;
  A: Side;
  B: Side;
}

export const REPORT_ITEM = STARTER_CATALOGUE.find(
  (i) =>
    !i.gridEligible &&
    !i.negativeList &&
    i.publicReport &&
    i.departmentKind === 'urban_management' &&
    !i.fields.some((f) => f.required),
);
export const GRID_ITEM = STARTER_CATALOGUE.find((i) => i.minor && i.publicReport && !i.fields.some((f) => f.required));

const ACCOUNT_REGION: Record<Role, 'village' | 'township'> = {
  resident: 'village',
  grid_worker: 'village',
  dispatcher: 'township',
  handler: 'township',
  mediator: 'township',
  leader: 'township',
  admin: 'township',
  security_admin: 'township',
  auditor: 'township',
  village_cadre: 'village',
};

let sequence = 0;
/** A number unique within the test run, for names and keys that must not collide. */
export const next = () => ++sequence;

export async function expectOk(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

export function validIdNumber(regionCode6: string, seq: number): string {
  const body = `${regionCode6}19800101${String(seq % 1000).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

export async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: '#3060c0' } })
    .jpeg()
    .toBuffer();
}

const post = (t: TestApp, s: Session, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, ...as(s), payload });

/** Files a report as the side's resident, returning the case id and version. */
export async function reportCase(
  t: TestApp,
  side: Side,
  opts: { attachmentIds?: string[]; itemCode?: string; by?: Session } = {},
) {
  const res = await post(t, opts.by ?? side.accounts.resident, '/api/cases', {
    itemCode: opts.itemCode ?? REPORT_ITEM?.code,
    description: `${side.name} 路面问题 ${next()}`,
    location: side.point,
    attachmentIds: opts.attachmentIds ?? [],
    idempotencyKey: crypto.randomUUID(),
  });
  await expectOk(res, 'report');
  return res.json() as { id: string; code: string; version: number };
}

export async function act(t: TestApp, s: Session, id: string, action: string, more: object = {}) {
  const detail = await t.app.inject({ method: 'GET', url: `/api/cases/${id}`, ...as(s) });
  await expectOk(detail, `read before ${action}`);
  const res = await post(t, s, `/api/cases/${id}/actions`, { action, version: detail.json().version, ...more });
  await expectOk(res, action);
  return res.json() as { id: string; version: number; state: string };
}

/** A case of the side in the given state (reported, accepted, dispatched to the side's unit, or closed). */
export async function caseIn(
  t: TestApp,
  side: Side,
  state: 'reported' | 'accepted' | 'dispatched' | 'closed',
  opts: { attachmentIds?: string[] } = {},
) {
  const c = await reportCase(t, side, opts);
  const { dispatcher, handler } = side.accounts;
  if (state === 'reported') return c;
  await act(t, dispatcher, c.id, 'accept', { conditionMet: true });
  if (state === 'accepted') return c;
  await act(t, dispatcher, c.id, 'dispatch', { unitId: side.unitId });
  if (state === 'dispatched') return c;
  await act(t, handler, c.id, 'sign');
  await act(t, handler, c.id, 'feed_back', { note: '已处理完毕' });
  await act(t, dispatcher, c.id, 'verify_pass');
  await act(t, dispatcher, c.id, 'close', { conditionMet: true });
  return c;
}

const gridEligibleCodes = STARTER_CATALOGUE.filter((i) => i.gridEligible && !i.negativeList).map((i) => i.code);
let admissionCursor = 0;

/** Proposes an item for admission to grids that has none pending or active there yet. */
export async function proposeAdmission(t: TestApp, s: Session, regionId: string): Promise<{ id: string }> {
  for (let tries = 0; tries < gridEligibleCodes.length; tries++) {
    const code = gridEligibleCodes[admissionCursor++ % gridEligibleCodes.length];
    const res = await post(t, s, `/api/items/${code}/admissions`, { regionId, reason: '本辖区需要' });
    if (res.statusCode === 201) return res.json();
    if (res.statusCode !== 409 && res.statusCode !== 422) await expectOk(res, 'admission');
  }
  throw new Error('no item left to propose');
}

/** An item code for a proposal the matrix sends itself (whatever the answer). */
export const anyGridItem = () => gridEligibleCodes[admissionCursor++ % gridEligibleCodes.length] as string;

async function buildSide(
  t: TestApp,
  name: SideName,
  townshipCode: string,
  villageCode: string,
  unitName: string,
): Promise<Side> {
  const prefix = name.toLowerCase();
  for (const role of ROLES) {
    await addUser(t.database, {
      username: `${prefix}-${role}`,
      role,
      regionCode: ACCOUNT_REGION[role] === 'village' ? villageCode : townshipCode,
      unitName: role === 'handler' ? unitName : undefined,
    });
  }
  await addUser(t.database, { username: `${prefix}-target`, role: 'grid_worker', regionCode: townshipCode });
  await addUser(t.database, {
    username: `${prefix}-target-handler`,
    role: 'handler',
    regionCode: townshipCode,
    unitName,
  });
  const accounts = Object.fromEntries(
    await Promise.all(ROLES.map(async (r) => [r, await login(t.app, `${prefix}-${r}`)] as const)),
  ) as Record<Role, Session>;
  const ids = await queryRows<{ username: string; id: string }>(
    t.database.db,
    sql`SELECT username, id FROM users WHERE username IN (${`${prefix}-target`}, ${`${prefix}-target-handler`})`,
  );
  const userId = (u: string) => ids.find((r) => r.username === u)?.id as string;
  const [unit] = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM units WHERE name = ${unitName}`);
  const townshipId = await regionIdByCode(t.database, townshipCode);
  const villageId = await regionIdByCode(t.database, villageCode);
  const { admin, dispatcher, resident } = accounts;

  let gridId: string;
  let point: { lon: number; lat: number };
  if (name === 'A') {
    const spot = await pointInGrid(t.database, `${villageCode}001`);
    gridId = spot.gridId;
    point = { lon: spot.lon, lat: spot.lat };
  } else {
    const rect = [
      [113.8, 34.8],
      [113.81, 34.8],
      [113.81, 34.81],
      [113.8, 34.81],
      [113.8, 34.8],
    ];
    const grid = await post(t, admin, '/api/grids', {
      villageId,
      seq: '001',
      name: '笃行一网格',
      kind: 'urban_community',
      boundary: { type: 'Polygon', coordinates: [rect] },
    });
    await expectOk(grid, 'B grid');
    gridId = grid.json().id;
    point = { lon: 113.805, lat: 34.805 };
    t.deps.gridLocator.invalidate();
  }
  const n = next();
  const plaintexts = [validIdNumber(townshipCode.slice(0, 6), n), `138${String(40_000_000 + n * 7_919).slice(-8)}`];
  const residentRes = await post(t, dispatcher, '/api/residents', {
    villageId,
    gridId,
    name: `${name}区居民${n}`,
    idNumber: plaintexts[0],
    phone: plaintexts[1],
  });
  await expectOk(residentRes, 'resident');
  const residentId = residentRes.json().id as string;
  const special = await post(t, dispatcher, '/api/special-populations', {
    residentId,
    kind: 'released_prisoner',
    riskLevel: 'low',
    visitIntervalDays: 30,
  });
  await expectOk(special, 'special');
  const house = await post(t, dispatcher, '/api/houses', {
    villageId,
    gridId,
    address: `${name}区房屋${n}号`,
    usage: 'rental',
  });
  await expectOk(house, 'house');
  const placeIds = {} as Side['placeIds'];
  for (const [path, body] of [
    ['organisations', { villageId, name: `${name}区企业${n}`, kind: 'enterprise' }],
    ['buildings', { villageId, name: `${name}区楼栋${n}` }],
    ['key-places', { villageId, name: `${name}区场所${n}`, kind: 'market' }],
  ] as const) {
    const res = await post(t, dispatcher, `/api/${path}`, body);
    await expectOk(res, path);
    placeIds[path] = res.json().id;
  }
  const apiKey = await post(t, admin, '/api/api-keys', {
    name: `${name}区接口${n}`,
    regionId: townshipId,
    source: 'video',
  });
  await expectOk(apiKey, 'api key');
  const importJob = await t.app.inject({
    method: 'POST',
    url: '/api/imports?kind=residents&format=csv',
    ...as(dispatcher, { 'content-type': 'application/octet-stream' }),
    body: `姓名,村（社区）代码\n导入${name},${villageCode}\n`,
  });
  await expectOk(importJob, 'import');
  const admission = await proposeAdmission(t, dispatcher, townshipId);

  const side: Side = {
    name,
    townshipCode,
    villageCode,
    townshipId,
    villageId,
    gridId,
    point,
    accounts,
    unitId: unit?.id as string,
    residentId,
    specialId: special.json().id,
    fieldVisitId: '',
    houseId: house.json().id,
    placeIds,
    caseId: '',
    caseCode: '',
    attachmentId: '',
    organisationId: '',
    disputeId: '',
    disputeCode: '',
    partyIds: [],
    disputeAttachmentId: '',
    visitId: '',
    receiptNumber: '',
    visitPhoneLast4: '',
    petitionId: '',
    petitionCode: '',
    screeningReportId: '',
    screeningKey: `screening-${name}-${n}`,
    meetingId: '',
    deliberationBodyId: '',
    matterId: '',
    deliberationAttachmentId: '',
    voteId: '',
    closedVoteId: '',
    receiptCode: '',
    noticeId: '',
    inquiryId: '',
    topicId: '',
    projectId: '',
    patrolId: '',
    patrolPlaceId: '',
    apiKeyId: apiKey.json().id,
    importId: importJob.json().id,
    admissionId: admission.id,
    targetUserId: userId(`${prefix}-target`),
    targetHandlerId: userId(`${prefix}-target-handler`),
    markers: [],
    plaintexts,
  };
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    ...as(resident, { 'content-type': 'image/jpeg' }),
    body: await photo(),
  });
  await expectOk(upload, 'photo');
  side.attachmentId = upload.json().id;
  const c = await caseIn(t, side, 'dispatched', { attachmentIds: [side.attachmentId] });
  side.caseId = c.id;
  side.caseCode = c.code;
  const partyNumbers = [
    validIdNumber(townshipCode.slice(0, 6), n + 500),
    `139${String(50_000_000 + n * 7_919).slice(-8)}`,
  ];
  plaintexts.push(...partyNumbers);
  await buildDispute(t, side, n, partyNumbers);
  const visitorNumbers = [
    validIdNumber(townshipCode.slice(0, 6), n + 700),
    `137${String(60_000_000 + n * 7_919).slice(-8)}`,
  ];
  plaintexts.push(...visitorNumbers);
  await buildVisit(t, side, n, visitorNumbers);
  const petitionerNumbers = [
    validIdNumber(townshipCode.slice(0, 6), n + 800),
    `136${String(60_000_000 + n * 7_919).slice(-8)}`,
  ];
  plaintexts.push(...petitionerNumbers);
  await buildPetition(t, side, petitionerNumbers);
  await buildScreening(t, side);
  side.fieldVisitId = await fieldVisit(t, side);
  await buildDeliberation(t, side);
  await buildVotes(t, side, plaintexts[0] as string);
  await buildNotice(t, side, n);
  side.topicId = (await raisedTopic(t, side, `${name}区议题${n}`)).id;
  side.projectId = await projectReadyFor(t, side, 'shortlist', `${name}区微实事${n}`);
  const place = await post(t, dispatcher, '/api/key-places', {
    villageId,
    name: `${name}区巡查点${n}`,
    kind: 'school',
    ...point,
  });
  await expectOk(place, 'patrol place');
  side.patrolPlaceId = place.json().id;
  side.patrolId = await freshPatrol(t, side);
  side.markers = [
    gridId,
    residentId,
    side.specialId,
    side.fieldVisitId,
    side.houseId,
    ...Object.values(placeIds),
    c.id,
    c.code,
    side.attachmentId,
    side.apiKeyId,
    side.importId,
    side.admissionId,
    side.targetUserId,
    side.targetHandlerId,
    `${name}区居民${n}`,
    `${name}区房屋${n}号`,
    `${prefix}-target`,
    side.organisationId,
    side.disputeId,
    side.disputeCode,
    ...side.partyIds,
    side.disputeAttachmentId,
    `${name}区调委会${n}`,
    side.visitId,
    side.receiptNumber,
    `${name}区来访人${n}`,
    side.petitionId,
    side.petitionCode,
    side.screeningReportId,
    side.meetingId,
    side.deliberationBodyId,
    side.matterId,
    side.deliberationAttachmentId,
    side.voteId,
    side.closedVoteId,
    side.receiptCode,
    side.noticeId,
    side.inquiryId,
    side.topicId,
    `${side.name}区公开${n}`,
    side.projectId,
    `${name}区微实事${n}`,
    side.patrolId,
    side.patrolPlaceId,
    `${name}区巡查点${n}`,
  ];
  return side;
}

/** The current version of a dispute as the side's dispatcher sees it. */
export async function disputeVersion(t: TestApp, side: Side, id: string): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: `/api/disputes/${id}`, ...as(side.accounts.dispatcher) });
  await expectOk(res, 'dispute');
  return res.json().version;
}

/** A dispute of the side's village registered by its centre, with two parties. */
export async function registerDispute(t: TestApp, side: Side, numbers: string[] = []) {
  const res = await post(t, side.accounts.dispatcher, '/api/disputes', {
    typeCode: 'neighbour',
    summary: `${side.name}区邻里纠纷${next()}`,
    regionId: side.villageId,
    source: 'walk_in',
    parties: [
      { kind: 'person', side: 'a', name: `${side.name}甲方`, idNumber: numbers[0], phone: numbers[1] },
      { kind: 'person', side: 'b', name: `${side.name}乙方` },
    ],
  });
  await expectOk(res, 'register dispute');
  return res.json() as { id: string; code: string; version: number };
}

export async function actOnDispute(t: TestApp, s: Session, side: Side, id: string, body: object) {
  const res = await post(t, s, `/api/disputes/${id}/actions`, { ...body, version: await disputeVersion(t, side, id) });
  await expectOk(res, `dispute ${JSON.stringify(body)}`);
  return res.json();
}

/** The side's committee, its mediator in it, and a dispute held by that mediator with a session photo. */
async function buildDispute(t: TestApp, side: Side, n: number, numbers: string[]) {
  const { admin, dispatcher, mediator } = side.accounts;
  const org = await post(t, admin, '/api/mediation-organisations', {
    regionId: side.villageId,
    name: `${side.name}区调委会${n}`,
    kind: 'people_village',
  });
  await expectOk(org, 'organisation');
  side.organisationId = org.json().id;
  await expectOk(
    await t.app.inject({
      method: 'PUT',
      url: `/api/mediators/${mediator.userId}`,
      ...as(admin),
      payload: { organisationId: side.organisationId },
    }),
    'mediator',
  );
  const d = await registerDispute(t, side, numbers);
  side.disputeId = d.id;
  side.disputeCode = d.code;
  await actOnDispute(t, dispatcher, side, d.id, { action: 'accept' });
  await actOnDispute(t, dispatcher, side, d.id, {
    action: 'divert',
    path: 'people_mediation',
    organisationId: side.organisationId,
  });
  const held = await actOnDispute(t, dispatcher, side, d.id, { action: 'assign', mediatorUserId: mediator.userId });
  side.partyIds = held.parties.map((p: { id: string }) => p.id);
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    ...as(mediator, { 'content-type': 'image/jpeg' }),
    body: await photo(),
  });
  await expectOk(upload, 'session photo');
  side.disputeAttachmentId = upload.json().id;
  await actOnDispute(t, mediator, side, d.id, {
    action: 'record_session',
    heldAt: t.clock.now().toISOString(),
    place: '调解室',
    attendeePartyIds: side.partyIds,
    note: '首次调解',
    attachmentIds: [side.disputeAttachmentId],
  });
}

/** A walk-in at the side's centre, registered and routed to a dispute of its village in one step. */
async function buildVisit(t: TestApp, side: Side, n: number, numbers: string[]) {
  const res = await post(t, side.accounts.dispatcher, '/api/reception/visits', {
    idempotencyKey: `world-visit-${side.name}-${n}`,
    visitor: { anonymous: false, name: `${side.name}区来访人${n}`, idNumber: numbers[0], phone: numbers[1] },
    category: 'dispute',
    matter: `${side.name}区来访：邻里漏水纠纷`,
    route: { track: 'dispute', typeCode: 'neighbour', regionId: side.villageId },
  });
  await expectOk(res, 'visit');
  side.visitId = res.json().id;
  side.receiptNumber = res.json().receiptNumber;
  side.visitPhoneLast4 = (numbers[1] ?? '').slice(-4);
}

/** The current version of a petition as the side's dispatcher sees it. */
export async function petitionVersion(t: TestApp, side: Side, id: string): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: `/api/petitions/${id}`, ...as(side.accounts.dispatcher) });
  await expectOk(res, 'petition');
  return res.json().version;
}

/** A letter petition about the side's village registered by its centre, optionally with the petitioner's numbers. */
export async function registerPetition(t: TestApp, side: Side, numbers: string[] = []) {
  const res = await post(t, side.accounts.dispatcher, '/api/petitions', {
    channel: 'letter',
    regionId: side.villageId,
    summary: `${side.name}区反映道路积水${next()}`,
    matterType: 'urban_construction',
    respondent: `${side.name}区城建办`,
    subjectObject: `${side.name}区幸福路${next()}号`,
    petitioners: [{ name: `${side.name}信访人`, idNumber: numbers[0], phone: numbers[1] }],
  });
  await expectOk(res, 'register petition');
  return res.json() as { id: string; code: string; version: number };
}

export async function actOnPetition(t: TestApp, s: Session, side: Side, id: string, body: object) {
  const res = await post(t, s, `/api/petitions/${id}/actions`, {
    ...body,
    version: await petitionVersion(t, side, id),
  });
  await expectOk(res, `petition ${JSON.stringify(body)}`);
  return res.json();
}

/** A fresh petition of the side, accepted by its centre. */
export async function acceptedPetition(t: TestApp, side: Side) {
  const p = await registerPetition(t, side);
  await actOnPetition(t, side.accounts.dispatcher, side, p.id, { action: 'intake', findings: {} });
  return p;
}

/** The side's petition: accepted, taken by the side's leader and answered. */
async function buildPetition(t: TestApp, side: Side, numbers: string[]) {
  const { dispatcher, leader } = side.accounts;
  const p = await registerPetition(t, side, numbers);
  side.petitionId = p.id;
  side.petitionCode = p.code;
  await actOnPetition(t, dispatcher, side, p.id, { action: 'intake', findings: {} });
  await actOnPetition(t, leader, side, p.id, { action: 'take' });
  await actOnPetition(t, dispatcher, side, p.id, {
    action: 'reply',
    facts: '经查，道路积水系排水管堵塞所致',
    opinion: '由街道城建办于十日内疏通',
    basis: '《城市道路管理条例》',
  });
}

/** A household visit by the side's centre that found a problem (走访发现问题). */
export async function fieldVisit(t: TestApp, side: Side): Promise<string> {
  const res = await post(t, side.accounts.dispatcher, '/api/visits', {
    kind: 'household',
    residentId: side.residentId,
    houseId: side.houseId,
    purpose: '入户走访',
    note: '家中情况正常',
    findings: '楼道堆放杂物，存在消防隐患',
  });
  await expectOk(res, 'field visit');
  return res.json().id;
}

/** The side's grid worker answers for its grid (part-time) and files this period's zero report; its centre holds a 风险研判 meeting. */
async function buildScreening(t: TestApp, side: Side) {
  const { admin, dispatcher, grid_worker } = side.accounts;
  await expectOk(
    await post(t, admin, `/api/grids/${side.gridId}/assignments`, {
      duty: 'grid_worker_part',
      userId: grid_worker.userId,
      personName: `${side.name}区网格员`,
    }),
    'grid worker assignment',
  );
  const report = await post(t, grid_worker, '/api/screening/reports', {
    gridId: side.gridId,
    period: new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    zero: true,
    idempotencyKey: side.screeningKey,
  });
  await expectOk(report, 'screening report');
  side.screeningReportId = report.json().report.id;
  const meeting = await post(t, dispatcher, '/api/risk-meetings', {
    heldAt: t.clock.now().toISOString(),
    topic: `${side.name}区风险研判`,
    participants: ['综治中心'],
    minutes: '研判',
    decisions: [{ disputeId: side.disputeId, kind: 'watch', note: '持续关注' }],
  });
  await expectOk(meeting, 'risk meeting');
  side.meetingId = meeting.json().id;
}

/** A new matter of the side's village (decided by the representatives, with the authorisation on record). */
export async function newMatter(t: TestApp, side: Side): Promise<string> {
  const res = await post(t, side.accounts.village_cadre, '/api/deliberation/matters', {
    villageId: side.villageId,
    title: `${side.name}区议事事项${next()}`,
    kind: 'land_compensation',
    decidingBody: 'representatives_meeting',
    authorisation: '村民会议授权',
    idempotencyKey: crypto.randomUUID(),
  });
  await expectOk(res, 'matter');
  return res.json().id;
}

const STAGE_MEETINGS = ['proposal', 'consultation', 'review', 'resolution'] as const;

/** Convenes (and, up to `stage`'s predecessor, records) a fresh matter's meetings: ready for `op` at `stage`. */
export async function matterReadyFor(
  t: TestApp,
  side: Side,
  stage: 'proposal' | 'resolution_notice',
  op: 'record' | 'publish',
): Promise<string> {
  const id = await newMatter(t, side);
  const cadre = side.accounts.village_cadre;
  for (const s of STAGE_MEETINGS) {
    const url = `/api/deliberation/matters/${id}/stages/${s}`;
    await expectOk(
      await post(t, cadre, `${url}/convene`, { heldAt: t.clock.now().toISOString(), place: '村委会' }),
      `convene ${s}`,
    );
    if (s === stage && op === 'record') return id;
    const rec = await post(t, cadre, `${url}/record`, {
      present: 1,
      inFavour: 1,
      against: 0,
      abstaining: 0,
      minutes: '纪要',
      implementationDue: '2027-06-30',
    });
    await expectOk(rec, `record ${s}`);
  }
  return id;
}

async function buildDeliberation(t: TestApp, side: Side) {
  const cadre = side.accounts.village_cadre;
  for (const kind of [
    'party_branch',
    'two_committees',
    'party_members',
    'representatives_meeting',
    'residents_council',
  ]) {
    const body = await post(t, cadre, '/api/deliberation/bodies', {
      villageId: side.villageId,
      kind,
      basis: 'members',
    });
    await expectOk(body, `body ${kind}`);
    if (kind === 'residents_council') {
      side.deliberationBodyId = body.json().id;
      continue;
    }
    const roll = await post(t, cadre, `/api/deliberation/bodies/${body.json().id}/roll`, {
      add: [side.residentId],
      reason: '推选',
    });
    await expectOk(roll, `roll ${kind}`);
  }
  side.matterId = await newMatter(t, side);
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    ...as(cadre, { 'content-type': 'image/jpeg' }),
    body: await photo(),
  });
  await expectOk(upload, 'meeting photo');
  side.deliberationAttachmentId = upload.json().id;
  const recorded = await matterReadyFor(t, side, 'proposal', 'record');
  const rec = await post(t, cadre, `/api/deliberation/matters/${recorded}/stages/proposal/record`, {
    present: 1,
    inFavour: 1,
    against: 0,
    abstaining: 0,
    minutes: '纪要',
    attachmentIds: [side.deliberationAttachmentId],
  });
  await expectOk(rec, 'record with photo');
}

/**
 * The side's estate: three units of its building — one owned by the side's resident (whose account
 * verifies as that owner), one by another resident, one unsold — and an owners' vote on it, drafted
 * and (unless `open: false`) opened by the side's centre.
 */
export async function freshVote(t: TestApp, side: Side, opts: { open?: boolean } = {}): Promise<string> {
  const created = await post(t, side.accounts.dispatcher, '/api/votes', {
    regionId: side.villageId,
    buildingIds: [side.placeIds.buildings],
    title: `${side.name}区业主表决${next()}`,
    item: 'committee',
    closesAt: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
  });
  await expectOk(created, 'vote');
  const id = created.json().id as string;
  if (opts.open !== false) await expectOk(await post(t, side.accounts.dispatcher, `/api/votes/${id}/open`, {}), 'open');
  return id;
}

/** A voter of the vote's roll who has not voted (the roll's first such entry). */
export async function unvotedVoter(t: TestApp, side: Side, voteId: string): Promise<string> {
  const roll = await t.app.inject({ method: 'GET', url: `/api/votes/${voteId}/roll`, ...as(side.accounts.dispatcher) });
  await expectOk(roll, 'roll');
  const voter = (roll.json().voters as { id: string; votedBy: string | null }[]).find((v) => v.votedBy === null);
  if (!voter) throw new Error('everyone voted');
  return voter.id;
}

async function buildVotes(t: TestApp, side: Side, ownerIdNumber: string) {
  const other = await post(t, side.accounts.dispatcher, '/api/residents', {
    villageId: side.villageId,
    gridId: side.gridId,
    name: `${side.name}区业主${next()}`,
  });
  await expectOk(other, 'owner');
  const regionPath = await queryRows<{ path: string }>(
    t.database.db,
    sql`SELECT path FROM regions WHERE id = ${side.villageId}`,
  );
  const path = regionPath[0]?.path as string;
  const owners = [side.residentId, other.json().id as string, null];
  for (const [i, owner] of owners.entries()) {
    const [house] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO houses (region_path, village_id, grid_id, building_id, address, usage, area_m2)
          VALUES (${path}, ${side.villageId}, ${side.gridId}, ${side.placeIds.buildings}, ${`${side.name}区${i + 1}01室`}, 'self_occupied', ${80 + i * 10})
          RETURNING id`,
    );
    if (owner)
      await t.database.db.execute(
        sql`INSERT INTO resident_houses (resident_id, house_id, relation) VALUES (${owner}, ${house?.id}, 'owner')`,
      );
  }
  await expectOk(
    await post(t, side.accounts.resident, '/api/my/owner-verification', { idNumber: ownerIdNumber }),
    'verify owner',
  );
  side.voteId = await freshVote(t, side);
  side.closedVoteId = await freshVote(t, side);
  const ballot = await post(t, side.accounts.resident, `/api/my/votes/${side.closedVoteId}/ballot`, {
    choice: 'for',
    idempotencyKey: `world-ballot-${side.name}`,
  });
  await expectOk(ballot, 'phone ballot');
  side.receiptCode = ballot.json().receiptCode;
  await expectOk(await post(t, side.accounts.dispatcher, `/api/votes/${side.closedVoteId}/close`, {}), 'close');
}

/** A published notice of the side's village, made by its centre, with a question from its resident. */
export async function publishedNotice(t: TestApp, side: Side, title = `${side.name}区公开${next()}`) {
  const { dispatcher } = side.accounts;
  const draft = await post(t, dispatcher, '/api/notices', {
    regionId: side.villageId,
    category: 'village',
    title,
    body: '本季度村务',
    idempotencyKey: crypto.randomUUID(),
  });
  await expectOk(draft, 'notice draft');
  const pub = await post(t, dispatcher, `/api/notices/${draft.json().id}/publish`, {
    version: draft.json().rowVersion,
  });
  await expectOk(pub, 'notice publish');
  return pub.json() as { id: string; rowVersion: number };
}

async function buildNotice(t: TestApp, side: Side, seq: number) {
  const n = await publishedNotice(t, side, `${side.name}区公开${seq}`);
  side.noticeId = n.id;
  const q = await post(t, side.accounts.resident, `/api/notices/${n.id}/inquiries`, {
    question: `${side.name}区的质询`,
    idempotencyKey: crypto.randomUUID(),
  });
  await expectOk(q, 'notice inquiry');
  side.inquiryId = q.json().id;
}

/** A topic raised in the side's village by its grid worker (its resident may support it). */
export async function raisedTopic(t: TestApp, side: Side, title = `${side.name}区议题${next()}`) {
  const res = await post(t, side.accounts.grid_worker, '/api/topics', {
    title,
    description: '议题的具体内容和建议',
    idempotencyKey: crypto.randomUUID(),
  });
  await expectOk(res, 'topic');
  return res.json() as { id: string };
}

/**
 * A 民生微实事 project of the side's village proposed by the side's resident and taken by the side's
 * cadre up to where `step` may be taken (the vote by the representatives' roll of one: the resident).
 */
export async function projectReadyFor(
  t: TestApp,
  side: Side,
  step: 'shortlist' | 'vote' | 'implement' | 'complete' | 'publish',
  title = `${side.name}区微实事${next()}`,
): Promise<string> {
  const made = await post(t, side.accounts.resident, '/api/micro-projects', {
    title,
    description: '加装扶手',
    category: 'elderly_disabled',
    estimatedCostFen: 500_000,
    place: '村委会旁',
    idempotencyKey: crypto.randomUUID(),
  });
  await expectOk(made, 'micro project');
  const id: string = made.json().id;
  const cadre = side.accounts.village_cadre;
  const steps = ['shortlist', 'vote', 'implement', 'complete', 'publish'] as const;
  for (const s of steps.slice(0, steps.indexOf(step))) {
    const res =
      s === 'vote'
        ? await post(t, cadre, '/api/micro-project-votes', {
            villageId: side.villageId,
            heldAt: t.clock.now().toISOString(),
            place: '村委会',
            present: 1,
            minutes: '表决',
            items: [{ projectId: id, inFavour: 1, against: 0, abstaining: 0 }],
            idempotencyKey: crypto.randomUUID(),
          })
        : await post(
            t,
            cadre,
            `/api/micro-projects/${id}/${s}`,
            s === 'implement'
              ? { implementer: '物业', budgetFen: 400_000, dueOn: '2027-06-30' }
              : s === 'complete'
                ? { acceptanceNote: '合格', actualCostFen: 390_000 }
                : {},
          );
    await expectOk(res, `micro project ${s}`);
  }
  return id;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const A = await buildSide(t, 'A', '410104001', '410104001001', '格物街道综合行政执法中队');
  const B = await buildSide(t, 'B', '410104002', '410104002001', '知行街道综合行政执法中队');
  return { t, A, B };
}

/** A patrol of the side's grid worker, started 10 minutes ago in the side's grid, with one batch of 3 points (seq 0). */
export async function freshPatrol(t: TestApp, side: Side): Promise<string> {
  const gw = side.accounts.grid_worker;
  const now = t.clock.now().getTime();
  const id = crypto.randomUUID();
  await expectOk(
    await post(t, gw, '/api/patrols', { id, gridId: side.gridId, startedAt: now - 600_000 }),
    'patrol start',
  );
  const points = [0, 10_000, 20_000].map((dt) => ({ t: now - 590_000 + dt, ...side.point, acc: 8 }));
  await expectOk(await post(t, gw, `/api/patrols/${id}/points`, { seq: 0, points }), 'patrol points');
  return id;
}
