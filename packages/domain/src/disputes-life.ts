import {
  DISPUTE_OPEN_STATES,
  DISPUTE_STATE_LABELS,
  type DisputeStage,
  type DisputeState,
  type DisputeTier,
  nextDisputeTier,
} from './disputes.ts';
import type { DisputeAction, DisputeEventRecord, DisputeEventType, DisputeProjection } from './disputes-events.ts';

/**
 * A dispute's life, one declaration per action: who may take it, from which states, whether a note is
 * required, the state it leads to, what happens to the stage clock, who is told, and what the dispute
 * records. The server (disputes.actions.ts), the reducer (disputes-reducer.ts) and the screens' buttons
 * read this table; nothing else states these rules.
 *
 * Sources: 人民调解法 (2010) arts. 17–33; 粤平安's flow 登记受理 → 先行调解 → 风险研判 → 分类流转, 跟踪督办,
 * 案结事了 (domain.md "Disputes and petitions"); DEFAULT_DISPUTE_LIMITS for each stage's limit.
 */

/** The actions, in the order a dispute meets them (each becomes an event of the same name). */
export const DISPUTE_ACTIONS = [
  'accept',
  'decline',
  'divert',
  'assign',
  'reassign',
  'record_session',
  'agree',
  'fail',
  'escalate',
  'apply_confirmation',
  'record_confirmation',
  'waive_confirmation',
  'follow_up',
  'close',
  'assess_risk',
  'refer_case',
  'attach_signed_agreement',
] as const satisfies readonly DisputeAction[];

/**
 * Actions taken through a route of their own, not POST /api/disputes/:id/actions: 转案件 files the case
 * in the same transaction as the dispute's event (POST /api/disputes/:id/case).
 */
export const DISPUTE_ACTIONS_ELSEWHERE: readonly DisputeAction[] = ['refer_case'];

/**
 * How the actor stands to the dispute (worked out by the server):
 * - centre: a dispatcher of the 综治中心 whose area holds the dispute, at its tier or above
 * - organisation: a mediator of the organisation the dispute was diverted to
 * - mediator: the mediator assigned to it
 * - supervisor: a leader over its region
 */
export const DISPUTE_RELATIONS = ['centre', 'organisation', 'mediator', 'supervisor'] as const;
export type DisputeRelation = (typeof DISPUTE_RELATIONS)[number];

/** Who an action's notification goes to (worked out by the server from the dispute). */
export type DisputeRecipient =
  /** the dispatchers of the centre at the dispute's tier */
  | 'centre'
  /** the mediators of the dispute's organisation (before the action) */
  | 'organisation'
  /** the mediator holding it (before the action) */
  | 'mediator'
  /** the organisation it is diverted to */
  | 'newOrganisation'
  /** the mediator it is given to */
  | 'newMediator'
  /** the dispatchers of the centre at the tier it moves up to */
  | 'upperCentre'
  /** the 稳控责任人 of a major dispute */
  | 'stability';

/** `{ start }`: a new stage starts now with its limit; `stop`: no clock runs; `keep`: the running one goes on. */
export type DisputeClockEffect = { start: DisputeStage } | 'stop' | 'keep';

/** Checks beyond state, relation and note; each is one refusal with a code and a Chinese message. */
export type DisputeGuard = 'belowTopTier' | 'followedUp' | 'withinConfirmationWindow';

export interface DisputeActionRule<A extends DisputeAction = DisputeAction> {
  who: readonly DisputeRelation[];
  from: readonly DisputeState[];
  /** A note (reason, record) is required. */
  note: boolean;
  /** The state the dispute moves to; `same` keeps it. */
  next: DisputeState | 'same';
  clock: DisputeClockEffect;
  notify: readonly DisputeRecipient[];
  guards?: readonly DisputeGuard[];
  /** What the dispute records of the event besides state and clock. */
  record?: (d: DisputeProjection, e: DisputeEventRecord<A>) => Partial<DisputeProjection>;
}

const UNASSIGNED = { organisationId: null, mediatorUserId: null, path: null } as const;

export const DISPUTE_LIFE: { [A in DisputeAction]: DisputeActionRule<A> } = {
  // 登记受理: the centre checks it is a civil dispute mediation can take (人民调解法 art. 2).
  accept: {
    who: ['centre'],
    from: ['registered'],
    note: false,
    next: 'accepted',
    clock: { start: 'divert' },
    notify: [],
    record: (_d, e) => ({ acceptedAt: e.at }),
  },
  // 不予受理: with the reason and the channel the matter belongs to (仲裁, 行政复议, 诉讼 …).
  decline: {
    who: ['centre'],
    from: ['registered'],
    note: true,
    next: 'declined',
    clock: 'stop',
    notify: [],
    record: (_d, e) => ({ declineChannel: e.data.channel, endedAt: e.at }),
  },
  // 分类流转: to a path and an organisation, the lowest capable tier first (a higher tier needs a reason).
  divert: {
    who: ['centre'],
    from: ['accepted'],
    note: false,
    next: 'diverted',
    clock: { start: 'assign' },
    notify: ['newOrganisation'],
    record: (_d, e) => ({
      path: e.data.path,
      tier: e.data.tier,
      organisationId: e.data.organisationId,
      mediatorUserId: null,
      divertedAt: e.at,
    }),
  },
  // 指派调解员: a mediator of the organisation takes it; the mediation limit starts.
  assign: {
    who: ['centre', 'organisation'],
    from: ['diverted'],
    note: false,
    next: 'mediating',
    clock: { start: 'mediate' },
    notify: ['newMediator'],
    record: (_d, e) => ({ mediatorUserId: e.data.mediatorUserId, assignedAt: e.at }),
  },
  // Another mediator of the same organisation takes over; the mediation clock runs on.
  reassign: {
    who: ['centre', 'organisation'],
    from: ['mediating'],
    note: true,
    next: 'same',
    clock: 'keep',
    notify: ['mediator', 'newMediator'],
    record: (_d, e) => ({ mediatorUserId: e.data.mediatorUserId }),
  },
  // 调解记录: time, place, who attended, what was said (the note), photos or scans; as often as needed.
  record_session: {
    who: ['mediator', 'organisation'],
    from: ['mediating'],
    note: true,
    next: 'same',
    clock: 'keep',
    notify: [],
    record: (d) => ({ sessionCount: d.sessionCount + 1 }),
  },
  // 达成协议 (人民调解法 arts. 28–29): the 30-day window to apply for 司法确认 opens (art. 33).
  agree: {
    who: ['mediator'],
    from: ['mediating'],
    note: false,
    next: 'agreed',
    clock: { start: 'confirm_window' },
    notify: ['centre'],
    record: (_d, e) => ({
      agreement: e.data.agreement,
      confirmationDeadline: new Date(e.data.confirmationDeadline),
      agreedAt: e.at,
    }),
  },
  // 调解不成 (art. 26): the mediation ends and the parties are told which path remains to them.
  fail: {
    who: ['mediator'],
    from: ['mediating'],
    note: true,
    next: 'failed',
    clock: 'stop',
    notify: ['centre'],
    record: (_d, e) => ({ guidedPath: e.data.guidedPath, endedAt: e.at }),
  },
  // 逐级上交: a tier that cannot solve it hands it to the tier above, whose centre diverts it again.
  escalate: {
    who: ['mediator', 'centre'],
    from: ['accepted', 'diverted', 'mediating'],
    note: true,
    next: 'accepted',
    clock: { start: 'divert' },
    notify: ['upperCentre', 'mediator'],
    guards: ['belowTopTier'],
    record: (d, e) => ({ ...UNASSIGNED, tier: e.data.toTier, escalationCount: d.escalationCount + 1 }),
  },
  // 司法确认申请: recorded when the parties have jointly applied to the court, inside the window.
  apply_confirmation: {
    who: ['mediator', 'centre'],
    from: ['agreed'],
    note: false,
    next: 'confirming',
    clock: { start: 'court' },
    notify: ['centre'],
    guards: ['withinConfirmationWindow'],
  },
  // The court's ruling: confirmed (enforceable) or not (the parties may change the agreement or sue, art. 33).
  record_confirmation: {
    who: ['mediator', 'centre'],
    from: ['confirming'],
    note: false,
    next: 'performing',
    clock: { start: 'follow_up' },
    notify: ['centre'],
    record: (_d, e) => ({ confirmationResult: e.data.result }),
  },
  // The parties do not apply (the application is theirs to make, not an obligation): on to performance.
  waive_confirmation: {
    who: ['mediator', 'centre'],
    from: ['agreed'],
    note: true,
    next: 'performing',
    clock: { start: 'follow_up' },
    notify: [],
  },
  // 履行回访 (art. 31: the committee supervises performance): how far the agreement has been performed.
  follow_up: {
    who: ['mediator', 'centre'],
    from: ['performing'],
    note: true,
    next: 'same',
    clock: 'keep',
    notify: [],
    record: (d, e) => ({ performance: e.data.performance, followUpCount: d.followUpCount + 1 }),
  },
  // 案结事了: closed after at least one follow-up.
  close: {
    who: ['centre', 'mediator'],
    from: ['performing'],
    note: false,
    next: 'closed',
    clock: 'stop',
    notify: ['centre'],
    guards: ['followedUp'],
    record: (_d, e) => ({ endedAt: e.at }),
  },
  // 风险研判: the centre sets the risk level, the 民转刑 flag and (for 重大) the 稳控责任人.
  assess_risk: {
    who: ['centre'],
    from: DISPUTE_OPEN_STATES,
    note: true,
    next: 'same',
    clock: 'keep',
    notify: ['stability'],
    record: (_d, e) => ({
      risk: e.data.risk,
      civilToCriminal: e.data.civilToCriminal,
      stabilityUserId: e.data.stabilityUserId,
    }),
  },
  // 转案件: mediation finds a matter for a department (a违法建筑, a safety hazard, a wage arrear for 劳动监察):
  // a case is filed into the case chain (channel `dispute`) for the centre to dispatch. The dispute goes
  // on — fixing the department's part does not settle what the parties dispute, so state and clock stay;
  // a matter that is not a civil dispute at all is declined (不予受理) with its channel instead. Those
  // working it (centre, organisation, mediator) may file it, while it is open.
  refer_case: {
    who: ['centre', 'organisation', 'mediator'],
    from: DISPUTE_OPEN_STATES,
    note: true,
    next: 'same',
    clock: 'keep',
    notify: ['centre'],
    record: (_d, e) => ({ referredCaseId: e.data.caseId }),
  },
  // 已签署协议书扫描件: the printed 人民调解协议书, signed by the parties and the mediator and sealed
  // (人民调解法 art. 29), scanned or photographed back onto the dispute (the event's attachments).
  attach_signed_agreement: {
    who: ['mediator', 'organisation', 'centre'],
    from: ['agreed', 'confirming', 'performing'],
    note: false,
    next: 'same',
    clock: 'keep',
    notify: [],
  },
};

export const DISPUTE_ACTION_LABELS: Record<DisputeEventType, string> = {
  register: '登记',
  accept: '受理',
  decline: '不予受理',
  divert: '分流',
  assign: '指派调解员',
  reassign: '更换调解员',
  record_session: '调解记录',
  agree: '达成调解协议',
  fail: '调解不成',
  escalate: '上交上级',
  apply_confirmation: '申请司法确认',
  record_confirmation: '司法确认结果',
  waive_confirmation: '不申请司法确认',
  follow_up: '履行回访',
  close: '结案',
  assess_risk: '风险研判',
  refer_case: '转案件',
  attach_signed_agreement: '上传已签署协议书扫描件',
};

/** An action's rule without its record function (which is typed by the action). */
export type DisputeActionFacts = Omit<DisputeActionRule, 'record'>;

export function disputeRuleOf(action: DisputeAction): DisputeActionFacts {
  return DISPUTE_LIFE[action];
}

/** What a dispute records of an event (the reducer's part of the rule), or nothing. */
export function disputeRecordOf(
  d: DisputeProjection,
  e: DisputeEventRecord<DisputeAction>,
): Partial<DisputeProjection> {
  const record = DISPUTE_LIFE[e.type].record as
    ((d: DisputeProjection, e: DisputeEventRecord) => Partial<DisputeProjection>) | undefined;
  return record ? record(d, e) : {};
}

export function disputeNextState(action: DisputeAction, from: DisputeState): DisputeState {
  const next = DISPUTE_LIFE[action].next;
  return next === 'same' ? from : next;
}

/** Facts about the dispute an action's legality depends on besides its state. */
export interface DisputeFacts {
  state: DisputeState;
  tier: DisputeTier;
  followUpCount: number;
  confirmationDeadline: Date | null;
}

/** What the actor gives with the action that the rules look at. */
export interface DisputeActionInput {
  note?: string;
  /** apply_confirmation: when the parties applied (the window is checked against it). */
  appliedAt?: Date;
}

export type DisputeRefusal = { code: string; message: string };

const GUARDS: Record<DisputeGuard, (f: DisputeFacts, input: DisputeActionInput) => DisputeRefusal | null> = {
  belowTopTier: (f) =>
    nextDisputeTier(f.tier) ? null : { code: 'dispute.top_tier', message: '已在县（区）一级调处，不能再上交' },
  followedUp: (f) =>
    f.followUpCount > 0 ? null : { code: 'dispute.follow_up_required', message: '结案前须至少进行一次履行回访' },
  // 人民调解法 art. 33: within 30 days of the agreement taking effect.
  withinConfirmationWindow: (f, input) =>
    f.confirmationDeadline && input.appliedAt && input.appliedAt > f.confirmationDeadline
      ? {
          code: 'dispute.confirmation_window_passed',
          message: '已超过调解协议生效之日起三十日的司法确认申请期限（人民调解法第三十三条）',
        }
      : null,
};

/**
 * Whether `action` may be taken now by someone standing in `relations` to the dispute.
 * Returns null when allowed, else a stable code and a Chinese message.
 */
export function checkDisputeTransition(
  facts: DisputeFacts,
  action: DisputeAction,
  relations: readonly DisputeRelation[],
  input: DisputeActionInput,
): DisputeRefusal | null {
  const rule = disputeRuleOf(action);
  if (!rule.from.includes(facts.state))
    return {
      code: 'dispute.invalid_state',
      message: `纠纷当前状态（${DISPUTE_STATE_LABELS[facts.state]}）不能${DISPUTE_ACTION_LABELS[action]}`,
    };
  if (!rule.who.some((r) => relations.includes(r)))
    return { code: 'dispute.not_allowed', message: `您无权对该纠纷${DISPUTE_ACTION_LABELS[action]}` };
  if (rule.note && !input.note?.trim())
    return { code: 'dispute.note_required', message: `${DISPUTE_ACTION_LABELS[action]}需要填写说明` };
  for (const g of rule.guards ?? []) {
    const refusal = GUARDS[g](facts, input);
    if (refusal) return refusal;
  }
  return null;
}

/** Actions the actor could take now (for the screens' buttons). */
export function availableDisputeActions(
  facts: DisputeFacts,
  relations: readonly DisputeRelation[],
  now: Date,
): DisputeAction[] {
  return DISPUTE_ACTIONS.filter(
    (a) => checkDisputeTransition(facts, a, relations, { note: 'x', appliedAt: now }) === null,
  );
}
