import { WARNING_FRACTION } from './calendar.ts';

/**
 * Village deliberation (村务决策): the bodies that meet, the matters the law puts to each, their quorum
 * and majority, and the 四议两公开 procedure as data. Pure rules: the server refuses what they refuse,
 * the web shows what they compute as the counts are typed.
 *
 * Sources: 《中华人民共和国村民委员会组织法》(2018) arts. 21–27, 30 (domain.md "Deliberation and
 * openness"); 《中国共产党支部工作条例（试行）》(2018) for the party's own meetings; 四议两公开 is local
 * practice (not national law) written down in provincial and county rules.
 */

/** The bodies that meet on a village's (or community's) matters. */
export const DELIBERATION_BODIES = [
  'party_branch', // 党支部（支部委员会）会议
  'two_committees', // 村"两委"（村党组织委员会、村民委员会）联席会议
  'party_members', // 党员大会
  'villagers_meeting', // 村民会议
  'representatives_meeting', // 村民代表会议
  'residents_council', // 居民议事会
] as const;
export type DeliberationBody = (typeof DELIBERATION_BODIES)[number];

/**
 * Whom a body's roll lists. 村民会议 (art. 22): every villager aged 18+ (`adults`), or one representative
 * per household (`households`) — the village chooses which way it convenes; every other body lists its
 * members (`members`), entered by hand with a reason.
 */
export const ROLL_BASES = ['adults', 'households', 'members'] as const;
export type RollBasis = (typeof ROLL_BASES)[number];

/** The bases a body's roll may have. */
export const BODY_BASES: Record<DeliberationBody, readonly RollBasis[]> = {
  party_branch: ['members'],
  two_committees: ['members'],
  party_members: ['members'],
  villagers_meeting: ['adults', 'households'],
  representatives_meeting: ['members'],
  residents_council: ['members'],
};

/** Age from which a villager is on the villagers' meeting roll (村民委员会组织法 art. 22: 年满十八周岁). */
export const VOTING_AGE = 18;

/** Whether a person born on `birthDate` (YYYY-MM-DD) is 18 or older on `day` (YYYY-MM-DD): from the 18th birthday on. */
export function isOfVotingAge(birthDate: string, day: string): boolean {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age >= VOTING_AGE;
}

/** A fraction compared exactly in integers: `strict` is "more than" (过半数), otherwise "at least" (以上). */
export interface Threshold {
  num: number;
  den: number;
  strict: boolean;
}
const MORE_THAN_HALF: Threshold = { num: 1, den: 2, strict: true };
/** 三分之二以上: in Chinese law 以上 includes the number itself (民法典 art. 1259: 以上 includes the number, 超过 does not). */
const AT_LEAST_TWO_THIRDS: Threshold = { num: 2, den: 3, strict: false };
/** 半数以上: half or more, by the same convention (以上 includes the number). */
const AT_LEAST_HALF: Threshold = { num: 1, den: 2, strict: false };

/** Whether `part` of `whole` reaches the threshold (integers only: 2/3 of 9 is exactly 6). */
export function reaches(part: number, whole: number, t: Threshold): boolean {
  if (whole <= 0) return false;
  const lhs = part * t.den;
  const rhs = whole * t.num;
  return t.strict ? lhs > rhs : lhs >= rhs;
}

/**
 * A body's quorum (of the frozen roll, 应到) and majority (of those present, 实到, or of the roll).
 * Abstentions and members present who do not vote count as present and not in favour.
 */
export interface BodyRule {
  quorum: Threshold;
  /** What the votes in favour are measured against. */
  majorityOf: 'present' | 'expected';
  majority: Threshold;
  /** The article the rule comes from (shown beside the computed result). */
  source: string;
}

export const BODY_RULES: Record<DeliberationBody, BodyRule> = {
  /** 支部委员会会议: half or more of the members present (半数以上); a decision more than half of the members (超过半数). */
  party_branch: {
    quorum: AT_LEAST_HALF,
    majorityOf: 'expected',
    majority: MORE_THAN_HALF,
    source: '《中国共产党支部工作条例（试行）》：支部委员会会议须有半数以上委员到会，决定事项须超过应到会委员半数同意',
  },
  /** 两委联席会议 (local practice): more than half present; a decision more than half of those present. */
  two_committees: {
    quorum: MORE_THAN_HALF,
    majorityOf: 'present',
    majority: MORE_THAN_HALF,
    source: '四议两公开工作法（地方规定）：村“两委”联席会议须过半数成员到会，决定须经到会成员过半数同意',
  },
  /** 党员大会: half or more of the members with a vote present (半数以上); a decision more than half of those expected (超过). */
  party_members: {
    quorum: AT_LEAST_HALF,
    majorityOf: 'expected',
    majority: MORE_THAN_HALF,
    source:
      '《中国共产党支部工作条例（试行）》：党员大会须有半数以上有表决权的党员到会方可进行，表决须超过应到会有表决权的党员半数同意',
  },
  /**
   * 村民会议, art. 22: more than half of the villagers aged 18+ present (`households`: see `quorumOf`);
   * a decision needs more than half of those present.
   */
  villagers_meeting: {
    quorum: MORE_THAN_HALF,
    majorityOf: 'present',
    majority: MORE_THAN_HALF,
    source:
      '《村民委员会组织法》第二十二条：村民会议应当有本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加，所作决定应当经到会人员的过半数通过',
  },
  /** 村民代表会议, art. 26: at least two thirds of its members present; a decision more than half of those present. */
  representatives_meeting: {
    quorum: AT_LEAST_TWO_THIRDS,
    majorityOf: 'present',
    majority: MORE_THAN_HALF,
    source:
      '《村民委员会组织法》第二十六条：村民代表会议有三分之二以上的组成人员参加方可召开，所作决定应当经到会人员的过半数同意',
  },
  /** 居民议事会 (community practice, by analogy with 城市居民委员会组织法 art. 9): more than half present, more than half of those present. */
  residents_council: {
    quorum: MORE_THAN_HALF,
    majorityOf: 'present',
    majority: MORE_THAN_HALF,
    source: '《城市居民委员会组织法》第九条（参照）：居民议事会过半数成员到会，决定经到会成员过半数通过',
  },
};

/** The quorum for a body on a roll basis: art. 22's household way needs at least two thirds of the households. */
export function quorumOf(body: DeliberationBody, basis: RollBasis): Threshold {
  return body === 'villagers_meeting' && basis === 'households' ? AT_LEAST_TWO_THIRDS : BODY_RULES[body].quorum;
}

/** One meeting's counts as recorded: the frozen roll's size and what happened. */
export interface MeetingCounts {
  expected: number;
  present: number;
  inFavour: number;
  against: number;
  abstaining: number;
}

export type CountsProblem = 'present_exceeds_expected' | 'votes_exceed_present' | 'negative';

/** What is impossible in the counts themselves (before any threshold). */
export function countsProblem(c: MeetingCounts): CountsProblem | null {
  if ([c.expected, c.present, c.inFavour, c.against, c.abstaining].some((n) => !Number.isInteger(n) || n < 0))
    return 'negative';
  if (c.present > c.expected) return 'present_exceeds_expected';
  if (c.inFavour + c.against + c.abstaining > c.present) return 'votes_exceed_present';
  return null;
}

export interface MeetingOutcome {
  problem: CountsProblem | null;
  quorate: boolean;
  passed: boolean;
  /** The least present for a quorum, and the least in favour for passing on these counts. */
  quorumNeeded: number;
  majorityNeeded: number;
}

/** The smallest n with `reaches(n, whole, t)` (whole + 1 when none reaches it). */
export function leastReaching(whole: number, t: Threshold): number {
  if (whole <= 0) return 1;
  const exact = (whole * t.num) / t.den;
  const n = t.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
  return Math.min(n, whole + 1);
}

/** Whether a meeting of `body` (roll on `basis`) was quorate and its decision passed. */
export function meetingOutcome(body: DeliberationBody, basis: RollBasis, c: MeetingCounts): MeetingOutcome {
  const rule = BODY_RULES[body];
  const quorum = quorumOf(body, basis);
  const base = rule.majorityOf === 'present' ? c.present : c.expected;
  const problem = countsProblem(c);
  const quorate = !problem && reaches(c.present, c.expected, quorum);
  return {
    problem,
    quorate,
    passed: quorate && reaches(c.inFavour, base, rule.majority),
    quorumNeeded: leastReaching(c.expected, quorum),
    majorityNeeded: leastReaching(base, rule.majority),
  };
}

/**
 * Matters by kind. Art. 24 lists what the villagers' meeting must decide (and may authorise the
 * representatives' meeting to decide, art. 24 para. 2); art. 23 and art. 27 give it matters it keeps.
 * A community's matters go to its residents' council.
 */
export const MATTER_KINDS = [
  'work_subsidies', // 24(1) 享受误工补贴的人员及补贴标准
  'collective_income', // 24(2) 从村集体经济所得收益的使用
  'public_works', // 24(3) 公益事业的兴办和筹资筹劳方案及建设承包方案
  'land_contracting', // 24(4) 土地承包经营方案
  'collective_projects', // 24(5) 村集体经济项目的立项、承包方案
  'homestead', // 24(6) 宅基地的使用方案
  'land_compensation', // 24(7) 征地补偿费的使用、分配方案
  'collective_property', // 24(8) 以借贷、租赁或者其他方式处分村集体财产
  'villagers_interest', // 24(9) 村民会议认为应当由村民会议讨论决定的涉及村民利益的其他事项
  'village_charter', // 27 村民自治章程、村规民约的制定和修改
  'revoke_representatives_decision', // 23 撤销或者变更村民代表会议不适当的决定
  'community_affairs', // 居民议事会：社区公共事务
] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

/** The bodies that decide (the 决议 stage). */
export const DECIDING_BODIES = ['villagers_meeting', 'representatives_meeting', 'residents_council'] as const;
export type DecidingBody = (typeof DECIDING_BODIES)[number];

export interface MatterKindRule {
  /** The body the law puts it to. */
  body: DecidingBody;
  /** Whether the villagers' meeting may authorise the representatives' meeting to decide it (art. 24 para. 2). */
  delegable: boolean;
  source: string;
}

const art24 = (item: string): MatterKindRule => ({
  body: 'villagers_meeting',
  delegable: true,
  source: `《村民委员会组织法》第二十四条第一款第（${item}）项；第二款：村民会议可以授权村民代表会议讨论决定`,
});

export const MATTER_KIND_RULES: Record<MatterKind, MatterKindRule> = {
  work_subsidies: art24('一'),
  collective_income: art24('二'),
  public_works: art24('三'),
  land_contracting: art24('四'),
  collective_projects: art24('五'),
  homestead: art24('六'),
  land_compensation: art24('七'),
  collective_property: art24('八'),
  villagers_interest: art24('九'),
  village_charter: {
    body: 'villagers_meeting',
    delegable: false,
    source: '《村民委员会组织法》第二十七条：村民会议可以制定和修改村民自治章程、村规民约（不在第二十四条授权范围内）',
  },
  revoke_representatives_decision: {
    body: 'villagers_meeting',
    delegable: false,
    source: '《村民委员会组织法》第二十三条：村民会议有权撤销或者变更村民代表会议不适当的决定',
  },
  community_affairs: {
    body: 'residents_council',
    delegable: false,
    source: '《城市居民委员会组织法》第九条（参照）：涉及全体居民利益的重要问题由居民会议或其授权的议事机构讨论决定',
  },
};

export type BodyProblem = 'wrong_body' | 'authorisation_required';

/**
 * Whether `body` may decide a matter of `kind`: the law's body always; the representatives' meeting
 * only for an art. 24 matter and only with the villagers' meeting's authorisation on record.
 */
export function decidingBodyProblem(kind: MatterKind, body: DecidingBody, authorised: boolean): BodyProblem | null {
  const rule = MATTER_KIND_RULES[kind];
  if (body === rule.body) return null;
  if (body === 'representatives_meeting' && rule.body === 'villagers_meeting' && rule.delegable)
    return authorised ? null : 'authorisation_required';
  return 'wrong_body';
}

/** The 四议两公开 stages, in order. */
export const DELIBERATION_STAGES = [
  'proposal', // 党支部会议提议
  'consultation', // 村"两委"会议商议
  'review', // 党员大会审议
  'resolution', // 村民会议或村民代表会议决议
  'resolution_notice', // 决议公开
  'result_notice', // 实施结果公开
] as const;
export type DeliberationStage = (typeof DELIBERATION_STAGES)[number];

export interface StageRule {
  kind: 'meeting' | 'publication';
  /** The body that meets (`matter`: the matter's deciding body). */
  body: DeliberationBody | 'matter' | null;
}

/** The stage machine as data: a meeting stage is held by its body; a publication is posted. */
export const STAGE_RULES: Record<DeliberationStage, StageRule> = {
  proposal: { kind: 'meeting', body: 'party_branch' },
  consultation: { kind: 'meeting', body: 'two_committees' },
  review: { kind: 'meeting', body: 'party_members' },
  resolution: { kind: 'meeting', body: 'matter' },
  resolution_notice: { kind: 'publication', body: null },
  result_notice: { kind: 'publication', body: null },
};

/** A stage's status: not yet open, open (a meeting not yet convened / a notice not yet posted), convened, concluded. */
export const STAGE_STATUSES = ['pending', 'open', 'convened', 'concluded'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

/** The body that meets at a stage of a matter decided by `decidingBody` (null: a publication). */
export function stageBody(stage: DeliberationStage, decidingBody: DecidingBody): DeliberationBody | null {
  const b = STAGE_RULES[stage].body;
  return b === 'matter' ? decidingBody : b;
}

/** The stage after `stage` (null after the last). */
export function nextStage(stage: DeliberationStage): DeliberationStage | null {
  return DELIBERATION_STAGES[DELIBERATION_STAGES.indexOf(stage) + 1] ?? null;
}

/**
 * What may be done at `stage` given each stage's status: a stage opens only when the one before it
 * has concluded. Returns the operation allowed (or null).
 */
export function stageOperation(
  stage: DeliberationStage,
  statuses: Readonly<Record<DeliberationStage, StageStatus>>,
): 'convene' | 'record' | 'publish' | null {
  const s = statuses[stage];
  const before = DELIBERATION_STAGES[DELIBERATION_STAGES.indexOf(stage) - 1];
  if (before && statuses[before] !== 'concluded') return null;
  if (STAGE_RULES[stage].kind === 'publication') return s === 'open' ? 'publish' : null;
  if (s === 'open') return 'convene';
  if (s === 'convened') return 'record';
  return null;
}

/**
 * Publication deadlines (村民委员会组织法 art. 30: 涉及村民利益的重大事项应当随时公布). The platform reads
 * 随时 as within 3 natural days of the resolution, and keeps the notice up at least 7 days (local rules
 * on 四议两公开 commonly ask a 公示期 of 5–7 days). The result is due by the implementation date the
 * resolution set.
 */
export const PUBLICATION_TERMS = {
  resolutionNoticeDays: 3,
  minimumNoticeDays: 7,
  source:
    '《村民委员会组织法》第三十条：涉及本村村民利益、村民普遍关心的事项应当随时公布；本平台按决议后 3 日内公开、公示期不少于 7 日',
} as const;

const DAY_MS = 86_400_000;

/** The deadline and yellow point of a publication opened at `openedAt` and due at `dueAt`. */
export function publicationClock(openedAt: Date, dueAt: Date): { warnAt: Date; deadline: Date } {
  return {
    warnAt: new Date(openedAt.getTime() + WARNING_FRACTION * (dueAt.getTime() - openedAt.getTime())),
    deadline: dueAt,
  };
}

/** The resolution notice's due time: 3 natural days after the resolution was recorded. */
export function resolutionNoticeDue(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + PUBLICATION_TERMS.resolutionNoticeDays * DAY_MS);
}
