import type {
  ConfirmationResult,
  DeclineChannel,
  DisputeRisk,
  DisputeSource,
  DisputeStage,
  DisputeState,
  DisputeTier,
  DiversionPath,
  GuidedPath,
  PerformanceResult,
} from './disputes.ts';

/** A stage's clock as the event that starts it sets it (computed when the event is written). */
export interface DisputeClock {
  stage: DisputeStage;
  startedAt: string;
  deadline: string;
  /** 80 % of the limit, in the limit's own kind of time: the yellow light. */
  warnAt: string;
}

/** What the register event carries: everything the dispute starts from (parties live in their own table). */
export interface DisputeRegistration {
  id: string;
  code: string;
  typeCode: string;
  summary: string;
  regionPath: string;
  address: string | null;
  tier: DisputeTier;
  risk: DisputeRisk;
  civilToCriminal: boolean;
  stabilityUserId: string | null;
  source: DisputeSource;
  /** The referring body (which police station, which court), for referrals. */
  referringBody: string | null;
  /** The sending body's own number: 警情号, 法院案号, 12345 工单号. */
  externalRef: string | null;
  /** The case this dispute was turned from (source case_conversion). */
  linkedCaseId: string | null;
  registeredBy: string | null;
}

/** One obligation of an agreement and the date it is due (履行期限, YYYY-MM-DD). */
export interface AgreementTerm {
  text: string;
  dueDate: string | null;
}

/** A mediation agreement (调解协议) as the mediator records it. */
export interface Agreement {
  /** The parties who signed (ids of the dispute's parties, both sides). */
  partyIds: string[];
  /** 纠纷主要事实、争议事项. */
  facts: string;
  /** 协议内容 with performance dates (履行方式、时限). */
  terms: AgreementTerm[];
  /**
   * When it took effect (人民调解法 art. 29: when the parties and the mediator signed and the
   * committee sealed it); the 30-day window for 司法确认 (art. 33) counts from here.
   */
  effectiveAt: string;
}

/** One mediation session (调解记录). */
export interface MediationSession {
  heldAt: string;
  place: string;
  /** The parties who attended (ids of the dispute's parties: their names stay in the party table, encrypted). */
  attendeePartyIds: string[];
  /** Others present (mediators, cadres, witnesses), as the record names them. */
  otherAttendees: string[];
}

/** The data each kind of event carries. `clock` is the stage it starts (null stops the clock; absent: unchanged). */
export interface DisputeEventDataMap {
  register: { dispute: DisputeRegistration; clock: DisputeClock };
  accept: { clock: DisputeClock };
  decline: { clock: null; channel: DeclineChannel };
  divert: {
    clock: DisputeClock;
    path: DiversionPath;
    tier: DisputeTier;
    organisationId: string;
    organisationName: string;
  };
  assign: { clock: DisputeClock; mediatorUserId: string; mediatorName: string };
  reassign: { mediatorUserId: string; mediatorName: string };
  record_session: { session: MediationSession };
  agree: { clock: DisputeClock; agreement: Agreement; confirmationDeadline: string };
  fail: { clock: null; guidedPath: GuidedPath };
  escalate: { clock: DisputeClock; fromTier: DisputeTier; toTier: DisputeTier };
  apply_confirmation: { clock: DisputeClock; appliedAt: string; court: string };
  record_confirmation: { clock: DisputeClock; result: ConfirmationResult; decidedAt: string; rulingNo: string | null };
  waive_confirmation: { clock: DisputeClock };
  follow_up: { performance: PerformanceResult };
  close: { clock: null };
  assess_risk: { risk: DisputeRisk; civilToCriminal: boolean; stabilityUserId: string | null };
  /** 转案件: the case filed from the dispute for a department's matter, by id and code. */
  refer_case: { caseId: string; caseCode: string };
  /** The scans are the event's attachments. */
  attach_signed_agreement: Record<string, never>;
}

export type DisputeEventType = keyof DisputeEventDataMap;
export type DisputeAction = Exclude<DisputeEventType, 'register'>;
export type DisputeEventData<T extends DisputeEventType = DisputeEventType> = DisputeEventDataMap[T];

/** One event as the reducer reads it: the type decides the shape of `data`. */
export type DisputeEventRecord<T extends DisputeEventType = DisputeEventType> = {
  [K in T]: { type: K; at: Date; actorId: string | null; data: DisputeEventDataMap[K] };
}[T];

/** The dispute as it follows from its events (the columns of the `disputes` row). */
export interface DisputeProjection extends Omit<DisputeRegistration, 'tier'> {
  state: DisputeState;
  tier: DisputeTier;
  path: DiversionPath | null;
  organisationId: string | null;
  mediatorUserId: string | null;
  stage: DisputeStage | null;
  stageStartedAt: Date | null;
  stageDeadline: Date | null;
  stageWarnAt: Date | null;
  everOverdue: boolean;
  declineChannel: DeclineChannel | null;
  guidedPath: GuidedPath | null;
  agreement: Agreement | null;
  /** The last day to apply for 司法确认 (agreement effective + 30 days). */
  confirmationDeadline: Date | null;
  confirmationResult: ConfirmationResult | null;
  performance: PerformanceResult | null;
  sessionCount: number;
  followUpCount: number;
  escalationCount: number;
  /** The case filed from it for a department's matter (转案件). */
  referredCaseId: string | null;
  registeredAt: Date;
  acceptedAt: Date | null;
  divertedAt: Date | null;
  assignedAt: Date | null;
  agreedAt: Date | null;
  endedAt: Date | null;
  updatedAt: Date;
  version: number;
}
