import type { WorkCalendar } from './calendar.ts';
import { type PetitionIntakeRoute, type PetitionLimits, PETITION_LIMITS, reviewWindow } from './petitions.ts';
import type { PetitionAction, PetitionEventRecord, PetitionEventType, PetitionProjection } from './petitions-events.ts';
import {
  PETITION_CLOCKED_STATES,
  PETITION_OPEN_STATES,
  PETITION_STATE_LABELS,
  type PetitionStage,
  type PetitionState,
} from './petitions-terms.ts';

/**
 * A petition's life, one declaration per action: who may take it, from which states, whether a note is
 * required, the state it leads to, what happens to the statutory clock, who is told, which checks
 * refuse it, and what the petition records. The server (petitions.actions.ts), the reducer
 * (petitions-reducer.ts) and the screens' buttons read this table; the figures (15/60/30 days …), the
 * intake route (诉访分离) and the refiling bar are petitions.ts's and are read, never restated.
 *
 * Source: 《信访工作条例》（2022）, see PETITION_LIMITS and PETITION_INTAKE_TABLE for each rule's wording.
 */

/** The actions, in the order a petition meets them (each becomes an event of the same name). */
export const PETITION_ACTIONS = [
  'accept',
  'not_accept',
  'transfer',
  'refer',
  'extend',
  'record_hearing',
  'reply',
  'request_review',
  'decide_review',
  'request_reexamination',
  'decide_reexamination',
  'take',
  'supervise',
] as const satisfies readonly PetitionAction[];

/** The four ways an intake ends; which one follows from petitionIntakeRoute, never from a choice. */
export const PETITION_INTAKE_ACTIONS = ['accept', 'not_accept', 'transfer', 'refer'] as const;
export type PetitionIntakeAction = (typeof PETITION_INTAKE_ACTIONS)[number];

/**
 * What an actor asks for: `intake` (the route is the table's: accept, not accept, transfer, or the legal
 * procedure) or any other action by name.
 */
export const PETITION_COMMANDS = [
  'intake',
  ...PETITION_ACTIONS.filter(
    (a): a is Exclude<PetitionAction, PetitionIntakeAction> =>
      !(PETITION_INTAKE_ACTIONS as readonly string[]).includes(a),
  ),
] as const;
export type PetitionCommand = 'intake' | Exclude<PetitionAction, PetitionIntakeAction>;

/** The action an intake route takes (诉访分离: a matter for litigation, arbitration or review is `refer`red). */
export function intakeActionOf(route: PetitionIntakeRoute): PetitionIntakeAction {
  switch (route.route) {
    case 'accept':
      return 'accept';
    case 'not_accept':
      return 'not_accept';
    case 'transfer_to_competent_body':
      return 'transfer';
    case 'transfer_to_procedure':
      return 'refer';
  }
}

/**
 * How the actor stands to the petition (worked out by the server):
 * - centre: a dispatcher of the 综治中心 whose area holds the petition (registers and handles it);
 * - supervisor: a leader over its region (approves extensions, takes it as 包案, supervises it);
 * - lead: the leader who took it (领导包案).
 */
export const PETITION_RELATIONS = ['centre', 'supervisor', 'lead'] as const;
export type PetitionRelation = (typeof PETITION_RELATIONS)[number];

/** Who an action's notification goes to: the centre over the petition, the leader holding it, the one taking it. */
export type PetitionRecipient = 'centre' | 'lead' | 'newLead';

/**
 * `{ start }`: the stage's statutory clock starts; `recount`: the running clock is counted again from its
 * start (an extension lengthens it, a hearing's days drop out); `stop`: no clock runs; `keep`: unchanged.
 */
export type PetitionClockEffect = { start: PetitionStage } | 'recount' | 'stop' | 'keep';

export type PetitionGuard =
  | 'intakeInTime'
  | 'beforeDeadline'
  | 'extensionWithinLimit'
  | 'withinReviewWindow'
  | 'withinReexaminationWindow'
  | 'overdue'
  | 'notAlreadyLead';

export interface PetitionActionRule<A extends PetitionAction = PetitionAction> {
  who: readonly PetitionRelation[];
  from: readonly PetitionState[];
  note: boolean;
  next: PetitionState | 'same';
  clock: PetitionClockEffect;
  notify: readonly PetitionRecipient[];
  guards?: readonly PetitionGuard[];
  /** What the petition records of the event besides state and clock; `prev` is the petition before it. */
  record?: (prev: PetitionProjection, e: PetitionEventRecord<A>) => Partial<PetitionProjection>;
}

/** The event came after the stage's deadline (超期): recorded on intake and on the reply for the figures. */
const late = (prev: PetitionProjection, at: Date) => prev.stageDeadline !== null && at > prev.stageDeadline;

const INTAKE_RULE = {
  who: ['centre'],
  from: ['registered'],
  note: false,
  notify: [],
  guards: ['intakeInTime'],
} as const;

const intakeEnd = (
  prev: PetitionProjection,
  e: PetitionEventRecord<'not_accept' | 'transfer' | 'refer'>,
): Partial<PetitionProjection> => ({
  intake: e.data.intake,
  intakeAt: e.at,
  intakeLate: late(prev, e.at),
  noticeCount: prev.noticeCount + 1,
  endedAt: e.at,
});

export const PETITION_LIFE: { [A in PetitionAction]: PetitionActionRule<A> } = {
  // 受理 (art. 22: within 15 days): the handling limit starts; the petitioner is told in writing.
  accept: {
    ...INTAKE_RULE,
    next: 'accepted',
    clock: { start: 'handling' },
    record: (prev, e) => ({
      intake: e.data.intake,
      intakeAt: e.at,
      intakeLate: late(prev, e.at),
      acceptedAt: e.at,
      noticeCount: prev.noticeCount + 1,
    }),
  },
  // 不予受理: a refiling after 复核 on the same facts and reasons; the written notice says why.
  not_accept: { ...INTAKE_RULE, next: 'not_accepted', clock: 'stop', record: intakeEnd },
  // 转送: to the political-legal organs, the discipline inspection organs, or the competent body; the notice names it.
  transfer: { ...INTAKE_RULE, next: 'transferred', clock: 'stop', record: intakeEnd },
  // 诉访分离: a matter for litigation, arbitration or administrative review leaves the petition track with the notice.
  refer: { ...INTAKE_RULE, next: 'referred', clock: 'stop', record: intakeEnd },
  // 延期: approved by a leader (负责人批准), at most the extension limit in all, before the limit runs out;
  // the petitioner is told the reason in writing.
  extend: {
    who: ['centre', 'supervisor'],
    from: ['accepted'],
    note: false,
    next: 'same',
    clock: 'recount',
    notify: ['lead'],
    guards: ['beforeDeadline', 'extensionWithinLimit'],
    record: (prev, e) => ({ extensionDays: e.data.totalDays, noticeCount: prev.noticeCount + 1 }),
  },
  // 听证: the hearing's days are not counted (听证所需时间不计算在期限内).
  record_hearing: {
    who: ['centre'],
    from: ['accepted', 'reviewing', 'reexamining'],
    note: false,
    next: 'same',
    clock: 'recount',
    notify: [],
    record: (prev, e) => ({ hearings: [...prev.hearings, e.data.hearing] }),
  },
  // 书面答复 (处理意见书): the 复查 window opens from the day the petitioner receives it.
  reply: {
    who: ['centre'],
    from: ['accepted'],
    note: false,
    next: 'answered',
    clock: 'stop',
    notify: ['lead'],
    record: (prev, e) => ({
      reply: e.data.opinion,
      answeredAt: e.at,
      handlingLate: late(prev, e.at),
      windowLastDay: e.data.windowLastDay,
    }),
  },
  // 请求复查: within 30 days of receiving the reply; the 复查 opinion is due 30 days after the request.
  request_review: {
    who: ['centre'],
    from: ['answered'],
    note: false,
    next: 'reviewing',
    clock: { start: 'reviewDecision' },
    notify: ['lead'],
    guards: ['withinReviewWindow'],
    record: (_prev, e) => ({ reviewRequestedOn: e.data.receivedOn, windowLastDay: null }),
  },
  // 复查意见书: the 复核 window opens from the day the petitioner receives it.
  decide_review: {
    who: ['centre'],
    from: ['reviewing'],
    note: false,
    next: 'reviewed',
    clock: 'stop',
    notify: ['lead'],
    record: (_prev, e) => ({ review: e.data.opinion, reviewDecidedAt: e.at, windowLastDay: e.data.windowLastDay }),
  },
  // 请求复核: within 30 days of receiving the 复查 opinion; the 复核 opinion is due 30 days after the request.
  request_reexamination: {
    who: ['centre'],
    from: ['reviewed'],
    note: false,
    next: 'reexamining',
    clock: { start: 'reexaminationDecision' },
    notify: ['lead'],
    guards: ['withinReexaminationWindow'],
    record: (_prev, e) => ({ reexaminationRequestedOn: e.data.receivedOn, windowLastDay: null }),
  },
  // 复核意见: the end of the road; the same facts and reasons are not accepted again.
  decide_reexamination: {
    who: ['centre'],
    from: ['reexamining'],
    note: false,
    next: 'reexamined',
    clock: 'stop',
    notify: ['lead'],
    record: (_prev, e) => ({ reexamination: e.data.opinion, reexaminationDecidedAt: e.at, endedAt: e.at }),
  },
  // 领导包案: a leader over the petition's region takes it; the centre and the leader who held it are told.
  take: {
    who: ['supervisor'],
    from: PETITION_OPEN_STATES,
    note: false,
    next: 'same',
    clock: 'keep',
    notify: ['centre', 'lead'],
    guards: ['notAlreadyLead'],
    record: (_prev, e) => ({ leaderUserId: e.data.leaderUserId, leaderTakenAt: e.at }),
  },
  // 督办: a leader presses an overdue petition, with instructions (the note).
  supervise: {
    who: ['supervisor', 'lead'],
    from: PETITION_CLOCKED_STATES,
    note: true,
    next: 'same',
    clock: 'keep',
    notify: ['centre', 'lead'],
    guards: ['overdue'],
    record: (prev, e) => ({ supervisionCount: prev.supervisionCount + 1, lastSupervisedAt: e.at }),
  },
};

export const PETITION_ACTION_LABELS: Record<PetitionEventType, string> = {
  register: '登记',
  accept: '受理',
  not_accept: '不予受理',
  transfer: '转送',
  refer: '导入法定程序',
  extend: '延长办理期限',
  record_hearing: '听证',
  reply: '书面答复',
  request_review: '请求复查',
  decide_review: '复查意见',
  request_reexamination: '请求复核',
  decide_reexamination: '复核意见',
  take: '领导包案',
  supervise: '督办',
};

export const PETITION_COMMAND_LABELS: Record<PetitionCommand, string> = {
  ...PETITION_ACTION_LABELS,
  intake: '受理 / 不予受理 / 转送',
};

/** An action's rule without its record function (which is typed by the action). */
export type PetitionActionFacts = Omit<PetitionActionRule, 'record'>;

export function petitionRuleOf(action: PetitionAction): PetitionActionFacts {
  return PETITION_LIFE[action];
}

/** What a petition records of an event (the reducer's part of the rule), or nothing. */
export function petitionRecordOf(prev: PetitionProjection, e: PetitionEventRecord<PetitionAction>) {
  const record = PETITION_LIFE[e.type].record as
    ((d: PetitionProjection, e: PetitionEventRecord) => Partial<PetitionProjection>) | undefined;
  return record ? record(prev, e) : {};
}

export function petitionNextState(action: PetitionAction, from: PetitionState): PetitionState {
  const next = PETITION_LIFE[action].next;
  return next === 'same' ? from : next;
}

/** Facts about the petition an action's legality depends on besides its state. */
export interface PetitionFacts {
  state: PetitionState;
  stageDeadline: Date | null;
  extensionDays: number;
  leaderUserId: string | null;
  /** The day the petitioner received the reply (复查 window) and the 复查 opinion (复核 window). */
  replyDeliveredOn: string | null;
  reviewDeliveredOn: string | null;
}

/** What the actor gives with the action that the rules look at. */
export interface PetitionActionInput {
  now: Date;
  actorId: string;
  note?: string;
  /** intake: why it is decided after its 15 days. */
  lateReason?: string;
  /** extend: the days asked for. */
  extensionDays?: number;
  /** request_review / request_reexamination: the day the request was received (YYYY-MM-DD). */
  requestedOn?: string;
}

/** The calendar and the limits in force, for the window checks. */
export interface PetitionRuleEnv {
  cal: WorkCalendar;
  limits?: PetitionLimits;
}

export type PetitionRefusal = { code: string; message: string };

const WINDOW_REFUSALS = {
  review: {
    late: { code: 'petition.review_window_passed', what: '复查', from: '收到书面答复' },
  },
  reexamination: {
    late: { code: 'petition.reexamination_window_passed', what: '复核', from: '收到复查意见' },
  },
} as const;

function windowGuard(
  stage: 'review' | 'reexamination',
  receivedOn: string | null,
  input: PetitionActionInput,
  env: PetitionRuleEnv,
): PetitionRefusal | null {
  if (!receivedOn || !input.requestedOn) return null;
  const limits = env.limits ?? PETITION_LIMITS;
  const w = reviewWindow(stage, receivedOn, input.requestedOn, env.cal, limits);
  const r = WINDOW_REFUSALS[stage].late;
  if (w.status === 'before_receipt')
    return { code: 'petition.request_before_receipt', message: `请求${r.what}的日期不能早于信访人${r.from}的日期` };
  if (w.status === 'late') {
    const days = limits[stage === 'review' ? 'reviewRequest' : 'reexaminationRequest'].amount;
    return {
      code: r.code,
      message: `已超过${r.from}之日起${days}日的${r.what}请求期限（最后一日为${w.lastDay}）`,
    };
  }
  return null;
}

const GUARDS: Record<
  PetitionGuard,
  (f: PetitionFacts, input: PetitionActionInput, env: PetitionRuleEnv) => PetitionRefusal | null
> = {
  // Art. 22: 15 days. Deciding later is possible (the petition must still be routed) but needs the reason on record.
  intakeInTime: (f, input) =>
    f.stageDeadline && input.now > f.stageDeadline && !input.lateReason?.trim()
      ? {
          code: 'petition.intake_late_reason_required',
          message: `已超过收到信访事项之日起${PETITION_LIMITS.intake.amount}日的受理期限，须填写逾期处理的理由`,
        }
      : null,
  beforeDeadline: (f, input) =>
    f.stageDeadline && input.now > f.stageDeadline
      ? { code: 'petition.extension_after_deadline', message: '办理期限已届满，不能再延长办理期限' }
      : null,
  extensionWithinLimit: (f, input, env) => {
    const max = (env.limits ?? PETITION_LIMITS).extension.amount;
    return f.extensionDays + (input.extensionDays ?? 0) > max
      ? {
          code: 'petition.extension_exceeded',
          message: `延长办理期限累计不得超过 ${max} 日（已延长 ${f.extensionDays} 日）`,
        }
      : null;
  },
  withinReviewWindow: (f, input, env) => windowGuard('review', f.replyDeliveredOn, input, env),
  withinReexaminationWindow: (f, input, env) => windowGuard('reexamination', f.reviewDeliveredOn, input, env),
  overdue: (f, input) =>
    f.stageDeadline && input.now > f.stageDeadline
      ? null
      : { code: 'petition.not_overdue', message: '只有超过法定期限的信访事项才能督办' },
  notAlreadyLead: (f, input) =>
    f.leaderUserId === input.actorId ? { code: 'petition.already_taken', message: '您已包案该信访事项' } : null,
};

/**
 * Whether `action` may be taken now by someone standing in `relations` to the petition.
 * Returns null when allowed, else a stable code and a Chinese message.
 */
export function checkPetitionTransition(
  facts: PetitionFacts,
  action: PetitionAction,
  relations: readonly PetitionRelation[],
  input: PetitionActionInput,
  env: PetitionRuleEnv,
): PetitionRefusal | null {
  const rule = petitionRuleOf(action);
  if (!rule.from.includes(facts.state))
    return {
      code: 'petition.invalid_state',
      message: `信访事项当前状态（${PETITION_STATE_LABELS[facts.state]}）不能${PETITION_ACTION_LABELS[action]}`,
    };
  if (!rule.who.some((r) => relations.includes(r)))
    return { code: 'petition.not_allowed', message: `您无权对该信访事项${PETITION_ACTION_LABELS[action]}` };
  if (rule.note && !input.note?.trim())
    return { code: 'petition.note_required', message: `${PETITION_ACTION_LABELS[action]}需要填写意见` };
  for (const g of rule.guards ?? []) {
    const refusal = GUARDS[g](facts, input, env);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * What the actor could ask for now (the screens' buttons): `intake` while the petition waits for it, and
 * each other action whose rule lets them. A 复查/复核 request stays offered after its window: a request
 * received in time may be recorded later, and the date it was received decides (the server checks it).
 */
export function availablePetitionCommands(
  facts: PetitionFacts,
  relations: readonly PetitionRelation[],
  input: Pick<PetitionActionInput, 'now' | 'actorId'>,
  env: PetitionRuleEnv,
): PetitionCommand[] {
  const probe: PetitionActionInput = { ...input, note: 'x', lateReason: 'x', extensionDays: 1 };
  const ok = (a: PetitionAction) => checkPetitionTransition(facts, a, relations, probe, env) === null;
  return PETITION_COMMANDS.filter((c) => (c === 'intake' ? ok('accept') : ok(c)));
}
