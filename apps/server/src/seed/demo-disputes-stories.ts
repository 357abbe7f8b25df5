import {
  type DisputeEventDataMap,
  type DisputeRegistration,
  type DisputeStage,
  type PartyInput,
  idCheckChar,
} from '@gewu/domain';
import type { NewDisputeEvent, DisputeRow } from '../modules/disputes/disputes.repository.ts';
import type { mediationOrganisations } from '../modules/disputes/disputes.table.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
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

/** One step of a demo dispute's history, `hours` after its registration. */
export interface DemoStep {
  type: NewDisputeEvent['type'];
  hours: number;
  by: { id: string; name: string };
  note?: string;
  data: NewDisputeEvent['data'];
}

/** Writes one demo dispute: registered `daysAgo` days ago with its parties, then its steps. */
export type DemoDispute = (
  daysAgo: number,
  registration: Pick<DisputeRegistration, 'typeCode' | 'summary' | 'regionPath' | 'source'> &
    Partial<DisputeRegistration>,
  parties: PartyInput[],
  then: (p: {
    ids: string[];
    at: (hours: number) => Date;
    clock: (stage: DisputeStage, from: Date) => DisputeEventDataMap['accept']['clock'];
  }) => DemoStep[],
) => Promise<DisputeRow>;

type Organisation = typeof mediationOrganisations.$inferSelect;

/**
 * The demo's six disputes, one per state worth seeing: waiting to be accepted, in mediation at the
 * township committee, agreed inside the 司法确认 window, closed after a follow-up (诉调对接), a major
 * one with its 稳控责任人 (公调对接), and one declined. Returns how many were written.
 */
export async function seedDisputeStories(p: {
  dispute: DemoDispute;
  path: (code: string) => string;
  township: Organisation;
  mingde: Organisation;
  mediator: { id: string; name: string };
  dispatcher: { id: string; name: string };
  gridWorkerId: string;
}): Promise<number> {
  const { dispute, path, township, mingde, mediator, dispatcher } = p;
  const person = (who: keyof typeof PEOPLE, side: 'a' | 'b'): PartyInput => ({
    kind: 'person',
    side,
    role: 'principal',
    ...PEOPLE[who],
  });
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
        stabilityUserId: p.gridWorkerId,
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
  return made.length;
}
