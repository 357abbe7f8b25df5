import type { DisputeEventRecord, DisputeProjection } from './disputes-events.ts';
import { disputeNextState, disputeRecordOf } from './disputes-life.ts';

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

/** Sets the stage clock an event carries (`clock: null` stops it; no `clock` keeps the running one). */
function withClock(d: DisputeProjection, e: DisputeEventRecord): DisputeProjection {
  if (!('clock' in e.data)) return d;
  // A stage that ends after its deadline counts as overdue (超期) for the figures.
  const late = d.stageDeadline !== null && e.at > d.stageDeadline;
  const k = e.data.clock;
  return {
    ...d,
    everOverdue: d.everOverdue || late,
    stage: k?.stage ?? null,
    stageStartedAt: date(k?.startedAt),
    stageDeadline: date(k?.deadline),
    stageWarnAt: date(k?.warnAt),
  };
}

/** Applies one event. Pure: the same events always give the same dispute. */
export function applyDisputeEvent(prev: DisputeProjection | null, e: DisputeEventRecord): DisputeProjection {
  if (e.type === 'register') {
    if (prev) throw new Error('a dispute starts with exactly one register event');
    const r = e.data.dispute;
    return withClock(
      {
        ...r,
        state: 'registered',
        path: null,
        organisationId: null,
        mediatorUserId: null,
        stage: null,
        stageStartedAt: null,
        stageDeadline: null,
        stageWarnAt: null,
        everOverdue: false,
        declineChannel: null,
        guidedPath: null,
        agreement: null,
        confirmationDeadline: null,
        confirmationResult: null,
        performance: null,
        sessionCount: 0,
        followUpCount: 0,
        escalationCount: 0,
        referredCaseId: null,
        registeredAt: e.at,
        acceptedAt: null,
        divertedAt: null,
        assignedAt: null,
        agreedAt: null,
        endedAt: null,
        updatedAt: e.at,
        version: 1,
      },
      e,
    );
  }
  if (!prev) throw new Error('event before the registration');
  const d = withClock(
    { ...prev, state: disputeNextState(e.type, prev.state), updatedAt: e.at, version: prev.version + 1 },
    e,
  );
  return { ...d, ...disputeRecordOf(d, e) };
}

/** Folds a dispute's whole history into its current state. */
export function replayDispute(events: readonly DisputeEventRecord[]): DisputeProjection {
  let d: DisputeProjection | null = null;
  for (const e of events) d = applyDisputeEvent(d, e);
  if (!d) throw new Error('no events');
  return d;
}
