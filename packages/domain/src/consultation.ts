import type { TimeLimit } from './calendar.ts';
import { maskName } from './idcard.ts';
import { dueDayClock } from './notices.ts';

/*
 * 议事协商: topics raised by residents (or collected by deputies and grid workers), supported by others
 * (附议), taken up by a council, discussed in a meeting with an outcome, and followed to implementation.
 *
 * Sources: 无锡市社会治理促进条例（草案）— "加强村（居）民议事会、理事会、恳谈会、民主评议会等议事平台建设，
 * 完善议事规则"; "由村（居）民委员会、业主委员会或者物业管理委员会、村（居）民代表组成的议事工作机制……对住宅
 * 小区内的公共事务公益事业等事项进行民主协商"; 河南省社会治理促进条例 art. 46 (民主协商). The support
 * threshold and the response limit are local practice (no national law sets them): each village or
 * community may set its own, these are the defaults. Zod-free: the phone reads these constants.
 */

/** Who raised a topic: a resident, a deputy (代表联络站 collected 社情民意), a grid worker, a cadre. */
export const TOPIC_SOURCES = ['resident', 'deputy', 'grid_worker', 'cadre'] as const;
export type TopicSource = (typeof TOPIC_SOURCES)[number];

/** A topic's states. `discussed` ends a topic whose outcome was not agreed or referred elsewhere. */
export const TOPIC_STATES = ['raised', 'taken_up', 'declined', 'discussed', 'implementing', 'implemented'] as const;
export type TopicState = (typeof TOPIC_STATES)[number];

/** A meeting's outcome: agreed (with an implementation plan), not agreed, or referred (to a case or a 四议两公开 matter). */
export const TOPIC_OUTCOMES = ['agreed', 'not_agreed', 'referred'] as const;
export type TopicOutcome = (typeof TOPIC_OUTCOMES)[number];

/** Where a referred topic goes: a case (事件) or a village's major matter (四议两公开). */
export const TOPIC_REFERRALS = ['case', 'deliberation_matter'] as const;
export type TopicReferral = (typeof TOPIC_REFERRALS)[number];

/** Who sat at the meeting, by kind (the 议事工作机制 of the 无锡 draft): each with a headcount. */
export const TOPIC_PARTICIPANT_KINDS = [
  'residents', // 居（村）民
  'committee', // 居委会/村委会
  'owners_committee', // 业委会
  'property', // 物业
  'units', // 驻区单位
  'deputies', // 人大代表
] as const;
export type TopicParticipantKind = (typeof TOPIC_PARTICIPANT_KINDS)[number];

/** The actions on a topic. */
export const TOPIC_ACTIONS = ['take_up', 'decline', 'record_meeting', 'record_implementation'] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];

/** One action as data: the states it starts from, where it goes, what it requires and what it does to the clocks. */
export interface TopicTransition {
  from: readonly TopicState[];
  /** The next state; `record_meeting` goes by the outcome. */
  to: TopicState | Record<TopicOutcome, TopicState>;
  /** A reason is required (a decline: the raiser is told why). */
  reasonRequired: boolean;
  /** The clock it stops and the one it starts. */
  stops: TopicClock | null;
  starts: TopicClock | null;
  /** The raiser is told (a notification). */
  tellsRaiser: boolean;
}

/** The two clocks of a topic: the council's response to a raised topic, and the implementation's due date. */
export type TopicClock = 'response' | 'implementation';

/** The state machine, declared once: the server refuses what this refuses (409 topic.wrong_state). */
export const TOPIC_TRANSITIONS: Record<TopicAction, TopicTransition> = {
  take_up: {
    from: ['raised'],
    to: 'taken_up',
    reasonRequired: false,
    stops: 'response',
    starts: null,
    tellsRaiser: true,
  },
  decline: {
    from: ['raised'],
    to: 'declined',
    reasonRequired: true,
    stops: 'response',
    starts: null,
    tellsRaiser: true,
  },
  record_meeting: {
    from: ['taken_up'],
    to: { agreed: 'implementing', not_agreed: 'discussed', referred: 'discussed' },
    reasonRequired: false,
    stops: null,
    // Only an agreed outcome starts the implementation clock (its plan carries the due date).
    starts: 'implementation',
    tellsRaiser: true,
  },
  record_implementation: {
    from: ['implementing'],
    to: 'implemented',
    reasonRequired: false,
    stops: 'implementation',
    starts: null,
    tellsRaiser: true,
  },
};

/** The state after `action` from `state` (with the meeting's outcome for `record_meeting`), or null when refused. */
export function nextTopicState(state: TopicState, action: TopicAction, outcome?: TopicOutcome): TopicState | null {
  const t = TOPIC_TRANSITIONS[action];
  if (!t.from.includes(state)) return null;
  if (typeof t.to === 'string') return t.to;
  return outcome ? t.to[outcome] : null;
}

/** The actions open in a state (what the web offers). */
export function topicActionsIn(state: TopicState): TopicAction[] {
  return TOPIC_ACTIONS.filter((a) => TOPIC_TRANSITIONS[a].from.includes(state));
}

/** States in which residents may still support (附议) a topic: before the council has met on it. */
export const SUPPORTABLE_STATES: readonly TopicState[] = ['raised', 'taken_up'];

/** Why a support is refused, or null when it is accepted. One support per resident per topic; never one's own. */
export function supportRefusal(input: {
  state: TopicState;
  raiserId: string;
  supporterId: string;
  alreadySupported: boolean;
}): 'own_topic' | 'already_supported' | 'closed' | null {
  if (input.raiserId === input.supporterId) return 'own_topic';
  if (input.alreadySupported) return 'already_supported';
  if (!SUPPORTABLE_STATES.includes(input.state)) return 'closed';
  return null;
}

/**
 * 达到议题门槛: a topic with this many supports is put before the council (local practice, default 10;
 * a village or community sets its own).
 */
export const DEFAULT_SUPPORT_THRESHOLD = 10;
export const SUPPORT_THRESHOLD_RANGE = { min: 1, max: 1000 } as const;

/** Whether `supports` reach the threshold (at least: 达到). */
export function reachesSupportThreshold(supports: number, threshold: number): boolean {
  return supports >= threshold;
}

/** A raised topic is taken up or declined within 15 natural days (local practice; settable per village/community). */
export const DEFAULT_TOPIC_RESPONSE_DAYS = 15;
export const TOPIC_RESPONSE_DAYS_RANGE = { min: 1, max: 90 } as const;
export const topicResponseLimit = (days: number): TimeLimit => ({ amount: days, unit: 'natural_days' });

/** The implementation clock turns yellow this many days before the plan's due date. */
export const TOPIC_IMPLEMENTATION_WARN_DAYS = 3;

/**
 * The clock instants of an implementation due date (YYYY-MM-DD, inclusive) in a place `utcOffsetMinutes`
 * east of UTC: red after 24:00 local of the due date, yellow from 00:00 local TOPIC_IMPLEMENTATION_WARN_DAYS before.
 */
export function implementationInstants(dueOn: string, utcOffsetMinutes: number): { warnAt: Date; deadline: Date } {
  return dueDayClock(dueOn, TOPIC_IMPLEMENTATION_WARN_DAYS, utcOffsetMinutes);
}

/** How a raiser is shown to everyone but themselves: 匿名 when they chose it, else the masked name (王**). */
export function raiserLabel(name: string, anonymous: boolean): string {
  return anonymous ? '匿名' : maskName(name);
}

/** Limits checked on the phone before sending (consultation-contracts.ts builds its schemas from them). */
export const TOPIC_LIMITS = {
  titleMin: 4,
  titleMax: 100,
  descriptionMin: 10,
  descriptionMax: 4000,
  reasonMin: 2,
  reasonMax: 500,
  textMax: 20_000,
  placeMax: 200,
  attachmentsMax: 9,
  participantsMax: 100_000,
} as const;
