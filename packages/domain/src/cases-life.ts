import {
  ACTION_LABELS,
  CASE_ACTIONS,
  CASE_STATE_LABELS,
  type CaseAction,
  type CaseEventType,
  type CaseLevel,
  type CaseState,
  HOLDING_STATES,
  OPEN_STATES,
  type Relation,
  nextLevel,
} from './cases.ts';
import type { CaseEventRecord, CaseProjection, Classification } from './cases-events.ts';
import type { CaseStage } from './items.ts';
import type { TimeLimit } from './calendar.ts';

/**
 * The case's life (全链条), one declaration per action: who may take it, from which states, whether a
 * reason is required, which of the item's conditions the centre confirms, the state it leads to, what
 * happens to the stage clock and to the responsible tier, who is told, and what the case records.
 * The server (cases.actions.ts), the reducer (cases-reducer.ts), the screens' buttons and the figures
 * all read this table; nothing else states these rules.
 *
 * Sources: GB/T 30428.2 (数字化城市管理 — 立案、派遣、处置、核查、结案), 河南省基层社会治理条例 and the
 * seeds' closed loop (../shared/docs/domain.md "The case chain").
 */

/** Who an action's notification goes to (worked out by the server from the case). */
export type Recipient =
  /** the reporter's account (residents, grid workers) */
  | 'reporter'
  /** 首接负责制: the staff member who first took the matter, who keeps the reporter informed */
  | 'firstContact'
  /** the dispatchers of the centre at the case's tier */
  | 'centre'
  /** the unit or grid worker holding the case before the action */
  | 'assignee'
  /** the unit or grid worker the action gives the case to, and the co-handling units */
  | 'newAssignees'
  /** the grid worker who checks the result on site, or the centre when there is none */
  | 'verifier'
  /** the dispatchers of the centre at the tier the case moves up to */
  | 'upperCentre'
  /** the volunteer who claimed the case (市民认领) */
  | 'claimant';

/**
 * What an action does to the stage clock:
 * - `{ start }`: a new stage starts now with the item's limit for it (deadline and 80% light by the calendar)
 * - `stop`: no stage runs (the case waits on nobody, or has ended)
 * - `keep`: the running stage goes on unchanged
 * - `extend`: the handling stage keeps its start and gets the approved deadline (延期)
 * - `pause`: the handling stage stops and the time left is kept (挂账)
 * - `resume`: the handling stage restarts with the time that was left
 */
export type ClockEffect = { start: CaseStage } | 'stop' | 'keep' | 'extend' | 'pause' | 'resume';

/**
 * The tier responsible after the action: `centre` — back to the centre that dispatches (township
 * at least); `target` — the tier of the unit or worker dispatched to; `up` — one tier up. Absent:
 * unchanged.
 */
export type LevelEffect = 'centre' | 'target' | 'up';

/** Checks beyond state, relation and reason; each is one refusal with a code and a Chinese message. */
export type Guard =
  | 'noPendingRequest'
  | 'pendingExtension'
  | 'pendingSuspension'
  | 'notRated'
  | 'belowTopLevel'
  | 'escalatedByHolderOrCentre'
  /** 不确定/其他: the centre names the real item (itemCode) before the case is accepted or dispatched. */
  | 'classified'
  /** 市民认领: the case's item is marked claimable in the catalogue. */
  | 'claimable';

export interface ActionRule<A extends CaseAction = CaseAction> {
  who: readonly Relation[];
  from: readonly CaseState[];
  /** A reason (note) is required. */
  note: boolean;
  /**
   * What the actor's form asks besides the note: photos of the work (处置、反馈、核查 are shown with
   * evidence), a new deadline (延期: `until`, later than the running one). Absent: the note alone,
   * and an action needing neither note nor form is taken with one tap.
   */
  form?: { photos?: true; until?: true };
  /** The item's condition the centre must confirm as met (recorded in the event). */
  confirms?: 'filing' | 'closing';
  /** The state the case moves to; `same` keeps it. */
  next: CaseState | 'same';
  clock: ClockEffect;
  /** Decisions (延期/挂账 审批): the state and clock when approved; refused changes neither. */
  approved?: { next: CaseState | 'same'; clock: ClockEffect };
  level?: LevelEffect;
  notify: readonly Recipient[];
  /** The centre is told only when the rating is 不满意. */
  notifyOnlyWhenDissatisfied?: boolean;
  guards?: readonly Guard[];
  /** What the case records of the event besides state, clock and level (counters, dates, people). */
  record?: (c: CaseProjection, e: CaseEventRecord<A>) => Partial<CaseProjection>;
}

/**
 * 回访 counts as timely for the 响应率 (12345 "三率", domain.md "Assessment") when made within 3
 * working days of closing. Neither domain.md nor the seeds give the limit: 3 working days is this
 * platform's setting, kept here as the one place to change it.
 */
export const CALLBACK_LIMIT: TimeLimit = { amount: 3, unit: 'work_days' };

const UNASSIGNED = { assigneeUnitId: null, assigneeUserId: null } as const;
const UNCLAIMED = { claimantUserId: null } as const;

/** The item the centre named at acceptance or dispatch (不确定/其他 → a real item), if it named one. */
function classifiedAs(c: Classification | undefined): Partial<CaseProjection> {
  return c ? { itemId: c.itemId, itemCode: c.itemCode } : {};
}

export const CASE_LIFE: { [A in CaseAction]: ActionRule<A> } = {
  // 受理/立案: the centre checks the item's filing condition; 首接负责制 — a resident's report gets its first contact here.
  accept: {
    who: ['centre'],
    from: ['reported'],
    note: false,
    confirms: 'filing',
    next: 'accepted',
    clock: { start: 'dispatch' },
    notify: ['reporter'],
    guards: ['classified'],
    record: (c, e) => ({
      acceptedAt: c.acceptedAt ?? e.at,
      firstContactUserId: c.firstContactUserId ?? e.actorId,
      ...classifiedAs(e.data.classified),
    }),
  },
  reject: {
    who: ['centre'],
    from: ['reported'],
    note: true,
    next: 'rejected',
    clock: 'stop',
    notify: ['reporter', 'firstContact'],
  },
  void: {
    who: ['centre'],
    from: ['reported', 'accepted'],
    note: true,
    next: 'voided',
    clock: 'stop',
    notify: ['reporter', 'firstContact'],
  },
  merge: {
    who: ['centre'],
    from: ['reported', 'accepted'],
    note: true,
    next: 'merged',
    clock: 'stop',
    notify: ['reporter', 'firstContact'],
    record: (_c, e) => ({ mergedIntoId: e.data.mergedIntoId }),
  },
  // 派遣: to a unit (its tier) or a grid worker (the grid), with co-handling units; on time if within the dispatch limit.
  dispatch: {
    who: ['centre'],
    from: ['accepted'],
    note: false,
    next: 'dispatched',
    clock: { start: 'sign' },
    level: 'target',
    notify: ['newAssignees'],
    guards: ['classified'],
    record: (c, e) => ({
      ...classifiedAs(e.data.classified),
      assigneeUnitId: e.data.target.unitId,
      assigneeUserId: e.data.target.userId,
      dispatchCount: c.dispatchCount + 1,
      dispatchedAt: e.at,
      // On-time dispatch (按时派遣) is judged on the first dispatch.
      dispatchOnTime: c.dispatchOnTime ?? e.data.onTime,
    }),
  },
  sign: {
    who: ['assignee'],
    from: ['dispatched'],
    note: false,
    next: 'handling',
    clock: { start: 'handle' },
    notify: [],
    record: (_c, e) => ({ signedAt: e.at }),
  },
  // 退回: not ours — back to the centre to dispatch again; counts against the centre's 准确派遣率.
  return: {
    who: ['assignee'],
    from: ['dispatched'],
    note: true,
    next: 'accepted',
    clock: { start: 'dispatch' },
    level: 'centre',
    notify: ['centre'],
    record: (c) => ({ ...UNASSIGNED, returnCount: c.returnCount + 1 }),
  },
  step: {
    who: ['assignee', 'coUnit'],
    from: ['handling'],
    note: true,
    form: { photos: true },
    next: 'same',
    clock: 'keep',
    notify: ['centre'],
  },
  request_extension: {
    who: ['assignee'],
    from: ['handling'],
    note: true,
    form: { until: true },
    next: 'same',
    clock: 'keep',
    notify: ['centre'],
    guards: ['noPendingRequest'],
    record: (_c, e) => ({
      pending: { kind: 'extension', requestedUntil: e.data.requestedUntil, requestedBy: e.actorId },
    }),
  },
  decide_extension: {
    who: ['centre'],
    from: ['handling'],
    note: false,
    next: 'same',
    clock: 'keep',
    approved: { next: 'same', clock: 'extend' },
    notify: ['assignee'],
    guards: ['pendingExtension'],
    record: () => ({ pending: null }),
  },
  request_suspension: {
    who: ['assignee'],
    from: ['handling'],
    note: true,
    next: 'same',
    clock: 'keep',
    notify: ['centre'],
    guards: ['noPendingRequest'],
    record: (_c, e) => ({ pending: { kind: 'suspension', requestedBy: e.actorId } }),
  },
  decide_suspension: {
    who: ['centre'],
    from: ['handling'],
    note: false,
    next: 'same',
    clock: 'keep',
    approved: { next: 'suspended', clock: 'pause' },
    notify: ['assignee'],
    guards: ['pendingSuspension'],
    record: () => ({ pending: null }),
  },
  resume: {
    who: ['centre'],
    from: ['suspended'],
    note: false,
    next: 'handling',
    clock: 'resume',
    notify: ['assignee'],
  },
  // 反馈: the result goes to whoever checks it on site, to the centre and to the reporter.
  feed_back: {
    who: ['assignee'],
    from: ['handling'],
    note: true,
    form: { photos: true },
    next: 'fed_back',
    clock: { start: 'verify' },
    notify: ['verifier', 'centre', 'reporter', 'firstContact'],
    guards: ['noPendingRequest'],
    record: (_c, e) => ({ fedBackAt: e.at, verifierUserId: e.data.verifierUserId }),
  },
  co_feed_back: {
    who: ['coUnit'],
    from: HOLDING_STATES,
    note: true,
    form: { photos: true },
    next: 'same',
    clock: 'keep',
    notify: ['assignee', 'centre'],
  },
  verify_pass: {
    who: ['verifier', 'centre'],
    from: ['fed_back'],
    note: false,
    form: { photos: true },
    next: 'verified',
    clock: 'stop',
    notify: ['centre'],
    record: (_c, e) => ({ verifiedAt: e.at }),
  },
  // 返工: back to the same assignee with a new handling limit; counts against the unit's 返工率.
  verify_fail: {
    who: ['verifier', 'centre'],
    from: ['fed_back'],
    note: true,
    form: { photos: true },
    next: 'handling',
    clock: { start: 'handle' },
    notify: ['assignee', 'centre'],
    record: (c) => ({ reworkCount: c.reworkCount + 1 }),
  },
  // 结案: the centre checks the item's closing condition.
  close: {
    who: ['centre'],
    from: ['verified'],
    note: false,
    confirms: 'closing',
    next: 'closed',
    clock: 'stop',
    notify: ['reporter', 'firstContact'],
    record: (_c, e) => ({ closedAt: e.at }),
  },
  rate: {
    who: ['reporter', 'centre'],
    from: ['closed'],
    note: false,
    next: 'same',
    clock: 'keep',
    notify: ['centre'],
    notifyOnlyWhenDissatisfied: true,
    guards: ['notRated'],
    record: (_c, e) => ({ rating: e.data.rating, resolved: e.data.resolved, ratedAt: e.at }),
  },
  // 回访: the centre calls the reporter; timely within CALLBACK_LIMIT of closing (响应率).
  callback: {
    who: ['centre'],
    from: ['closed'],
    note: true,
    next: 'same',
    clock: 'keep',
    notify: [],
    record: (_c, e) => ({ contactedInTime: e.data.contactedInTime }),
  },
  // 重新办理: the resident says it was not fixed — back to the centre to dispatch again.
  reopen: {
    who: ['reporter', 'centre'],
    from: ['closed'],
    note: true,
    form: { photos: true },
    next: 'accepted',
    clock: { start: 'dispatch' },
    level: 'centre',
    notify: ['centre'],
    record: (c) => ({
      ...UNASSIGNED,
      ...UNCLAIMED,
      claimHandled: false,
      reopenCount: c.reopenCount + 1,
      verifierUserId: null,
      closedAt: null,
      verifiedAt: null,
      rating: null,
      resolved: null,
      ratedAt: null,
    }),
  },
  // 逐级上报/吹哨报到: the centre passes a case it cannot solve to the tier above; a grid worker holding it too.
  escalate: {
    who: ['centre', 'assignee'],
    from: ['reported', 'accepted', 'handling'],
    note: true,
    next: 'accepted',
    clock: { start: 'dispatch' },
    level: 'up',
    notify: ['upperCentre'],
    guards: ['belowTopLevel', 'escalatedByHolderOrCentre'],
    record: (c) => ({ ...UNASSIGNED, escalationCount: c.escalationCount + 1 }),
  },
  // 督办 / 挂牌督办 (with a rectify-by date).
  supervise: {
    who: ['centre', 'supervisor'],
    from: OPEN_STATES,
    note: true,
    next: 'same',
    clock: 'keep',
    notify: ['assignee', 'centre'],
    record: (_c, e) => ({
      supervision: e.data.supervision,
      rectifyBy: e.data.rectifyBy ? new Date(e.data.rectifyBy) : null,
    }),
  },
  // 转矛盾纠纷: the centre finds the report is a dispute between parties (邻里、物业、劳资 …) and registers
  // it as one (source case_conversion). The case ends here, as a merged one does, pointing to where the
  // matter goes on: "只进一扇门" — a matter registered once is followed on ONE track, and the dispute track
  // has its own stages and clocks (受理 → 分流 → 调解 …, DISPUTE_LIFE) run by the mediation organisation
  // (粤平安: 分类流转 — the centre routes, the competent body solves). Kept open, the case would run a
  // second dispatch clock on the same matter, wait on a unit that has nothing to fix, and be counted
  // twice (as an open case and as a dispute). Only before dispatch, while the centre alone holds it: a
  // unit or grid worker holding a case that turns out to be a dispute returns it (退回) first.
  convert_to_dispute: {
    who: ['centre'],
    from: ['reported', 'accepted'],
    note: true,
    next: 'converted',
    clock: 'stop',
    notify: ['reporter', 'firstContact'],
    record: (_c, e) => ({ convertedDisputeId: e.data.disputeId }),
  },
  // 市民认领 (issue 17): an approved volunteer of the village takes a new or accepted case of a claimable
  // item (litter, small adverts, a blocked drain grate — items-catalogue.ts) before anyone is dispatched.
  // No stage clock runs while a volunteer holds it: the case waits on nobody at the centre.
  claim: {
    who: ['volunteer'],
    from: ['reported', 'accepted'],
    note: false,
    next: 'claimed',
    clock: 'stop',
    notify: ['centre'],
    guards: ['claimable'],
    record: (_c, e) => ({ claimantUserId: e.actorId }),
  },
  // 放弃认领: back to the centre's intake, as if new (its acceptance, if any, is kept in acceptedAt). The
  // same event, without an actor and marked `expired`, when the claim's hold runs out (CLAIM_HOLD, forces.ts;
  // the clock engine's kind case.claim releases it).
  unclaim: {
    who: ['claimant'],
    from: ['claimed'],
    note: true,
    next: 'reported',
    clock: { start: 'accept' },
    notify: ['centre'],
    record: () => UNCLAIMED,
  },
  // 认领处置完成: the volunteer's before and after photos; the grid worker of the grid checks on site,
  // on the item's verification limit (the centre when the grid has none).
  claim_close: {
    who: ['claimant'],
    from: ['claimed'],
    note: true,
    form: { photos: true },
    next: 'claim_done',
    clock: { start: 'verify' },
    notify: ['verifier'],
    record: (_c, e) => ({ fedBackAt: e.at, verifierUserId: e.data.verifierUserId }),
  },
  // 确认: closed, counted as handled by a resident (claimHandled) — not the grid worker's 即报即办.
  claim_confirm: {
    who: ['verifier', 'centre'],
    from: ['claim_done'],
    note: false,
    next: 'closed',
    clock: 'stop',
    notify: ['claimant', 'reporter'],
    record: (_c, e) => ({ verifiedAt: e.at, closedAt: e.at, claimHandled: true }),
  },
  // 退回: not solved — back to the normal chain at the centre's intake.
  claim_reopen: {
    who: ['verifier', 'centre'],
    from: ['claim_done'],
    note: true,
    next: 'reported',
    clock: { start: 'accept' },
    notify: ['claimant', 'centre'],
    record: () => ({ ...UNCLAIMED, verifierUserId: null, fedBackAt: null }),
  },
};

/** An action's rule without its record function (which is typed by the action). */
export type ActionFacts = Omit<ActionRule, 'record'>;

/** The rule of an action, for code that works on any action. */
export function ruleOf(action: CaseAction): ActionFacts {
  return CASE_LIFE[action];
}

/** What a case records of an event (the reducer's part of the rule), or nothing. */
export function recordOf(c: CaseProjection, e: CaseEventRecord<CaseAction>): Partial<CaseProjection> {
  const record = CASE_LIFE[e.type].record as
    ((c: CaseProjection, e: CaseEventRecord) => Partial<CaseProjection>) | undefined;
  return record ? record(c, e) : {};
}

/** The state after an action (a decision moves the case only when approved). */
export function nextStateOf(action: CaseAction, from: CaseState, approved?: boolean): CaseState {
  const rule = ruleOf(action);
  const next = approved && rule.approved ? rule.approved.next : rule.next;
  return next === 'same' ? from : next;
}

/** What the action does to the clock (a decision's effect when approved, else its plain one). */
export function clockEffectOf(action: CaseAction, approved?: boolean): ClockEffect {
  const rule = ruleOf(action);
  return approved && rule.approved ? rule.approved.clock : rule.clock;
}

/** The state each event leads to, for the events that change it (read off CASE_LIFE; a decision's approval aside). */
export const STATE_OF_EVENT: Partial<Record<CaseEventType, CaseState>> = Object.fromEntries([
  ...CASE_ACTIONS.flatMap((a) => {
    const next = CASE_LIFE[a].next;
    return next === 'same' ? [] : [[a, next]];
  }),
  ['self_handle', 'closed'],
]);

/** Facts about the case an action's legality depends on besides its state. */
export interface CaseFacts {
  state: CaseState;
  pendingKind: 'extension' | 'suspension' | null;
  rated: boolean;
  level: CaseLevel;
  /** The assignee is a grid worker (not a unit). */
  assignedToGridWorker: boolean;
  /** The case's item is 不确定/其他 (the item's `unclassified` flag). */
  unclassified?: boolean;
  /** The case's item may be claimed by a volunteer (the item's `claimable` flag, 市民认领). */
  claimable?: boolean;
}

export type TransitionRefusal = { code: string; message: string };

const GUARDS: Record<
  Guard,
  (f: CaseFacts, relations: readonly Relation[], input: ActionInput) => TransitionRefusal | null
> = {
  noPendingRequest: (f) => (f.pendingKind ? { code: 'case.request_pending', message: '已有待审批的申请' } : null),
  pendingExtension: (f) =>
    f.pendingKind === 'extension' ? null : { code: 'case.no_request', message: '没有待审批的延期申请' },
  pendingSuspension: (f) =>
    f.pendingKind === 'suspension' ? null : { code: 'case.no_request', message: '没有待审批的挂账申请' },
  notRated: (f) => (f.rated ? { code: 'case.already_rated', message: '该案件已评价' } : null),
  belowTopLevel: (f) => (nextLevel(f.level) ? null : { code: 'case.top_level', message: '已是最高层级，不能再上报' }),
  // A case being handled is escalated only by the grid worker holding it; before that only by the centre.
  escalatedByHolderOrCentre: (f, relations) => {
    if (f.state === 'handling')
      return relations.includes('assignee') && f.assignedToGridWorker
        ? null
        : { code: 'case.not_allowed', message: '处置中的案件只能由承办网格员上报' };
    return relations.includes('centre') ? null : { code: 'case.not_allowed', message: '您无权对该案件上报' };
  },
  classified: (f, _relations, input) =>
    f.unclassified && !input.itemCode
      ? { code: 'case.classification_required', message: '该案件类别为“不确定/其他”，请先选择具体事项' }
      : null,
  claimable: (f) =>
    f.claimable ? null : { code: 'claim.not_claimable', message: '该事项不属于可由志愿者认领处置的小事' },
};

/** What the actor gives with the action that the rules look at. */
export interface ActionInput {
  note?: string;
  /** The centre confirms the item's filing (accept) or closing (close) condition is met. */
  conditionMet?: boolean;
  /** accept / dispatch: the item the centre names for the case (required while it is 不确定/其他). */
  itemCode?: string;
}

/**
 * Whether `action` may be taken now by someone standing in `relations` to the case.
 * Returns null when allowed, else a stable code and a Chinese message.
 */
export function checkTransition(
  facts: CaseFacts,
  action: CaseAction,
  relations: readonly Relation[],
  input: ActionInput,
): TransitionRefusal | null {
  const rule = ruleOf(action);
  if (!rule.from.includes(facts.state))
    return {
      code: 'case.invalid_state',
      message: `案件当前状态（${CASE_STATE_LABELS[facts.state]}）不能${ACTION_LABELS[action]}`,
    };
  if (!rule.who.some((r) => relations.includes(r)))
    return { code: 'case.not_allowed', message: `您无权对该案件${ACTION_LABELS[action]}` };
  if (rule.note && !input.note?.trim())
    return { code: 'case.note_required', message: `${ACTION_LABELS[action]}需要填写说明` };
  if (rule.confirms && input.conditionMet !== true)
    return {
      code: 'case.condition_unconfirmed',
      message: rule.confirms === 'filing' ? '请确认符合该事项的立案条件' : '请确认符合该事项的结案条件',
    };
  for (const g of rule.guards ?? []) {
    const refusal = GUARDS[g](facts, relations, input);
    if (refusal) return refusal;
  }
  return null;
}

/** Actions the actor could take now (for the screens' buttons). */
export function availableActions(facts: CaseFacts, relations: readonly Relation[]): CaseAction[] {
  return CASE_ACTIONS.filter(
    (a) => checkTransition(facts, a, relations, { note: 'x', conditionMet: true, itemCode: 'x' }) === null,
  );
}
