import { z } from 'zod';

/**
 * The case chain (全链条) as data: states, actions, who may take each action from which state.
 * The reducer that turns events into the case's current state lives in cases-reducer.ts.
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
] as const;
export const caseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof caseStateSchema>;

export const TERMINAL_STATES: readonly CaseState[] = ['closed', 'rejected', 'voided', 'merged'];
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter((s) => !TERMINAL_STATES.includes(s));

/** Tiers a case climbs when escalated (逐级上报, 吹哨报到). */
export const CASE_LEVELS = ['grid', 'village', 'township', 'county', 'city'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

export function nextLevel(level: CaseLevel): CaseLevel | null {
  const i = CASE_LEVELS.indexOf(level);
  return CASE_LEVELS[i + 1] ?? null;
}

/** Problem sources: resident one-click report, grid-worker patrol, hotline/walk-in entered by staff, other systems by API key. */
export const CASE_CHANNELS = ['resident_web', 'grid_worker', 'hotline', 'api'] as const;
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
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
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
 */
export const RELATIONS = ['centre', 'assignee', 'coUnit', 'verifier', 'reporter', 'supervisor'] as const;
export type Relation = (typeof RELATIONS)[number];

interface ActionRule {
  from: readonly CaseState[];
  who: readonly Relation[];
  /** A note (reason) is required. */
  needsNote?: boolean;
}

const WORKING: readonly CaseState[] = ['dispatched', 'handling', 'suspended'];

export const ACTION_RULES: Record<CaseAction, ActionRule> = {
  accept: { from: ['reported'], who: ['centre'] },
  reject: { from: ['reported'], who: ['centre'], needsNote: true },
  void: { from: ['reported', 'accepted'], who: ['centre'], needsNote: true },
  merge: { from: ['reported', 'accepted'], who: ['centre'] },
  dispatch: { from: ['accepted'], who: ['centre'] },
  sign: { from: ['dispatched'], who: ['assignee'] },
  return: { from: ['dispatched'], who: ['assignee'], needsNote: true },
  step: { from: ['handling'], who: ['assignee', 'coUnit'], needsNote: true },
  request_extension: { from: ['handling'], who: ['assignee'], needsNote: true },
  decide_extension: { from: ['handling'], who: ['centre'] },
  request_suspension: { from: ['handling'], who: ['assignee'], needsNote: true },
  decide_suspension: { from: ['handling'], who: ['centre'] },
  resume: { from: ['suspended'], who: ['centre'] },
  feed_back: { from: ['handling'], who: ['assignee'], needsNote: true },
  co_feed_back: { from: WORKING, who: ['coUnit'], needsNote: true },
  verify_pass: { from: ['fed_back'], who: ['verifier', 'centre'] },
  verify_fail: { from: ['fed_back'], who: ['verifier', 'centre'], needsNote: true },
  close: { from: ['verified'], who: ['centre'] },
  rate: { from: ['closed'], who: ['reporter', 'centre'] },
  callback: { from: ['closed'], who: ['centre'], needsNote: true },
  reopen: { from: ['closed'], who: ['reporter', 'centre'], needsNote: true },
  // The centre passes a case it cannot solve to the tier above; a grid worker holding it too.
  escalate: { from: ['reported', 'accepted', 'handling'], who: ['centre', 'assignee'], needsNote: true },
  supervise: { from: OPEN_STATES, who: ['centre', 'supervisor'], needsNote: true },
};

/** Facts about the case an action's legality depends on besides its state. */
export interface CaseFacts {
  state: CaseState;
  pendingKind: 'extension' | 'suspension' | null;
  rated: boolean;
  level: CaseLevel;
  /** The assignee is a grid worker (not a unit). */
  assignedToGridWorker: boolean;
}

export type TransitionRefusal = { code: string; message: string };

/**
 * Whether `action` may be taken now by someone standing in `relations` to the case.
 * Returns null when allowed, else a stable code and a Chinese message.
 */
export function checkTransition(
  facts: CaseFacts,
  action: CaseAction,
  relations: readonly Relation[],
  note: string | undefined,
): TransitionRefusal | null {
  const rule = ACTION_RULES[action];
  if (!rule.from.includes(facts.state))
    return {
      code: 'case.invalid_state',
      message: `案件当前状态（${CASE_STATE_LABELS[facts.state]}）不能${ACTION_LABELS[action]}`,
    };
  if (!rule.who.some((r) => relations.includes(r)))
    return { code: 'case.not_allowed', message: `您无权对该案件${ACTION_LABELS[action]}` };
  if (rule.needsNote && !note?.trim())
    return { code: 'case.note_required', message: `${ACTION_LABELS[action]}需要填写说明` };
  if ((action === 'request_extension' || action === 'request_suspension') && facts.pendingKind)
    return { code: 'case.request_pending', message: '已有待审批的申请' };
  if (action === 'decide_extension' && facts.pendingKind !== 'extension')
    return { code: 'case.no_request', message: '没有待审批的延期申请' };
  if (action === 'decide_suspension' && facts.pendingKind !== 'suspension')
    return { code: 'case.no_request', message: '没有待审批的挂账申请' };
  if (action === 'feed_back' && facts.pendingKind)
    return { code: 'case.request_pending', message: '申请审批期间不能反馈' };
  if (action === 'rate' && facts.rated) return { code: 'case.already_rated', message: '该案件已评价' };
  if (action === 'escalate') {
    if (!nextLevel(facts.level)) return { code: 'case.top_level', message: '已是最高层级，不能再上报' };
    if (facts.state === 'handling' && !(relations.includes('assignee') && facts.assignedToGridWorker))
      return { code: 'case.not_allowed', message: '处置中的案件只能由承办网格员上报' };
    if (facts.state !== 'handling' && !relations.includes('centre'))
      return { code: 'case.not_allowed', message: '您无权对该案件上报' };
  }
  return null;
}

/** Actions the actor could take now (for the screens' buttons). */
export function availableActions(facts: CaseFacts, relations: readonly Relation[]): CaseAction[] {
  return CASE_ACTIONS.filter((a) => checkTransition(facts, a, relations, 'x') === null);
}

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
};
