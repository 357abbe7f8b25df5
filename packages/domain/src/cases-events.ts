import type { CaseAction, CaseChannel, CaseEventType, CaseLevel, CaseState, Rating } from './cases.ts';
import type { CaseStage } from './items.ts';

/** A stage's clock as set by the event that starts it (deadlines are computed when the event is written). */
export interface StageClock {
  stage: CaseStage;
  startedAt: string;
  deadline: string;
  /** 80% of the limit, in the limit's own time unit: the yellow light. */
  warnAt: string;
}

/** What the report event carries: everything the case starts from. */
export interface ReportFacts {
  id: string;
  code: string;
  itemId: string;
  itemCode: string;
  level: CaseLevel;
  regionPath: string;
  gridId: string | null;
  lon: number | null;
  lat: number | null;
  address: string | null;
  description: string;
  channel: CaseChannel;
  source: string | null;
  externalRef: string | null;
  reporterUserId: string | null;
  reporterApiKeyId: string | null;
  reporterName: string | null;
  reporterPhoneEnc: string | null;
  reporterPhoneHash: string | null;
  reporterPhoneMasked: string | null;
  anonymous: boolean;
  reporterKey: string;
  idempotencyKey: string;
  /** A photo the reporting system holds (Open311 `media_url`); absent in older reports. */
  mediaUrl?: string | null;
  /** The reporter agreed to the case being published (Open311); absent in older reports (not agreed). */
  publicConsent?: boolean;
  /** The dispute whose mediation found this matter for a department (channel `dispute`); absent otherwise. */
  sourceDisputeId?: string | null;
}

/** The item's filing (立案) or closing (结案) condition as the centre confirmed it: the text it read, and that it holds. */
export interface ConditionCheck {
  text: string;
  met: true;
}

/** A request waiting for the centre's decision (the case's `pending` column). */
export interface PendingRequest {
  kind: 'extension' | 'suspension';
  requestedUntil?: string;
  requestedBy: string | null;
}

/** The item the centre named for a case at acceptance or dispatch (不确定/其他, or a wrong category, corrected). */
export interface Classification {
  itemId: string;
  itemCode: string;
  fromItemCode: string;
}

/** Who a dispatch went to: a unit or a grid worker. */
export interface DispatchTarget {
  unitId: string | null;
  userId: string | null;
}

/** The data each kind of event carries: one shape per event type. `clock` is the stage this event starts (null stops it). */
export interface CaseEventDataMap {
  report: { report: ReportFacts; clock: StageClock | null; fields?: Record<string, unknown> };
  self_handle: { clock: null };
  accept: { clock: StageClock; filing?: ConditionCheck; classified?: Classification };
  reject: { clock: null };
  void: { clock: null };
  merge: { clock: null; mergedIntoId: string };
  dispatch: {
    clock: StageClock;
    target: DispatchTarget;
    coUnitIds: string[];
    toLevel: CaseLevel;
    onTime: boolean;
    /** The unit's kind differs from the item's responsible department (the note says why): counts against 准确派遣率. */
    kindMismatch?: { itemKind: string; unitKind: string };
    classified?: Classification;
  };
  sign: { clock: StageClock; handleDeadline: string };
  return: { clock: StageClock; toLevel: CaseLevel };
  step: Record<string, never>;
  request_extension: { requestedUntil: string };
  decide_extension: { approved: true; clock: StageClock; handleDeadline: string } | { approved: false };
  request_suspension: Record<string, never>;
  decide_suspension: { approved: true; clock: null; remainingMs: number } | { approved: false };
  resume: { clock: StageClock; handleDeadline: string };
  feed_back: { clock: StageClock; verifierUserId: string | null };
  co_feed_back: Record<string, never>;
  verify_pass: { clock: null };
  /** `unitId`: the unit whose work failed the check (its 返工率 counts this). */
  verify_fail: { clock: StageClock; handleDeadline: string; unitId: string | null };
  close: { clock: null; closing?: ConditionCheck };
  rate: { rating: Rating; resolved: boolean };
  callback: { contactedInTime: boolean; rating?: Rating; resolved?: boolean };
  reopen: { clock: StageClock; toLevel: CaseLevel };
  escalate: { clock: StageClock; toLevel: CaseLevel };
  supervise: { supervision: 'supervise' | 'listed'; rectifyBy: string | null };
  /** 转矛盾纠纷: the dispute registered from the case (source case_conversion), by id and code. */
  convert_to_dispute: { clock: null; disputeId: string; disputeCode: string };
  claim: { clock: null };
  /** `expired`: released by the claim's clock (CLAIM_HOLD), not by the volunteer — the event has no actor. */
  unclaim: { clock: StageClock; expired?: true };
  /** The volunteer's before and after photos (also the event's attachments), and who confirms on site. */
  claim_close: { clock: StageClock; beforePhotoId: string; afterPhotoId: string; verifierUserId: string | null };
  claim_confirm: { clock: null };
  claim_reopen: { clock: StageClock };
}

export type CaseEventData<T extends CaseEventType = CaseEventType> = CaseEventDataMap[T];
/** The data of an action's event (what the server computes before writing it). */
export type CaseActionData<A extends CaseAction = CaseAction> = CaseEventDataMap[A];

/** One event as the reducer reads it: the type decides the shape of `data`. */
export type CaseEventRecord<T extends CaseEventType = CaseEventType> = {
  [K in T]: { type: K; at: Date; actorId: string | null; data: CaseEventDataMap[K] };
}[T];

/** The case as it follows from its events (the columns of the `cases` row). */
export interface CaseProjection extends Omit<ReportFacts, 'level'> {
  state: CaseState;
  level: CaseLevel;
  firstContactUserId: string | null;
  assigneeUnitId: string | null;
  assigneeUserId: string | null;
  verifierUserId: string | null;
  stage: CaseStage | null;
  stageStartedAt: Date | null;
  stageDeadline: Date | null;
  stageWarnAt: Date | null;
  everOverdue: boolean;
  handleDeadline: Date | null;
  pending: PendingRequest | null;
  supervision: string | null;
  rectifyBy: Date | null;
  dispatchCount: number;
  dispatchOnTime: boolean | null;
  returnCount: number;
  reworkCount: number;
  escalationCount: number;
  reopenCount: number;
  selfHandled: boolean;
  /** The volunteer holding the case (市民认领), while claimed or awaiting confirmation. */
  claimantUserId: string | null;
  /** Closed by a volunteer's claim and confirmed by the grid worker: counted apart from 即报即办 (selfHandled). */
  claimHandled: boolean;
  mergedIntoId: string | null;
  /** The dispute the case was turned into (转矛盾纠纷). */
  convertedDisputeId: string | null;
  rating: Rating | null;
  resolved: boolean | null;
  contactedInTime: boolean | null;
  reportedAt: Date;
  acceptedAt: Date | null;
  dispatchedAt: Date | null;
  signedAt: Date | null;
  fedBackAt: Date | null;
  verifiedAt: Date | null;
  closedAt: Date | null;
  ratedAt: Date | null;
  updatedAt: Date;
  version: number;
}
