import type { PetitionEventRecord, PetitionProjection } from './petitions-events.ts';
import { petitionNextState, petitionRecordOf, petitionRuleOf } from './petitions-life.ts';

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

/**
 * Sets the clock an event carries (`clock: null` stops it; no `clock` keeps the running one). A stage
 * that ends (stopped, or followed by another) after its deadline counts as overdue (超期) for the
 * figures; a recount (extension, hearing) is not an end.
 */
function withClock(prev: PetitionProjection, d: PetitionProjection, e: PetitionEventRecord): PetitionProjection {
  if (!('clock' in e.data)) return d;
  const ends = e.type === 'register' || petitionRuleOf(e.type).clock !== 'recount';
  const late = ends && prev.stageDeadline !== null && e.at > prev.stageDeadline;
  const k = e.data.clock;
  return {
    ...d,
    everOverdue: d.everOverdue || late,
    stage: k?.stage ?? null,
    stageStartedAt: date(k?.startedAt),
    stageLastDay: k?.lastDay ?? null,
    stageDeadline: date(k?.deadline),
    stageWarnAt: date(k?.warnAt),
  };
}

/** Applies one event. Pure: the same events always give the same petition. */
export function applyPetitionEvent(prev: PetitionProjection | null, e: PetitionEventRecord): PetitionProjection {
  if (e.type === 'register') {
    if (prev) throw new Error('a petition starts with exactly one register event');
    const r = e.data.petition;
    const start: PetitionProjection = {
      ...r,
      receivedAt: new Date(r.receivedAt),
      state: 'registered',
      stage: null,
      stageStartedAt: null,
      stageLastDay: null,
      stageDeadline: null,
      stageWarnAt: null,
      everOverdue: false,
      intake: null,
      intakeAt: null,
      intakeLate: null,
      acceptedAt: null,
      extensionDays: 0,
      hearings: [],
      reply: null,
      answeredAt: null,
      handlingLate: null,
      windowLastDay: null,
      reviewRequestedOn: null,
      review: null,
      reviewDecidedAt: null,
      reexaminationRequestedOn: null,
      reexamination: null,
      reexaminationDecidedAt: null,
      leaderUserId: null,
      leaderTakenAt: null,
      supervisionCount: 0,
      lastSupervisedAt: null,
      noticeCount: 0,
      endedAt: null,
      registeredAt: e.at,
      updatedAt: e.at,
      version: 1,
    };
    return withClock(start, start, e);
  }
  if (!prev) throw new Error('event before the registration');
  const moved = { ...prev, state: petitionNextState(e.type, prev.state), updatedAt: e.at, version: prev.version + 1 };
  return { ...withClock(prev, moved, e), ...petitionRecordOf(prev, e) };
}

/** Folds a petition's whole history into its current state. */
export function replayPetition(events: readonly PetitionEventRecord[]): PetitionProjection {
  let d: PetitionProjection | null = null;
  for (const e of events) d = applyPetitionEvent(d, e);
  if (!d) throw new Error('no events');
  return d;
}
