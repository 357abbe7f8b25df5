import { randomUUID } from 'node:crypto';
import {
  type PetitionerInput,
  type PetitionIntake,
  type PetitionOpinion,
  type PetitionRegistration,
  defaultWorkCalendar,
  idCheckChar,
  isCollectiveVisit,
  petitionClockRecord,
  petitionIntakeRoute,
  petitionLocalDate,
  petitionSubjectKey,
  reviewWindow,
} from '@gewu/domain';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { users } from '../modules/users/users.table.ts';
import {
  type NewPetitionEvent,
  type PetitionRow,
  appendPetitionEvent,
  insertPetitioners,
  nextOpinionSerial,
  nextPetitionCode,
} from '../modules/petitions/petitions.repository.ts';
import { protectPetitioner } from '../modules/petitions/petitions.petitioners.ts';

const DAY_MS = 86_400_000;
const idOf = (first17: string) => first17 + idCheckChar(first17);

/** Made-up petitioners (the demo's people do not exist). */
const PEOPLE = {
  ma: { name: '马守田', idNumber: idOf('41010419600412003'), phone: '13912350001', address: '明德社区五组 6 号' },
  he: { name: '何桂芳', idNumber: idOf('41010419710928006'), phone: '13912350002', address: '明德社区 7 号楼 301' },
  lu: { name: '鲁大庆', idNumber: idOf('41010419650101005'), phone: '13912350003' },
  jiang: { name: '江小川', phone: '13912350004', address: '知行里 2 号' },
  song: { name: '宋玉兰', idNumber: idOf('41010419580707002'), phone: '13912350005' },
  tang: { name: '唐志远', phone: '13912350006' },
  qin: { name: '秦晓梅', phone: '13912350007' },
} satisfies Record<string, PetitionerInput>;

type Step = { type: NewPetitionEvent['type']; daysAgo: number; note?: string; data: NewPetitionEvent['data'] };

/**
 * The demo's petitions (信访), one of each situation the register shows: a collective visit just in, a
 * letter turning yellow and an online petition past its 15 days, one accepted, extended and taken by the
 * leader (包案), one answered with its 复查 window open, one 复查 under way, and a matter sent to the court
 * (诉访分离). Their clocks are counted from the days they happened, as the service counts them.
 */
export async function seedPetitionBase(
  db: Db,
  clock: Clock,
  pii: PiiCipher,
  ids: Map<string, { id: string; path: string }>,
): Promise<{ petitions: number }> {
  const now = clock.now();
  const cal = defaultWorkCalendar();
  const staff = await db
    .select({ id: users.id, username: users.username, name: users.displayName })
    .from(users)
    .where(inArray(users.username, ['dispatcher', 'leader']));
  const who = (u: string) => {
    const s = staff.find((x) => x.username === u);
    if (!s) throw new Error(`demo user ${u} missing`);
    return { id: s.id, name: s.name };
  };
  const dispatcher = who('dispatcher');
  const leader = who('leader');
  const path = (code: string) => ids.get(code)?.path as string;
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const day = (days: number) => petitionLocalDate(ago(days), cal);

  const intake = (findings: object): PetitionIntake => {
    const r = petitionIntakeRoute(findings);
    return {
      findings,
      route: r.route,
      rule: r.rule,
      basis: r.basis,
      procedure: r.route === 'transfer_to_procedure' ? r.procedure : null,
      body: null,
      destination: r.route === 'transfer_to_procedure' ? '人民法院（诉讼程序）' : null,
      lateReason: null,
    };
  };
  const opinion = async (days: number, text: Pick<PetitionOpinion, 'facts' | 'opinion' | 'basis'>) => ({
    agency: '格物访',
    serial: await nextOpinionSerial(db),
    body: '格物街道办事处',
    reviewBody: '管城回族区人民政府',
    outcome: null,
    date: day(days),
    deliveredOn: day(days),
    ...text,
  });

  let made = 0;
  async function petition(
    daysAgo: number,
    r: Pick<
      PetitionRegistration,
      'channel' | 'summary' | 'matterType' | 'respondent' | 'subjectObject' | 'regionPath'
    > &
      Partial<PetitionRegistration>,
    people: PetitionerInput[],
    steps: Step[],
  ): Promise<PetitionRow> {
    const start = ago(daysAgo);
    const id = randomUUID();
    const headcount = r.headcount ?? people.length;
    let row = await appendPetitionEvent(db, null, {
      type: 'register',
      at: start,
      actor: dispatcher,
      data: {
        petition: {
          id,
          code: await nextPetitionCode(db, day(daysAgo).replaceAll('-', '')),
          subjectKey: petitionSubjectKey({
            respondent: r.respondent,
            matterType: r.matterType,
            object: r.subjectObject,
          }),
          matterId: id,
          repeatOfId: null,
          headcount,
          collective: isCollectiveVisit(r.channel, headcount),
          receivedAt: start.toISOString(),
          registeredBy: dispatcher.id,
          receiptNo: null,
          newFactsOrReasons: false,
          refilingBar: null,
          ...r,
        },
        clock: petitionClockRecord('intake', start, cal),
      },
    });
    const errors: { path: string; message: string }[] = [];
    await insertPetitioners(
      db,
      people.map((p, ordinal) => ({
        ...protectPetitioner({ pii, clock }, p, errors, ''),
        petitionId: row.id,
        ordinal,
        createdAt: start,
      })),
    );
    if (errors.length) throw new Error(`demo petitioner: ${errors[0]?.message}`);
    for (const s of steps)
      row = await appendPetitionEvent(db, row, {
        type: s.type,
        at: ago(s.daysAgo),
        actor: s.type === 'take' || s.type === 'supervise' ? leader : dispatcher,
        note: s.note ?? null,
        data: s.data,
      } as NewPetitionEvent);
    made++;
    return row;
  }

  const GEWU = path('410104001');
  const MINGDE = path('410104001001');
  const notice = (kind: 'intake' | 'extension', days: number, noticeKey: string, reason: string) => ({
    kind,
    noticeKey,
    issuedOn: day(days),
    destination: null,
    reason,
  });
  const accepted = (days: number) => ({
    type: 'accept' as const,
    daysAgo: days,
    data: {
      clock: petitionClockRecord('handling', ago(days), cal),
      intake: intake({}),
      notice: notice('intake', days, 'petitions.notices.accepted', intake({}).basis),
    },
  });

  // A collective visit (8 people, 3 representatives registered) on resettlement compensation, just in.
  await petition(
    1,
    {
      channel: 'visit',
      regionPath: MINGDE,
      summary: '明德社区五组 8 户村民集体来访，反映旧村改造安置房交付延期一年，要求明确交房时间并支付过渡费',
      matterType: 'land_expropriation',
      respondent: '格物街道征收办',
      subjectObject: '明德社区五组旧村改造安置房',
      headcount: 8,
    },
    [PEOPLE.ma, PEOPLE.song, PEOPLE.tang],
    [],
  );
  // A letter near its 15 days (yellow unless a holiday moves its last day far out).
  await petition(
    14,
    {
      channel: 'letter',
      regionPath: MINGDE,
      summary: '来信反映小区地下车库长期渗水，物业和开发商相互推诿',
      matterType: 'urban_construction',
      respondent: '明德花园物业服务中心',
      subjectObject: '明德花园地下车库',
    },
    [PEOPLE.he],
    [],
  );
  // An online petition past its 15 days (even a Spring Festival cannot move day 15 past day 30).
  await petition(
    30,
    {
      channel: 'online',
      regionPath: GEWU,
      summary: '网上信访反映街道菜市场周边占道经营、夜间噪音扰民',
      matterType: 'environment',
      respondent: '格物街道综合行政执法中队',
      subjectObject: '格物街道农贸市场周边',
    },
    [PEOPLE.jiang],
    [],
  );
  // Accepted, taken by the leader (包案), extended by 20 days with his approval.
  const extended = petitionClockRecord('handling', ago(50), cal, { extensionDays: 20 });
  await petition(
    52,
    {
      channel: 'visit',
      regionPath: MINGDE,
      summary: '反映企业拖欠 12 名农民工工资共计 36 万元',
      matterType: 'labour_social_security',
      respondent: '郑州某建筑劳务公司',
      subjectObject: '明德社区安置房二期工程',
    },
    [PEOPLE.lu],
    [
      accepted(50),
      {
        type: 'take',
        daysAgo: 49,
        note: '本人包案，督促限期解决',
        data: { leaderUserId: leader.id, leaderName: leader.name, previousLeaderUserId: null },
      },
      {
        type: 'extend',
        daysAgo: 8,
        data: {
          clock: extended,
          days: 20,
          totalDays: 20,
          reason: '涉及劳务分包多方，需人社部门核定工资数额',
          approvedBy: leader,
          notice: {
            ...notice('extension', 8, 'petitions.notices.extension', '涉及劳务分包多方，需人社部门核定工资数额'),
            days: 20,
            newLastDay: extended.lastDay,
          },
        },
      },
    ],
  );
  // Answered ten days ago: the 复查 window is open and the 处理意见书 can be printed.
  const reply = await opinion(10, {
    facts: '经调查，该路段排水管网于 2019 年建成，因雨污混接导致雨季倒灌。',
    opinion: '街道城建办于 30 日内完成雨污分流改造，改造期间设置临时排水泵。',
    basis: '《城镇排水与污水处理条例》第二十条',
  });
  await petition(
    48,
    {
      channel: 'phone',
      regionPath: MINGDE,
      summary: '来电反映明德路雨天积水倒灌进入一楼住户',
      matterType: 'urban_construction',
      respondent: '格物街道城建办',
      subjectObject: '明德路 18 号至 26 号路段',
    },
    [PEOPLE.qin],
    [
      accepted(46),
      {
        type: 'reply',
        daysAgo: 10,
        data: {
          clock: null,
          opinion: reply,
          windowLastDay: reviewWindow('review', reply.deliveredOn, reply.deliveredOn, cal).lastDay,
        },
      },
    ],
  );
  // 复查 under way: the reply was 40 days ago, the request came 20 days later.
  const first = await opinion(40, {
    facts: '经查，信访人承包地已纳入征收范围，补偿标准按省定标准执行。',
    opinion: '维持征收补偿标准，对地上附着物补充评估。',
    basis: '《河南省实施〈中华人民共和国土地管理法〉办法》',
  });
  await petition(
    95,
    {
      channel: 'letter',
      regionPath: MINGDE,
      summary: '对承包地征收补偿标准有异议，认为地上附着物未计入',
      matterType: 'land_expropriation',
      respondent: '格物街道征收办',
      subjectObject: '明德社区二组 3 亩承包地',
    },
    [PEOPLE.ma],
    [
      accepted(93),
      {
        type: 'reply',
        daysAgo: 40,
        data: {
          clock: null,
          opinion: first,
          windowLastDay: reviewWindow('review', first.deliveredOn, first.deliveredOn, cal).lastDay,
        },
      },
      {
        type: 'request_review',
        daysAgo: 20,
        data: { clock: petitionClockRecord('reviewDecision', ago(20), cal), receivedOn: day(20) },
      },
    ],
  );
  // 诉访分离: a matter already before the court leaves the petition track with the notice.
  const court = intake({ belongsToLitigation: true });
  const route = petitionIntakeRoute({ belongsToLitigation: true });
  await petition(
    30,
    {
      channel: 'visit',
      regionPath: GEWU,
      summary: '要求撤销法院就房屋买卖合同纠纷作出的判决',
      matterType: 'law_related',
      respondent: '管城回族区人民法院',
      subjectObject: '（2026）豫0104民初1234号判决',
    },
    [PEOPLE.song],
    [
      {
        type: 'refer',
        daysAgo: 29,
        data: {
          clock: null,
          intake: court,
          notice: {
            ...notice('intake', 29, route.route === 'accept' ? '' : route.noticeKey, court.basis),
            destination: court.destination,
          },
        },
      },
    ],
  );
  return { petitions: made };
}
