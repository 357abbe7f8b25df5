/**
 * Owners' decisions (业主共同决定) and their arithmetic, by the Civil Code (民法典) art. 278 and the
 * Supreme People's Court interpretation on building ownership (最高人民法院关于审理建筑物区分所有权纠纷
 * 案件适用法律若干问题的解释, 法释〔2009〕7号, revised 2020) arts. 8–9. Pure: the server and the web read
 * these rules; nothing here touches a database.
 *
 * Areas are whole hundredths of a square metre (0.01 m²) so that "two thirds", "three quarters" and
 * "more than half" are exact integer comparisons, never floating-point ones.
 */

/** The matters of 民法典 art. 278 para. 1, items (1)–(9). */
export const OWNERS_VOTE_ITEMS = [
  'rules_of_procedure', // (一) 制定和修改业主大会议事规则
  'management_covenant', // (二) 制定和修改管理规约
  'committee', // (三) 选举业主委员会或者更换业主委员会成员
  'property_manager', // (四) 选聘和解聘物业服务企业或者其他管理人
  'use_maintenance_fund', // (五) 使用建筑物及其附属设施的维修资金
  'raise_maintenance_fund', // (六) 筹集建筑物及其附属设施的维修资金
  'rebuild', // (七) 改建、重建建筑物及其附属设施
  'common_parts_use', // (八) 改变共有部分的用途或者利用共有部分从事经营活动
  'other', // (九) 有关共有和共同管理权利的其他重大事项
] as const;
export type OwnersVoteItem = (typeof OWNERS_VOTE_ITEMS)[number];

/** The item's number in art. 278 and its words, for the staff form and the published tally. */
export const OWNERS_VOTE_ITEM_LABELS: Record<OwnersVoteItem, string> = {
  rules_of_procedure: '（一）制定和修改业主大会议事规则',
  management_covenant: '（二）制定和修改管理规约',
  committee: '（三）选举业主委员会或者更换业主委员会成员',
  property_manager: '（四）选聘和解聘物业服务企业或者其他管理人',
  use_maintenance_fund: '（五）使用建筑物及其附属设施的维修资金',
  raise_maintenance_fund: '（六）筹集建筑物及其附属设施的维修资金',
  rebuild: '（七）改建、重建建筑物及其附属设施',
  common_parts_use: '（八）改变共有部分的用途或者利用共有部分从事经营活动',
  other: '（九）有关共有和共同管理权利的其他重大事项',
};

/**
 * 民法典 art. 278 para. 2: items (6) to (8) need three quarters of the participating area and three
 * quarters of the participating owners (四分之三以上, "or more"); every other item more than half of
 * both (过半数, strictly more).
 */
export function isThreeQuartersItem(item: OwnersVoteItem): boolean {
  return item === 'raise_maintenance_fund' || item === 'rebuild' || item === 'common_parts_use';
}

/** A ballot's choice: 同意, 反对, 弃权. An abstention takes part (参与表决) but is not in favour. */
export const OWNERS_VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type OwnersVoteChoice = (typeof OWNERS_VOTE_CHOICES)[number];

/** One exclusive unit (专有部分) as the base data hold it. */
export interface ExclusiveUnit {
  unitId: string;
  /** Registered area in 0.01 m² (法释〔2009〕7号 art. 8: the area in the real-estate register). */
  areaCenti: number;
  /** The owners of record; none means the developer's unsold or undelivered unit. */
  ownerIds: readonly string[];
}

/** One voter on the owners' roll: one or more units, one headcount. */
export interface RollVoter {
  /** 'developer', or the unit's owners (sorted ids joined by '+'): co-owners of one unit vote as one. */
  key: string;
  ownerIds: string[];
  unitIds: string[];
  areaCenti: number;
}

export const DEVELOPER_KEY = 'developer';

/**
 * The owners' roll (业主名册) from the units: 法释〔2009〕7号 art. 9 — one head per exclusive unit, but
 * the same buyer holding more than one unit counts once (their areas summed, art. 8), and the
 * developer's unsold or undelivered units together count as one. Co-owners of one unit are that one
 * unit's one head. Order: by key, so the same units give the same roll.
 */
export function buildOwnersRoll(units: readonly ExclusiveUnit[]): RollVoter[] {
  const byKey = new Map<string, RollVoter>();
  for (const u of units) {
    const owners = [...new Set(u.ownerIds)].sort();
    const key = owners.length === 0 ? DEVELOPER_KEY : owners.join('+');
    const voter = byKey.get(key) ?? { key, ownerIds: owners, unitIds: [], areaCenti: 0 };
    voter.unitIds.push(u.unitId);
    voter.areaCenti += u.areaCenti;
    byKey.set(key, voter);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** m² (as the base data store it, possibly absent) → whole 0.01 m². */
export function areaToCenti(areaM2: number | null | undefined): number {
  return areaM2 == null || !Number.isFinite(areaM2) || areaM2 < 0 ? 0 : Math.round(areaM2 * 100);
}

/** Area and headcount of a set of owners. */
export interface Weight {
  areaCenti: number;
  headcount: number;
}

/** What the ballots add up to, per choice; the roll's totals are the denominators of participation. */
export interface OwnersVoteCount {
  roll: Weight;
  byChoice: Record<OwnersVoteChoice, Weight>;
}

export interface OwnersVoteOutcome {
  participating: Weight;
  /** 民法典 art. 278 para. 2: ≥ 2/3 of all exclusive area AND ≥ 2/3 of all owners took part. */
  participationMet: boolean;
  threshold: 'three_quarters' | 'more_than_half';
  /** The double majority among the participants (area AND headcount). */
  majorityMet: boolean;
  passed: boolean;
}

/** a/b ≥ n/d, exactly, in integers (an empty denominator meets nothing). */
const atLeast = (a: number, b: number, n: number, d: number) => b > 0 && a * d >= b * n;
/** a/b > 1/2, exactly. */
const moreThanHalf = (a: number, b: number) => b > 0 && a * 2 > b;

/**
 * Whether the matter passed (民法典 art. 278 para. 2): participation first (owners holding two thirds
 * or more of the exclusive area and two thirds or more in number), then, among those who took part
 * (abstentions included), three quarters or more of both area and number for items (6)–(8), more
 * than half of both for every other item. Exactly half is not more than half.
 */
export function decideOwnersVote(item: OwnersVoteItem, count: OwnersVoteCount): OwnersVoteOutcome {
  const c = count.byChoice;
  const participating: Weight = {
    areaCenti: c.for.areaCenti + c.against.areaCenti + c.abstain.areaCenti,
    headcount: c.for.headcount + c.against.headcount + c.abstain.headcount,
  };
  const participationMet =
    atLeast(participating.areaCenti, count.roll.areaCenti, 2, 3) &&
    atLeast(participating.headcount, count.roll.headcount, 2, 3);
  const threeQuarters = isThreeQuartersItem(item);
  const majorityMet = threeQuarters
    ? atLeast(c.for.areaCenti, participating.areaCenti, 3, 4) && atLeast(c.for.headcount, participating.headcount, 3, 4)
    : moreThanHalf(c.for.areaCenti, participating.areaCenti) && moreThanHalf(c.for.headcount, participating.headcount);
  return {
    participating,
    participationMet,
    threshold: threeQuarters ? 'three_quarters' : 'more_than_half',
    majorityMet,
    passed: participationMet && majorityMet,
  };
}

/** Adds anonymised ballots up per choice: what anyone can do from the published ballot list. */
export function countBallots(
  roll: Weight,
  ballots: readonly { choice: OwnersVoteChoice; areaCenti: number; headcount: number }[],
): OwnersVoteCount {
  const byChoice = {
    for: { areaCenti: 0, headcount: 0 },
    against: { areaCenti: 0, headcount: 0 },
    abstain: { areaCenti: 0, headcount: 0 },
  };
  for (const b of ballots) {
    byChoice[b.choice].areaCenti += b.areaCenti;
    byChoice[b.choice].headcount += b.headcount;
  }
  return { roll, byChoice };
}

/** The vote's life: a draft (roll still live) → open (roll frozen, ballots taken) → closed (tally published). */
export const OWNERS_VOTE_STATES = ['draft', 'open', 'closed'] as const;
export type OwnersVoteState = (typeof OWNERS_VOTE_STATES)[number];

/** How a ballot came in. */
export const BALLOT_CHANNELS = ['phone', 'paper', 'proxy'] as const;
export type BallotChannel = (typeof BALLOT_CHANNELS)[number];

export const BALLOT_CHANNEL_LABELS: Record<BallotChannel, string> = {
  phone: '手机投票',
  paper: '纸质表决票',
  proxy: '委托代理人投票',
};

/** The refusal of a second ballot names the channel that already voted (one ballot per owner per matter). */
export function secondBallotMessage(first: BallotChannel): string {
  return `该业主已以${BALLOT_CHANNEL_LABELS[first]}方式表决，每位业主对同一事项只能投一票`;
}

/**
 * The closing light (预警灯) of an open vote, on the shared light rule (LIGHT_STARTS): yellow in the
 * last OWNERS_VOTE_CLOSING_WARN_HOURS before its closing time, red once the time has passed — from that
 * instant no ballot is taken, and the clock's sweep closes the vote and publishes its tally.
 */
export const OWNERS_VOTE_CLOSING_WARN_HOURS = 24;

export function ownersVoteClock(closesAt: Date): { warnAt: Date; deadline: Date } {
  return { warnAt: new Date(closesAt.getTime() - OWNERS_VOTE_CLOSING_WARN_HOURS * 3_600_000), deadline: closesAt };
}
