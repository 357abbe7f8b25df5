import { z } from 'zod';
import { LEVEL_CODE_DIGITS, type RegionLevel, regionLevelOfCode } from './regions.ts';

/**
 * The case chain (全链条)'s vocabulary: states, tiers, channels, actions, relations and their labels.
 * What each action does — who, from which state, next state, clock, notifications — is declared once
 * in cases-life.ts (CASE_LIFE); the reducer that folds events into the case is cases-reducer.ts.
 */
export const CASE_STATES = [
  'reported', // 已上报, awaiting acceptance (受理)
  'accepted', // 已受理/立案, awaiting dispatch (派遣)
  'dispatched', // 已派遣, awaiting the unit's signature (签收)
  'handling', // 处置中
  'suspended', // 挂账 (long-term, clock stopped)
  'fed_back', // 已反馈, awaiting on-site verification (核查)
  'verified', // 核查通过, awaiting closing (结案)
  'closed', // 已结案
  'rejected', // 不予受理
  'voided', // 作废
  'merged', // 并案 (duplicate of another case)
  'converted', // 已转矛盾纠纷: the matter goes on as a dispute (CASE_LIFE.convert_to_dispute)
  'claimed', // 志愿者认领处置中 (市民认领, CASE_LIFE.claim)
  'claim_done', // 认领已处置，待网格员确认 (CASE_LIFE.claim_close)
] as const;
export const caseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof caseStateSchema>;

export const TERMINAL_STATES: readonly CaseState[] = ['closed', 'rejected', 'voided', 'merged', 'converted'];
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter((s) => !TERMINAL_STATES.includes(s));
/** States in which the assignee holds the case (its load, co-handling feedback). */
export const HOLDING_STATES: readonly CaseState[] = ['dispatched', 'handling', 'suspended'];
/**
 * States after the assignee fed back (反馈) and before anyone took the case from them again: the
 * result awaits on-site verification, closing, or is closed. The handler's 已反馈 list (view=handled).
 * A failed verification (返工) brings it back to handling, a reopening (重新办理) unassigns it.
 */
export const HANDLED_STATES: readonly CaseState[] = ['fed_back', 'verified', 'closed'];

/** Tiers a case climbs when escalated (逐级上报, 吹哨报到). */
export const CASE_LEVELS = ['grid', 'village', 'township', 'county', 'city'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

/** The tier a region's centre or unit works at: a province or city both act as the top tier (city). */
export const CASE_TIER_OF_REGION: Record<RegionLevel, CaseLevel> = {
  province: 'city',
  city: 'city',
  county: 'county',
  township: 'township',
  village: 'village',
};

/** The tier of whoever sits at a region path (its last code's length decides the level); a longer code is a village's. */
export function caseTierOfPath(path: string): CaseLevel {
  const segments = path.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  const level = regionLevelOfCode(last) ?? (last.length > LEVEL_CODE_DIGITS.village ? 'village' : null);
  return level ? CASE_TIER_OF_REGION[level] : 'city';
}

export function nextLevel(level: CaseLevel): CaseLevel | null {
  const i = CASE_LEVELS.indexOf(level);
  return CASE_LEVELS[i + 1] ?? null;
}

/**
 * How a case came in: resident one-click report, grid-worker patrol, hotline entered by staff, `walk_in`
 * registered at the centre's window for a visitor (来访登记, the reception module), other systems by API
 * key, and `dispute`: a matter for a department found while mediating a dispute (矛盾纠纷转案件).
 */
export const CASE_CHANNELS = ['resident_web', 'grid_worker', 'hotline', 'walk_in', 'api', 'dispute'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const; // 满意 / 基本满意 / 不满意
export type Rating = (typeof RATINGS)[number];

/** Actions people take on an existing case; each becomes an event of the same name. */
export const CASE_ACTIONS = [
  'accept',
  'reject',
  'void',
  'merge',
  'dispatch',
  'sign',
  'return',
  'step',
  'request_extension',
  'decide_extension',
  'request_suspension',
  'decide_suspension',
  'resume',
  'feed_back',
  'co_feed_back',
  'verify_pass',
  'verify_fail',
  'close',
  'rate',
  'callback',
  'reopen',
  'escalate',
  'supervise',
  'convert_to_dispute',
  'claim',
  'unclaim',
  'claim_close',
  'claim_confirm',
  'claim_reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
/**
 * Actions taken through a route of their own, not POST /api/cases/:id/actions: 转矛盾纠纷 registers the
 * dispute in the same transaction as the case's event (POST /api/cases/:id/dispute).
 */
export const CASE_ACTIONS_ELSEWHERE: readonly CaseAction[] = [
  'convert_to_dispute',
  // 市民认领: the volunteer's and the confirming grid worker's routes (POST /api/forces/claims …).
  'claim',
  'unclaim',
  'claim_close',
  'claim_confirm',
  'claim_reopen',
];
/** Event types: the actions plus the two that create a case. */
export type CaseEventType = CaseAction | 'report' | 'self_handle';

/**
 * How the actor stands to the case (worked out by the server from roles, unit, region scope):
 * - centre: a dispatcher whose region covers the case (综治中心/网格化服务管理中心)
 * - assignee: the lead unit's handler or the grid worker the case is dispatched to
 * - coUnit: a handler of a co-handling unit (协同单位)
 * - verifier: the grid worker who checks the result on site
 * - reporter: the person who reported it
 * - supervisor: a leader over the case's region (督办)
 * - volunteer: an approved volunteer of the case's village (市民认领; worked out by the forces module)
 * - claimant: the volunteer who claimed the case
 */
export const RELATIONS = [
  'centre',
  'assignee',
  'coUnit',
  'verifier',
  'reporter',
  'supervisor',
  'volunteer',
  'claimant',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  reported: '待受理',
  accepted: '待派遣',
  dispatched: '待签收',
  handling: '处置中',
  suspended: '挂账',
  fed_back: '待核查',
  verified: '待结案',
  closed: '已结案',
  rejected: '不予受理',
  voided: '已作废',
  merged: '已并案',
  converted: '已转矛盾纠纷',
  claimed: '志愿者认领中',
  claim_done: '认领待确认',
};

export const ACTION_LABELS: Record<CaseEventType, string> = {
  report: '上报',
  self_handle: '即报即办',
  accept: '受理',
  reject: '不予受理',
  void: '作废',
  merge: '并案',
  dispatch: '派遣',
  sign: '签收',
  return: '退回',
  step: '记录处置',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  request_suspension: '申请挂账',
  decide_suspension: '审批挂账',
  resume: '恢复处置',
  feed_back: '反馈',
  co_feed_back: '协办反馈',
  verify_pass: '核查通过',
  verify_fail: '核查不通过（返工）',
  close: '结案',
  rate: '评价',
  callback: '回访',
  reopen: '重新办理',
  escalate: '上报上级',
  supervise: '督办',
  convert_to_dispute: '转矛盾纠纷',
  claim: '认领',
  unclaim: '放弃认领',
  claim_close: '认领处置完成',
  claim_confirm: '确认认领处置',
  claim_reopen: '认领处置退回',
};

/**
 * Likely duplicates (疑似重复, for 并案): the same item, reported within `radiusM` of each other,
 * the other one reported no more than `windowDays` before (or any time after), and not itself
 * refused, voided or merged. One rule for the merge dialog's suggestions, the queue's 疑似重复 count
 * and the case page's panel.
 */
export const DUPLICATE_RULE = {
  radiusM: 50,
  windowDays: 7,
  states: CASE_STATES.filter((s) => s !== 'rejected' && s !== 'voided' && s !== 'merged'),
} as const;
