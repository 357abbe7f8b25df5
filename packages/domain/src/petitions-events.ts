import type { PetitionCompetentBody, PetitionMatterNature, PetitionProcedure } from './petitions.ts';
import type {
  PetitionChannel,
  PetitionMatterType,
  PetitionStage,
  PetitionState,
  ReviewOutcome,
} from './petitions-terms.ts';

/** A stage's clock as the event that starts (or recounts) it sets it: statutory last day, deadline (24:00) and yellow point. */
export interface PetitionClockRecord {
  stage: PetitionStage;
  startedAt: string;
  /** The period's last day (YYYY-MM-DD, China time), by 民法典 arts. 201/203. */
  lastDay: string;
  /** 24:00 of the last day. */
  deadline: string;
  warnAt: string;
  /** Hearing days left out of the count (听证所需时间不计算在期限内). */
  excludedDays: string[];
}

/** The earlier petition whose 复核 bars this one (isBarredRefiling), found at registration: a proposal staff confirm. */
export interface RefilingBar {
  priorPetitionId: string;
  priorCode: string;
  matchedBy: 'matter_id' | 'subject_key';
  reexaminationDecidedAt: string;
}

/** What the register event carries (the petitioners live in their own table, protected). */
export interface PetitionRegistration {
  id: string;
  code: string;
  channel: PetitionChannel;
  /** The village/community or township the matter concerns (the centre over it handles the petition). */
  regionPath: string;
  /** 信访事项：the request and its reasons. */
  summary: string;
  matterType: PetitionMatterType;
  /** 被反映对象: the body or person complained about. */
  respondent: string;
  /** The matter's object: a parcel, an address, a decision number. */
  subjectObject: string;
  /** petitionSubjectKey of (respondent, matter type, object). */
  subjectKey: string | null;
  /** The first petition of the matter (itself when it is new; the earlier one's matter for a repeat). */
  matterId: string;
  /** The earlier petition on the same matter this one repeats (重复信访), or null. */
  repeatOfId: string | null;
  /** How many people came or signed (a letter by one person: 1). */
  headcount: number;
  collective: boolean;
  receivedAt: string;
  registeredBy: string | null;
  /** The receipt number of the reception desk (综治中心窗口) the visitor was registered at, if any. */
  receiptNo: string | null;
  /** Staff found new facts or reasons (the refiling bar does not apply). */
  newFactsOrReasons: boolean;
  refilingBar: RefilingBar | null;
}

/** A written notice (书面告知) given to the petitioner: its text is the i18n key `noticeKey` with these values. */
export interface PetitionNotice {
  kind: 'intake' | 'extension';
  noticeKey: string;
  /** The day it is issued (YYYY-MM-DD). */
  issuedOn: string;
  /** The body the petition is transferred to, or the procedure it belongs to (intake). */
  destination: string | null;
  /** Why (an extension's reason; an intake's legal basis). */
  reason: string;
  /** Extension: days added, and the new last day of handling. */
  days?: number;
  newLastDay?: string;
}

/** What staff found at intake and the route that follows from it (petitionIntakeRoute). */
export interface PetitionIntake {
  findings: PetitionMatterNature;
  route: 'accept' | 'transfer_to_procedure' | 'transfer_to_competent_body' | 'not_accept';
  rule: string;
  basis: string;
  procedure: PetitionProcedure | null;
  body: PetitionCompetentBody | null;
  /** The named body it goes to (转送 …). */
  destination: string | null;
  /** Why the intake was decided after its 15 days (required then). */
  lateReason: string | null;
}

/** A written opinion as recorded (处理意见 / 复查意见 / 复核意见); the PDF is printed from it. */
export interface PetitionOpinion {
  /** 文书编号 parts: 机关代字 and serial (the year is the opinion's). */
  agency: string;
  serial: number;
  /** The issuing body as its seal reads. */
  body: string;
  /** The body 复查 (复核) may be asked of: the next higher one. */
  reviewBody: string;
  facts: string;
  opinion: string;
  basis: string;
  outcome: ReviewOutcome | null;
  /** The day the opinion is dated (YYYY-MM-DD). */
  date: string;
  /** The day the petitioner received it: the next request window counts from here. */
  deliveredOn: string;
}

export interface PetitionHearing {
  stage: PetitionStage;
  start: string;
  end: string;
  place: string;
}

export interface PetitionEventDataMap {
  register: { petition: PetitionRegistration; clock: PetitionClockRecord };
  accept: { clock: PetitionClockRecord; intake: PetitionIntake; notice: PetitionNotice };
  not_accept: { clock: null; intake: PetitionIntake; notice: PetitionNotice };
  transfer: { clock: null; intake: PetitionIntake; notice: PetitionNotice };
  refer: { clock: null; intake: PetitionIntake; notice: PetitionNotice };
  extend: {
    clock: PetitionClockRecord;
    days: number;
    totalDays: number;
    reason: string;
    approvedBy: { id: string; name: string };
    notice: PetitionNotice;
  };
  record_hearing: { clock: PetitionClockRecord; hearing: PetitionHearing };
  reply: { clock: null; opinion: PetitionOpinion; windowLastDay: string };
  request_review: { clock: PetitionClockRecord; receivedOn: string };
  decide_review: { clock: null; opinion: PetitionOpinion; windowLastDay: string };
  request_reexamination: { clock: PetitionClockRecord; receivedOn: string };
  decide_reexamination: { clock: null; opinion: PetitionOpinion };
  take: { leaderUserId: string; leaderName: string; previousLeaderUserId: string | null };
  supervise: { stage: PetitionStage; deadline: string };
}

export type PetitionEventType = keyof PetitionEventDataMap;
export type PetitionAction = Exclude<PetitionEventType, 'register'>;
export type PetitionEventData<T extends PetitionEventType = PetitionEventType> = PetitionEventDataMap[T];

export type PetitionEventRecord<T extends PetitionEventType = PetitionEventType> = {
  [K in T]: { type: K; at: Date; actorId: string | null; data: PetitionEventDataMap[K] };
}[T];

/** The petition as it follows from its events (the columns of the `petitions` row). */
export interface PetitionProjection extends Omit<PetitionRegistration, 'receivedAt'> {
  receivedAt: Date;
  state: PetitionState;
  stage: PetitionStage | null;
  stageStartedAt: Date | null;
  stageLastDay: string | null;
  stageDeadline: Date | null;
  stageWarnAt: Date | null;
  everOverdue: boolean;
  intake: PetitionIntake | null;
  intakeAt: Date | null;
  /** The intake was decided after its deadline. */
  intakeLate: boolean | null;
  acceptedAt: Date | null;
  extensionDays: number;
  hearings: PetitionHearing[];
  reply: PetitionOpinion | null;
  answeredAt: Date | null;
  /** The reply came after the (extended) handling deadline. */
  handlingLate: boolean | null;
  /** The last day the petitioner may ask for 复查 (answered) or 复核 (reviewed). */
  windowLastDay: string | null;
  reviewRequestedOn: string | null;
  review: PetitionOpinion | null;
  reviewDecidedAt: Date | null;
  reexaminationRequestedOn: string | null;
  reexamination: PetitionOpinion | null;
  reexaminationDecidedAt: Date | null;
  leaderUserId: string | null;
  leaderTakenAt: Date | null;
  supervisionCount: number;
  lastSupervisedAt: Date | null;
  noticeCount: number;
  endedAt: Date | null;
  registeredAt: Date;
  updatedAt: Date;
  version: number;
}
