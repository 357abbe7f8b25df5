import type { CaseChannel, CaseEventType, CaseLevel, CaseState, Rating } from './cases.ts';
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
}

/** Event payloads; which fields are present depends on the event type. */
export interface CaseEventData {
  report?: ReportFacts;
  /** The stage this event starts; null stops the clock (suspension, closing, terminal states). */
  clock?: StageClock | null;
  handleDeadline?: string | null;
  target?: { unitId: string | null; userId: string | null };
  coUnitIds?: string[];
  onTime?: boolean;
  approved?: boolean;
  kind?: 'extension' | 'suspension';
  requestedUntil?: string;
  mergedIntoId?: string;
  toLevel?: CaseLevel;
  verifierUserId?: string | null;
  rating?: Rating;
  resolved?: boolean;
  contactedInTime?: boolean;
  supervision?: 'supervise' | 'listed';
  rectifyBy?: string | null;
  remainingMs?: number;
  [extra: string]: unknown;
}

export interface CaseEventRecord {
  type: CaseEventType;
  at: Date;
  actorId: string | null;
  data: CaseEventData;
}

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
  pending: CaseEventData | null;
  supervision: string | null;
  rectifyBy: Date | null;
  dispatchCount: number;
  dispatchOnTime: boolean | null;
  returnCount: number;
  reworkCount: number;
  escalationCount: number;
  reopenCount: number;
  selfHandled: boolean;
  mergedIntoId: string | null;
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

const date = (s: string | null | undefined) => (s ? new Date(s) : null);

function withClock(c: CaseProjection, e: CaseEventRecord): CaseProjection {
  if (e.data.clock === undefined) return c;
  // A stage that ends after its deadline counts as overdue (超期) for the figures.
  const late = c.stageDeadline !== null && e.at > c.stageDeadline;
  const k = e.data.clock;
  return {
    ...c,
    everOverdue: c.everOverdue || late,
    stage: k?.stage ?? null,
    stageStartedAt: date(k?.startedAt),
    stageDeadline: date(k?.deadline),
    stageWarnAt: date(k?.warnAt),
  };
}

/** The state an event moves a case to (events not listed keep it, or are handled by the reducer). */
export const NEXT_STATE: Partial<Record<CaseEventType, CaseState>> = {
  accept: 'accepted',
  reject: 'rejected',
  void: 'voided',
  merge: 'merged',
  dispatch: 'dispatched',
  sign: 'handling',
  return: 'accepted',
  resume: 'handling',
  feed_back: 'fed_back',
  verify_pass: 'verified',
  verify_fail: 'handling',
  close: 'closed',
  self_handle: 'closed',
  reopen: 'accepted',
  escalate: 'accepted',
};

/** Applies one event. Pure: the same events always give the same case. */
export function applyCaseEvent(prev: CaseProjection | null, e: CaseEventRecord): CaseProjection {
  if (e.type === 'report') {
    const r = e.data.report;
    if (!r || prev) throw new Error('a case starts with exactly one report event');
    // Object.assign onto a literal, not `{ ...r, state, … }`: V8 builds a spread followed by some
    // forty properties a hundred times slower (≈100 µs, measured by bench/intake's profile).
    return withClock(
      Object.assign<Omit<CaseProjection, keyof ReportFacts | 'level'>, ReportFacts>(
        {
          state: 'reported',
          firstContactUserId: e.actorId,
          assigneeUnitId: null,
          assigneeUserId: null,
          verifierUserId: null,
          stage: null,
          stageStartedAt: null,
          stageDeadline: null,
          stageWarnAt: null,
          everOverdue: false,
          handleDeadline: null,
          pending: null,
          supervision: null,
          rectifyBy: null,
          dispatchCount: 0,
          dispatchOnTime: null,
          returnCount: 0,
          reworkCount: 0,
          escalationCount: 0,
          reopenCount: 0,
          selfHandled: false,
          mergedIntoId: null,
          rating: null,
          resolved: null,
          contactedInTime: null,
          reportedAt: e.at,
          acceptedAt: null,
          dispatchedAt: null,
          signedAt: null,
          fedBackAt: null,
          verifiedAt: null,
          closedAt: null,
          ratedAt: null,
          updatedAt: e.at,
          version: 1,
        },
        r,
      ) as CaseProjection,
      e,
    );
  }
  if (!prev) throw new Error('event before the report');
  let c: CaseProjection = withClock(
    { ...prev, state: NEXT_STATE[e.type] ?? prev.state, updatedAt: e.at, version: prev.version + 1 },
    e,
  );
  const d = e.data;
  if (d.handleDeadline !== undefined) c.handleDeadline = date(d.handleDeadline);
  // Dispatch, escalation, return and reopening move the case to the tier now responsible.
  if (d.toLevel) c.level = d.toLevel;
  switch (e.type) {
    case 'accept':
      c.acceptedAt ??= e.at;
      break;
    case 'merge':
      c.mergedIntoId = d.mergedIntoId ?? null;
      break;
    case 'dispatch':
      c = {
        ...c,
        assigneeUnitId: d.target?.unitId ?? null,
        assigneeUserId: d.target?.userId ?? null,
        dispatchCount: c.dispatchCount + 1,
        dispatchedAt: e.at,
      };
      // On-time dispatch (按时派遣) is judged on the first dispatch.
      if (c.dispatchOnTime === null) c.dispatchOnTime = d.onTime ?? null;
      break;
    case 'sign':
      c.signedAt = e.at;
      break;
    case 'return':
      c = { ...c, assigneeUnitId: null, assigneeUserId: null, returnCount: c.returnCount + 1 };
      break;
    case 'request_extension':
    case 'request_suspension':
      c.pending = {
        kind: e.type === 'request_extension' ? 'extension' : 'suspension',
        requestedUntil: d.requestedUntil,
        remainingMs: d.remainingMs,
        requestedBy: e.actorId,
      };
      break;
    case 'decide_extension':
      c.pending = null;
      break;
    case 'decide_suspension':
      c.pending = null;
      if (d.approved) c.state = 'suspended';
      break;
    case 'feed_back':
      c = { ...c, fedBackAt: e.at, verifierUserId: d.verifierUserId ?? null };
      break;
    case 'verify_pass':
      c.verifiedAt = e.at;
      break;
    case 'verify_fail':
      c.reworkCount += 1;
      break;
    case 'close':
      c.closedAt = e.at;
      break;
    case 'self_handle':
      c = {
        ...c,
        level: 'grid',
        selfHandled: true,
        assigneeUserId: e.actorId,
        acceptedAt: e.at,
        dispatchedAt: e.at,
        signedAt: e.at,
        fedBackAt: e.at,
        verifiedAt: e.at,
        closedAt: e.at,
      };
      break;
    case 'rate':
      c = { ...c, rating: d.rating ?? null, resolved: d.resolved ?? null, ratedAt: e.at };
      break;
    case 'callback':
      c.contactedInTime = d.contactedInTime ?? null;
      break;
    case 'reopen':
      c = {
        ...c,
        reopenCount: c.reopenCount + 1,
        assigneeUnitId: null,
        assigneeUserId: null,
        verifierUserId: null,
        closedAt: null,
        verifiedAt: null,
        rating: null,
        resolved: null,
        ratedAt: null,
      };
      break;
    case 'escalate':
      c = { ...c, escalationCount: c.escalationCount + 1, assigneeUnitId: null, assigneeUserId: null };
      break;
    case 'supervise':
      c = { ...c, supervision: d.supervision ?? 'supervise', rectifyBy: date(d.rectifyBy) };
      break;
    default:
      break;
  }
  return c;
}

/** Folds a case's whole history into its current state. */
export function replayCase(events: readonly CaseEventRecord[]): CaseProjection {
  let c: CaseProjection | null = null;
  for (const e of events) c = applyCaseEvent(c, e);
  if (!c) throw new Error('no events');
  return c;
}
