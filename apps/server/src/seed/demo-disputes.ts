import { randomUUID } from 'node:crypto';
import {
  type DisputeEventDataMap,
  type DisputeRegistration,
  type DisputeStage,
  type PartyInput,
  defaultWorkCalendar,
  disputeStageLimit,
  disputeTierOfPath,
  idCheckChar,
} from '@gewu/domain';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { stageClock } from '../platform/clocks/index.ts';
import { regions } from '../modules/regions/regions.table.ts';
import { users } from '../modules/users/users.table.ts';
import { disputeTypes, mediationOrganisations, mediators } from '../modules/disputes/disputes.table.ts';
import {
  type DisputeRow,
  type NewDisputeEvent,
  appendDisputeEvent,
  insertParties,
  nextDisputeCode,
} from '../modules/disputes/disputes.repository.ts';
import { protectParty } from '../modules/disputes/disputes.parties.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const COUNTY = '410104';
const GEWU = '410104001';
const MINGDE = '410104001001';

/** A made-up identity number with its valid check character. */
const idOf = (first17: string) => first17 + idCheckChar(first17);

/** Made-up identity numbers and 139 phones (the demo's people do not exist). */
const PEOPLE = {
  wang: {
    name: '王建国',
    idNumber: idOf('41010419750315001'),
    phone: '13912340001',
    address: '明德社区 3 号楼 2 单元 502',
  },
  liu: {
    name: '刘秀英',
    idNumber: idOf('41010419820822004'),
    phone: '13912340002',
    address: '明德社区 3 号楼 2 单元 402',
  },
  chen: { name: '陈志强', phone: '13912340003' },
  zhao: { name: '赵丽', phone: '13912340004' },
  huang: { name: '黄大海', idNumber: idOf('41010419681130003'), phone: '13912340005' },
  zhou: { name: '周明', phone: '13912340006' },
} satisfies Record<string, Omit<Extract<PartyInput, { kind: 'person' }>, 'side' | 'role' | 'kind'>>;

export interface DisputeBaseCounts {
  mediationOrganisations: number;
  disputes: number;
}

/**
 * The demo's disputes: a people's mediation committee per community/village and per township, the
 * county's committee and its medical-dispute committee, the demo mediator in 格物街道人民调解委员会,
 * and a handful of disputes in different states (registered, diverted and mediating, agreed inside
 * the 司法确认 window, closed after a follow-up, a major one with its 稳控责任人, one declined).
 */
export async function seedDisputeBase(
  db: Db,
  clock: Clock,
  pii: PiiCipher,
  ids: Map<string, { id: string; path: string }>,
): Promise<DisputeBaseCounts> {
  const now = clock.now();
  const cal = defaultWorkCalendar();
  const codes = [...ids.keys()].filter((c) => c.length === 12 || c.length === 9);
  const named = await db
    .select({ code: regions.code, name: regions.name, id: regions.id, path: regions.path })
    .from(regions)
    .where(inArray(regions.code, [...codes, COUNTY]));
  const orgRows: (typeof mediationOrganisations.$inferInsert)[] = named.map((r) => ({
    regionId: r.id,
    regionPath: r.path,
    tier: disputeTierOfPath(r.path),
    kind: r.code.length === 12 ? 'people_village' : r.code.length === 9 ? 'people_township' : 'people_county',
    name: `${r.name}人民调解委员会`,
    createdAt: now,
  }));
  const county = named.find((r) => r.code === COUNTY);
  if (county)
    orgRows.push({
      regionId: county.id,
      regionPath: county.path,
      tier: 'county',
      kind: 'professional',
      name: '管城区医疗纠纷人民调解委员会',
      typeCodes: ['medical'],
      createdAt: now,
    });
  const orgs = await db.insert(mediationOrganisations).values(orgRows).returning();
  const orgOf = (name: string) => orgs.find((o) => o.name === name) as (typeof orgs)[number];
  const township = orgOf('格物街道人民调解委员会');
  const mingde = orgOf('明德社区人民调解委员会');

  const staff = await db
    .select({ id: users.id, username: users.username, name: users.displayName })
    .from(users)
    .where(inArray(users.username, ['mediator', 'dispatcher', 'gridworker']));
  const user = (u: string) => staff.find((s) => s.username === u) as (typeof staff)[number];
  const mediator = user('mediator');
  const dispatcher = user('dispatcher');
  await db
    .insert(mediators)
    .values({ userId: mediator.id, organisationId: township.id, title: '专职人民调解员', linkedAt: now });
  const limits = new Map((await db.select().from(disputeTypes)).map((t) => [t.code, t.limits] as const));

  /** One demo dispute: registered `daysAgo` days ago, then the given events an hour or more apart. */
  async function dispute(
    daysAgo: number,
    r: Omit<
      DisputeRegistration,
      | 'id'
      | 'code'
      | 'tier'
      | 'registeredBy'
      | 'linkedCaseId'
      | 'referringBody'
      | 'externalRef'
      | 'address'
      | 'stabilityUserId'
      | 'civilToCriminal'
      | 'risk'
    > &
      Partial<DisputeRegistration>,
    parties: PartyInput[],
    then: (p: {
      ids: string[];
      at: (hours: number) => Date;
      clock: (stage: DisputeStage, from: Date) => DisputeEventDataMap['accept']['clock'];
    }) => {
      type: NewDisputeEvent['type'];
      hours: number;
      by: { id: string; name: string };
      note?: string;
      data: NewDisputeEvent['data'];
    }[],
  ): Promise<DisputeRow> {
    const start = new Date(now.getTime() - daysAgo * DAY_MS);
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR_MS);
    const clockOf = (stage: DisputeStage, from: Date) =>
      stageClock(stage, from, disputeStageLimit(stage, limits.get(r.typeCode)), cal);
    const day = new Date(start.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10).replaceAll('-', '');
    let row = await appendDisputeEvent(db, null, {
      type: 'register',
      at: start,
      actor: { id: dispatcher.id, name: dispatcher.name },
      data: {
        dispute: {
          id: randomUUID(),
          code: await nextDisputeCode(db, day),
          tier: disputeTierOfPath(r.regionPath),
          registeredBy: dispatcher.id,
          linkedCaseId: null,
          referringBody: null,
          externalRef: null,
          address: null,
          stabilityUserId: null,
          civilToCriminal: false,
          risk: 'general',
          ...r,
        },
        clock: clockOf('accept', start),
      },
    });
    const errors: { path: string; message: string }[] = [];
    const inserted = await insertParties(
      db,
      parties.map((p) => ({
        ...protectParty({ pii, clock }, p, errors),
        disputeId: row.id,
        createdAt: start,
        updatedAt: start,
      })),
    );
    if (errors.length) throw new Error(`demo party: ${errors[0]?.message}`);
    for (const e of then({ ids: inserted.map((p) => p.id), at, clock: clockOf }))
      row = await appendDisputeEvent(db, row, {
        type: e.type,
        at: at(e.hours),
        actor: e.by,
        note: e.note ?? null,
        data: e.data,
      } as NewDisputeEvent);
    return row;
  }

  const person = (who: keyof typeof PEOPLE, side: 'a' | 'b'): PartyInput => ({
    kind: 'person',
    side,
    role: 'principal',
    ...PEOPLE[who],
  });
  const path = (code: string) => ids.get(code)?.path as string;
  const m = { id: mediator.id, name: mediator.name };
  const d = { id: dispatcher.id, name: dispatcher.name };
  const divertTo = (
    o: typeof township,
    c: (s: DisputeStage, f: Date) => DisputeEventDataMap['accept']['clock'],
    when: Date,
  ) => ({
    clock: c('assign', when),
    path: 'people_mediation' as const,
    tier: o.tier,
    organisationId: o.id,
    organisationName: o.name,
  });

  const made: DisputeRow[] = [];
  // 待受理: a walk-in this morning about noise from the flat above.
  made.push(
    await dispute(
      0,
      {
        typeCode: 'neighbour',
        summary: '楼上住户夜间噪音扰民，多次沟通未果',
        regionPath: path(MINGDE),
        source: 'walk_in',
      },
      [person('chen', 'a'), person('zhao', 'b')],
      () => [],
    ),
  );
  // 调解中: a water leak between neighbours, diverted to the township committee with a reason, one session held.
  made.push(
    await dispute(
      6,
      {
        typeCode: 'property_management',
        summary: '楼上卫生间漏水致楼下天花板受损，双方就维修和赔偿产生争议',
        regionPath: path(MINGDE),
        source: 'grid_screening',
      },
      [person('wang', 'a'), person('liu', 'b')],
      ({ ids: [a, b], at, clock: c }) => [
        { type: 'accept', hours: 2, by: d, data: { clock: c('divert', at(2)) } },
        {
          type: 'divert',
          hours: 4,
          by: d,
          note: '涉及物业维修责任，社区调委会申请街道调委会调处',
          data: divertTo(township, c, at(4)),
        },
        {
          type: 'assign',
          hours: 20,
          by: m,
          data: { clock: c('mediate', at(20)), mediatorUserId: m.id, mediatorName: m.name },
        },
        {
          type: 'record_session',
          hours: 50,
          by: m,
          note: '听取双方陈述，现场查看漏水位置，约定由物业出具检测报告后再次调解',
          data: {
            session: {
              heldAt: at(48).toISOString(),
              place: '明德社区调解室',
              attendeePartyIds: [a as string, b as string],
              otherAttendees: ['物业公司 张经理'],
            },
          },
        },
      ],
    ),
  );
  // 已达成协议: agreed two days ago; the 30-day window for 司法确认 runs.
  made.push(
    await dispute(
      9,
      { typeCode: 'neighbour', summary: '相邻院墙越界建设引发纠纷', regionPath: path(MINGDE), source: 'walk_in' },
      [person('huang', 'a'), person('zhou', 'b')],
      ({ ids: [a, b], at, clock: c }) => {
        const agreedAt = at(7 * 24);
        const agreement = {
          partyIds: [a as string, b as string],
          facts: '乙方翻建院墙时越过界址约 30 厘米，甲方要求拆除',
          terms: [
            {
              text: '乙方于协议生效后十日内自费拆除越界部分院墙',
              dueDate: new Date(agreedAt.getTime() + 10 * DAY_MS + 8 * HOUR_MS).toISOString().slice(0, 10),
            },
            { text: '甲方不再就此事主张其他赔偿', dueDate: null },
          ],
          effectiveAt: agreedAt.toISOString(),
        };
        const window = c('confirm_window', agreedAt);
        return [
          { type: 'accept', hours: 1, by: d, data: { clock: c('divert', at(1)) } },
          { type: 'divert', hours: 3, by: d, data: divertTo(mingde, c, at(3)) },
          {
            type: 'assign',
            hours: 5,
            by: d,
            data: { clock: c('mediate', at(5)), mediatorUserId: m.id, mediatorName: m.name },
          },
          {
            type: 'record_session',
            hours: 3 * 24,
            by: m,
            note: '双方到场，测量界址，乙方同意拆除越界部分',
            data: {
              session: {
                heldAt: at(3 * 24).toISOString(),
                place: '明德社区调解室',
                attendeePartyIds: [a as string, b as string],
                otherAttendees: [],
              },
            },
          },
          {
            type: 'agree',
            hours: 7 * 24,
            by: m,
            data: { clock: window, agreement, confirmationDeadline: window.deadline },
          },
        ];
      },
    ),
  );
  // 已结案: a court-referred wage dispute (诉调对接), agreed, no 司法确认, followed up and closed.
  made.push(
    await dispute(
      40,
      {
        typeCode: 'labour',
        summary: '装修工人追讨工资 8600 元',
        regionPath: path(GEWU),
        source: 'court_referral',
        referringBody: '管城回族区人民法院',
        externalRef: '（2026）豫0104民诉前调1234号',
      },
      [
        person('chen', 'a'),
        {
          kind: 'organisation',
          side: 'b',
          role: 'principal',
          name: '郑州格物装饰工程有限公司',
          creditCode: '91410104MA44XXXX1X',
        },
      ],
      ({ ids: [a, b], at, clock: c }) => {
        const agreedAt = at(10 * 24);
        const agreement = {
          partyIds: [a as string, b as string],
          facts: '乙方拖欠甲方装修工资 8600 元',
          terms: [
            {
              text: '乙方于协议生效后 7 日内一次性支付甲方工资 8600 元',
              dueDate: new Date(agreedAt.getTime() + 7 * DAY_MS + 8 * HOUR_MS).toISOString().slice(0, 10),
            },
          ],
          effectiveAt: agreedAt.toISOString(),
        };
        const window = c('confirm_window', agreedAt);
        return [
          { type: 'accept', hours: 1, by: d, data: { clock: c('divert', at(1)) } },
          { type: 'divert', hours: 2, by: d, data: divertTo(township, c, at(2)) },
          {
            type: 'assign',
            hours: 3,
            by: m,
            data: { clock: c('mediate', at(3)), mediatorUserId: m.id, mediatorName: m.name },
          },
          {
            type: 'record_session',
            hours: 5 * 24,
            by: m,
            note: '双方对欠薪数额无异议，就支付期限协商一致',
            data: {
              session: {
                heldAt: at(5 * 24).toISOString(),
                place: '格物街道综治中心调解室',
                attendeePartyIds: [a as string, b as string],
                otherAttendees: [],
              },
            },
          },
          {
            type: 'agree',
            hours: 10 * 24,
            by: m,
            data: { clock: window, agreement, confirmationDeadline: window.deadline },
          },
          {
            type: 'waive_confirmation',
            hours: 11 * 24,
            by: m,
            note: '双方表示不申请司法确认',
            data: { clock: c('follow_up', at(11 * 24)) },
          },
          {
            type: 'follow_up',
            hours: 18 * 24,
            by: m,
            note: '电话回访甲方，工资已全部到账',
            data: { performance: 'full' },
          },
          { type: 'close', hours: 19 * 24, by: d, data: { clock: null } },
        ];
      },
    ),
  );
  // 重大 risk with 民转刑 flag and its 稳控责任人 (the grid worker of the place), accepted, awaiting diversion.
  made.push(
    await dispute(
      2,
      {
        typeCode: 'expropriation',
        summary: '旧改项目补偿标准争议，当事人情绪激动，扬言采取极端行为',
        regionPath: path(MINGDE),
        source: 'police_referral',
        referringBody: '格物派出所',
        externalRef: 'JQ202603010088',
        risk: 'major',
        civilToCriminal: true,
        stabilityUserId: user('gridworker').id,
      },
      [person('huang', 'a')],
      ({ at, clock: c }) => [{ type: 'accept', hours: 1, by: d, data: { clock: c('divert', at(1)) } }],
    ),
  );
  // 不予受理: a dispute for arbitration.
  made.push(
    await dispute(
      15,
      {
        typeCode: 'consumer',
        summary: '购买家电质量纠纷，合同约定仲裁',
        regionPath: path(GEWU),
        source: 'hotline_12345',
        externalRef: '12345-20260301-0456',
      },
      [person('zhao', 'a')],
      () => [
        {
          type: 'decline',
          hours: 3,
          by: d,
          note: '合同约定由仲裁委员会仲裁，已告知当事人申请仲裁',
          data: { clock: null, channel: 'arbitration' },
        },
      ],
    ),
  );
  return { mediationOrganisations: orgs.length, disputes: made.length };
}
