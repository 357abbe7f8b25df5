import { PETITION_DOCUMENT_CHANNELS, type PetitionDocumentChannel } from './documents.ts';
import { PETITION_SOURCE_PENDING, type PetitionClockKey } from './petitions.ts';

/*
 * Petitions (信访)' vocabulary: states, channels, the kinds of matter, the collective-visit threshold,
 * review outcomes, with their labels. The statutory figures and rules are petitions.ts; what each action
 * does — who, from which state, next state, clock, who is told — is petitions-life.ts (PETITION_LIFE).
 */

export const PETITION_STATES = [
  'registered', // 已登记：15 日内区分情况处理（受理、不予受理、转送、导入法定程序）
  'accepted', // 已受理，办理中：60 日内办结，可延长至多 30 日
  'answered', // 已书面答复（处理意见书）：信访人可于收到之日起 30 日内请求复查
  'reviewing', // 复查中：30 日内提出复查意见
  'reviewed', // 已复查（复查意见书）：信访人可于收到之日起 30 日内请求复核
  'reexamining', // 复核中：30 日内提出复核意见
  'reexamined', // 已复核：同一事实和理由不再受理
  'not_accepted', // 不予受理，书面告知
  'transferred', // 转送有权处理的机关、单位，书面告知去向
  'referred', // 诉访分离：导入诉讼、仲裁、行政复议程序，书面告知
] as const;
export type PetitionState = (typeof PETITION_STATES)[number];

/** States in which nothing more happens on the petition. */
export const PETITION_TERMINAL_STATES: readonly PetitionState[] = [
  'reexamined',
  'not_accepted',
  'transferred',
  'referred',
];
/** States in which a statutory clock runs against the body (受理、办理、复查、复核). */
export const PETITION_CLOCKED_STATES: readonly PetitionState[] = ['registered', 'accepted', 'reviewing', 'reexamining'];
/** States that wait on the petitioner: the 复查 / 复核 request window runs (no clock against the body). */
export const PETITION_WINDOW_STATES: readonly PetitionState[] = ['answered', 'reviewed'];
export const PETITION_OPEN_STATES: readonly PetitionState[] = PETITION_STATES.filter(
  (s) => !PETITION_TERMINAL_STATES.includes(s),
);

export const PETITION_STATE_LABELS: Record<PetitionState, string> = {
  registered: '待受理',
  accepted: '办理中',
  answered: '已答复',
  reviewing: '复查中',
  reviewed: '已复查',
  reexamining: '复核中',
  reexamined: '已复核',
  not_accepted: '不予受理',
  transferred: '已转送',
  referred: '已导入法定程序',
};

/** 来信、来访、网上信访、来电: the channels the written opinion names (documents.ts), one list. */
export const PETITION_CHANNELS = PETITION_DOCUMENT_CHANNELS;
export type PetitionChannel = PetitionDocumentChannel;

/**
 * 集体访: a visit by five or more people on the same matter is flagged (and shown, and counted apart).
 * The threshold is the statistics definition of the petition offices, not an article of the 条例.
 */
export const COLLECTIVE_VISIT = Object.freeze({
  minPeople: 5,
  source: `国家信访局信访统计口径：同一信访事项5人以上（含5人）走访为集体访（${PETITION_SOURCE_PENDING}）`,
});

/** Whether a petition is a collective visit (集体访): a visit by at least COLLECTIVE_VISIT.minPeople people. */
export function isCollectiveVisit(channel: PetitionChannel, headcount: number): boolean {
  return channel === 'visit' && headcount >= COLLECTIVE_VISIT.minPeople;
}

/** The kinds of matter (信访事项类别), part of a matter's subject key (`petitionSubjectKey`). */
export const PETITION_MATTER_TYPES = [
  'land_expropriation',
  'urban_construction',
  'rural_affairs',
  'labour_social_security',
  'environment',
  'health',
  'education',
  'civil_affairs',
  'public_security',
  'law_related',
  'discipline',
  'other',
] as const;
export type PetitionMatterType = (typeof PETITION_MATTER_TYPES)[number];

export const PETITION_MATTER_TYPE_LABELS: Record<PetitionMatterType, string> = {
  land_expropriation: '征地拆迁',
  urban_construction: '城乡建设',
  rural_affairs: '农村农业',
  labour_social_security: '劳动社保',
  environment: '生态环境',
  health: '卫生健康',
  education: '教育',
  civil_affairs: '民政',
  public_security: '公安',
  law_related: '涉法涉诉',
  discipline: '纪检监察',
  other: '其他',
};

/** A 复查 or 复核 opinion: 维持 the previous opinion, 变更 it, or 撤销 it. */
export const REVIEW_OUTCOMES = ['upheld', 'changed', 'revoked'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  upheld: '维持原处理意见',
  changed: '变更原处理意见',
  revoked: '撤销原处理意见',
};

/** The clocks as the petition's stage (the window states run no clock against the body). */
export const PETITION_STAGES = [
  'intake',
  'handling',
  'reviewDecision',
  'reexaminationDecision',
] as const satisfies readonly PetitionClockKey[];
export type PetitionStage = (typeof PETITION_STAGES)[number];
export const PETITION_STAGE_LABELS: Record<PetitionStage, string> = {
  intake: '受理',
  handling: '办理',
  reviewDecision: '复查',
  reexaminationDecision: '复核',
};
