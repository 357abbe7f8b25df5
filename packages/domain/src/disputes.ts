import type { TimeLimit } from './calendar.ts';
import { LEVEL_CODE_DIGITS, type RegionLevel, regionLevelOfCode } from './regions.ts';

/**
 * Disputes (矛盾纠纷多元化解)' vocabulary: states, tiers, paths, sources, risk, stages and their
 * limits, with their labels. What each action does — who, from which state, next state, clock, who is
 * told — is declared once in disputes-life.ts (DISPUTE_LIFE); the reducer that folds a dispute's events
 * into its row is disputes-reducer.ts. domain.md "Disputes and petitions" is the brief.
 */
export const DISPUTE_STATES = [
  'registered', // 已登记, awaiting acceptance (受理)
  'accepted', // 已受理, awaiting diversion (分流) at its tier
  'diverted', // 已分流 to an organisation, awaiting a mediator (指派调解员)
  'mediating', // 调解中
  'agreed', // 达成协议: the 30-day window for 司法确认 runs
  'confirming', // 司法确认申请中, awaiting the court
  'performing', // 履行回访: the agreement is being performed and followed up
  'closed', // 已结案 (案结事了)
  'failed', // 调解不成, the parties guided to another path
  'declined', // 不予受理, pointed to the right channel
] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];

export const DISPUTE_TERMINAL_STATES: readonly DisputeState[] = ['closed', 'failed', 'declined'];
export const DISPUTE_OPEN_STATES: readonly DisputeState[] = DISPUTE_STATES.filter(
  (s) => !DISPUTE_TERMINAL_STATES.includes(s),
);
/** While the matter is still being worked out the parties may be added, corrected or removed; from the agreement on they are fixed. */
export const PARTY_EDIT_STATES: readonly DisputeState[] = ['registered', 'accepted', 'diverted', 'mediating'];
/** States in which a mediator holds the dispute (their open load). */
export const MEDIATOR_HOLDING_STATES: readonly DisputeState[] = ['mediating', 'agreed', 'confirming', 'performing'];

/** Tiers that mediate (domain.md: simple at village, complex at township, hard at county). */
export const DISPUTE_TIERS = ['village', 'township', 'county'] as const;
export type DisputeTier = (typeof DISPUTE_TIERS)[number];

export function disputeTierRank(tier: DisputeTier): number {
  return DISPUTE_TIERS.indexOf(tier);
}

export function nextDisputeTier(tier: DisputeTier): DisputeTier | null {
  return DISPUTE_TIERS[DISPUTE_TIERS.indexOf(tier) + 1] ?? null;
}

/** The tier of whoever sits at a region level: a city or province acts as the top tier (county). */
export const DISPUTE_TIER_OF_LEVEL: Record<RegionLevel, DisputeTier> = {
  province: 'county',
  city: 'county',
  county: 'county',
  township: 'township',
  village: 'village',
};

/** The tier of a region path (its last code's length), e.g. a village's path → village. */
export function disputeTierOfPath(path: string): DisputeTier {
  const last = path.split('/').filter(Boolean).at(-1) ?? '';
  const level = regionLevelOfCode(last) ?? (last.length > LEVEL_CODE_DIGITS.village ? 'village' : 'county');
  return DISPUTE_TIER_OF_LEVEL[level];
}

/** 风险等级 一般 / 较大 / 重大. */
export const DISPUTE_RISKS = ['general', 'serious', 'major'] as const;
export type DisputeRisk = (typeof DISPUTE_RISKS)[number];

/**
 * Where a dispute comes from: a walk-in at the centre's window, a grid worker's 排查, a police
 * referral (公调对接), a court referral (诉调对接), a 12345 hotline transfer, or a case turned into a dispute.
 */
export const DISPUTE_SOURCES = [
  'walk_in',
  'grid_screening',
  'police_referral',
  'court_referral',
  'hotline_12345',
  'case_conversion',
] as const;
export type DisputeSource = (typeof DISPUTE_SOURCES)[number];

/** Sources that come with the sending body's own number (the police's 警情号, the court's 案号, the 12345 工单号). */
export const SOURCES_WITH_EXTERNAL_NUMBER: readonly DisputeSource[] = [
  'police_referral',
  'court_referral',
  'hotline_12345',
];
/** Sources whose referring body is named (which police station, which court). */
export const SOURCES_WITH_REFERRING_BODY: readonly DisputeSource[] = ['police_referral', 'court_referral'];

/**
 * Paths of resolution (多元化解), simplest and cheapest first (domain.md "Diversion"). The first four
 * are the mediation paths a dispute is diverted to here; the others are where a declined dispute or a
 * failed mediation is pointed (仲裁, 行政裁决, 行政复议, 诉讼, 劳动仲裁, 信访).
 */
export const DIVERSION_PATHS = [
  'reconciliation',
  'people_mediation',
  'administrative_mediation',
  'professional_mediation',
] as const;
export type DiversionPath = (typeof DIVERSION_PATHS)[number];

export const OTHER_CHANNELS = [
  'arbitration',
  'labour_arbitration',
  'administrative_ruling',
  'administrative_review',
  'litigation',
  'petition',
] as const;
export type OtherChannel = (typeof OTHER_CHANNELS)[number];

/** Where a declined dispute is pointed: the channels that are not mediation. */
export const DECLINE_CHANNELS = OTHER_CHANNELS;
export type DeclineChannel = OtherChannel;
/** Where the parties of a failed mediation are guided: another mediation path or another channel. */
export const GUIDED_PATHS = [...DIVERSION_PATHS, ...OTHER_CHANNELS] as const;
export type GuidedPath = (typeof GUIDED_PATHS)[number];

export const PATH_LABELS: Record<GuidedPath, string> = {
  reconciliation: '和解',
  people_mediation: '人民调解',
  administrative_mediation: '行政调解',
  professional_mediation: '行业性专业性调解',
  arbitration: '仲裁',
  labour_arbitration: '劳动人事争议仲裁',
  administrative_ruling: '行政裁决',
  administrative_review: '行政复议',
  litigation: '诉讼',
  petition: '信访',
};

/** Kinds of mediation organisation. */
export const ORGANISATION_KINDS = [
  'people_village', // 村（居）人民调解委员会
  'people_township', // 乡镇（街道）人民调解委员会
  'people_county', // 县（区）人民调解委员会 / 矛盾纠纷调处中心
  'professional', // 行业性专业性人民调解委员会 (医疗、交通、劳动、物业 …)
  'administrative', // 行政调解 (司法所、派出所、人社、市场监管 …)
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  people_village: '村（居）人民调解委员会',
  people_township: '乡镇（街道）人民调解委员会',
  people_county: '县（区）人民调解委员会',
  professional: '行业性专业性人民调解委员会',
  administrative: '行政调解组织',
};

/** The kind of organisation each path goes to (和解 is guided by whichever organisation follows it). */
export const PATH_ORGANISATION_KINDS: Record<DiversionPath, readonly OrganisationKind[]> = {
  reconciliation: ORGANISATION_KINDS,
  people_mediation: ['people_village', 'people_township', 'people_county', 'professional'],
  administrative_mediation: ['administrative'],
  professional_mediation: ['professional'],
};

/** A party's side: 申请方 (A), 被申请方 (B), 第三人. */
export const PARTY_SIDES = ['a', 'b', 'third'] as const;
export type PartySide = (typeof PARTY_SIDES)[number];
/** A party's role on its side: the party itself, its legal representative, an appointed agent, a guardian. */
export const PARTY_ROLES = ['principal', 'legal_representative', 'agent', 'guardian'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** How a follow-up (履行回访) found the agreement performed. */
export const PERFORMANCE_RESULTS = ['full', 'partial', 'none'] as const;
export type PerformanceResult = (typeof PERFORMANCE_RESULTS)[number];
export const CONFIRMATION_RESULTS = ['confirmed', 'rejected'] as const;
export type ConfirmationResult = (typeof CONFIRMATION_RESULTS)[number];

/** The stages a dispute's clock runs through. */
export const DISPUTE_STAGES = [
  'accept',
  'divert',
  'assign',
  'mediate',
  'confirm_window',
  'court',
  'follow_up',
] as const;
export type DisputeStage = (typeof DISPUTE_STAGES)[number];

/** A stage limit with where it comes from: a statute, a rule, or this platform's setting. */
export interface SourcedLimit extends TimeLimit {
  source: string;
}

/**
 * The default limit of each stage. A dispute type may set its own for the stages in
 * TYPE_EDITABLE_STAGES (dispute_types.limits); the statutory window for 司法确认 is the law's and
 * cannot be changed per type.
 */
export const DEFAULT_DISPUTE_LIMITS: Record<DisputeStage, SourcedLimit> = {
  accept: { amount: 3, unit: 'work_days', source: '本平台设定：登记后 3 个工作日内决定是否受理' },
  divert: { amount: 3, unit: 'work_days', source: '本平台设定：受理后 3 个工作日内分流' },
  assign: { amount: 2, unit: 'work_days', source: '本平台设定：分流后 2 个工作日内指派调解员' },
  mediate: {
    amount: 30,
    unit: 'natural_days',
    source: '司法部《人民调解工作若干规定》（2002）：人民调解委员会调解纠纷，一般在一个月内调结',
  },
  confirm_window: {
    amount: 30,
    unit: 'natural_days',
    source:
      '《中华人民共和国人民调解法》第三十三条：双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认',
  },
  court: {
    amount: 15,
    unit: 'natural_days',
    source:
      '最高人民法院《关于人民调解协议司法确认程序的若干规定》（2011）：自受理司法确认申请之日起十五日内作出是否确认的决定',
  },
  follow_up: { amount: 30, unit: 'natural_days', source: '本平台设定：协议生效后 30 日内履行回访' },
};

/** Stages whose limit a dispute type may change (the 司法确认 window and the court's limit are the law's). */
export const TYPE_EDITABLE_STAGES = ['accept', 'divert', 'assign', 'mediate', 'follow_up'] as const;
export type TypeEditableStage = (typeof TYPE_EDITABLE_STAGES)[number];

/** The limit of a stage for a dispute of a type with `overrides` (its own limits, by stage). */
export function disputeStageLimit(
  stage: DisputeStage,
  overrides: Partial<Record<TypeEditableStage, TimeLimit>> | null | undefined,
): TimeLimit {
  const own = (TYPE_EDITABLE_STAGES as readonly string[]).includes(stage)
    ? overrides?.[stage as TypeEditableStage]
    : undefined;
  const { amount, unit } = own ?? DEFAULT_DISPUTE_LIMITS[stage];
  return { amount, unit };
}

/** The dispute types every deployment starts with (editable data, dispute_types), with their mediation limits. */
export const STARTER_DISPUTE_TYPES: { code: string; name: string; mediateDays: number }[] = [
  { code: 'marriage_family', name: '婚姻家庭纠纷', mediateDays: 30 },
  { code: 'neighbour', name: '邻里纠纷', mediateDays: 15 },
  { code: 'property_management', name: '物业纠纷', mediateDays: 30 },
  { code: 'land_forest', name: '土地山林纠纷', mediateDays: 30 },
  { code: 'labour', name: '劳资纠纷', mediateDays: 30 },
  { code: 'medical', name: '医患纠纷', mediateDays: 30 },
  { code: 'traffic_accident', name: '交通事故纠纷', mediateDays: 30 },
  { code: 'consumer', name: '消费纠纷', mediateDays: 15 },
  { code: 'expropriation', name: '征地拆迁纠纷', mediateDays: 30 },
  { code: 'other', name: '其他纠纷', mediateDays: 30 },
];

export const DISPUTE_STATE_LABELS: Record<DisputeState, string> = {
  registered: '待受理',
  accepted: '待分流',
  diverted: '待指派',
  mediating: '调解中',
  agreed: '已达成协议',
  confirming: '司法确认中',
  performing: '履行回访',
  closed: '已结案',
  failed: '调解不成',
  declined: '不予受理',
};

export const DISPUTE_TIER_LABELS: Record<DisputeTier, string> = {
  village: '村（社区）',
  township: '乡镇（街道）',
  county: '县（区）',
};
export const DISPUTE_RISK_LABELS: Record<DisputeRisk, string> = { general: '一般', serious: '较大', major: '重大' };
export const DISPUTE_SOURCE_LABELS: Record<DisputeSource, string> = {
  walk_in: '来访登记',
  grid_screening: '网格排查',
  police_referral: '公调对接（公安移交）',
  court_referral: '诉调对接（法院委派）',
  hotline_12345: '12345 热线转办',
  case_conversion: '案件转纠纷',
};
export const DISPUTE_STAGE_LABELS: Record<DisputeStage, string> = {
  accept: '受理',
  divert: '分流',
  assign: '指派调解员',
  mediate: '调解',
  confirm_window: '司法确认申请期',
  court: '法院确认',
  follow_up: '履行回访',
};

/** 重大 risk needs a 稳控责任人 (stability-control person). Null when the combination is allowed. */
export function riskProblem(risk: DisputeRisk, stabilityUserId: string | null | undefined): string | null {
  return risk === 'major' && !stabilityUserId ? '重大风险纠纷须指定稳控责任人' : null;
}

/** The dispute forms' limits, checked on the phone before sending (disputes-contracts.ts builds its schemas from them). */
export const DISPUTE_LIMITS = {
  summaryMax: 4000,
  noteMax: 4000,
  partiesMax: 30,
  attachmentsMax: 9,
  termsMax: 30,
  attendeesMax: 30,
} as const;
