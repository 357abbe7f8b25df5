import { CLOSED_AT_ONCE_STATE, type ReceptionTrack, type VisitDetails, type VisitRoute, maskName } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { type IntakeDeps, reportWalkIn } from '../cases/cases.intake.ts';
import { registerDispute } from '../disputes/disputes.register.ts';
import { trackUnavailable } from './reception.errors.ts';
import { type RecordProgress, caseProgress, disputeProgress } from './reception.repository.ts';

/*
 * One adapter per track (RECEPTION_TRACK_RULES): how a visit opens the track's record — inside the
 * visit's transaction, `deps.db` being that transaction — and how the record's progress is read back.
 * The desk knows nothing of a track beyond this interface, so a module joins the window by providing
 * its adapter.
 */

export type TrackDeps = IntakeDeps;

/** The visit as a track sees it when opening its record. */
export interface VisitFacts {
  id: string;
  receiptNumber: string;
  visitedAt: Date;
  headcount: number;
  matter: string;
  idempotencyKey: string;
  /** The visitor as given at the window (plaintext, in memory only) — null for an anonymous visitor. */
  visitor: { name: string; phone: string; idNumber?: string } | null;
  /** The visitor's phone, protected (encrypted, hashed, masked) — null for an anonymous visitor. */
  phone: { enc: string; hash: string; masked: string } | null;
}

/** What opening a track left: the record (none for advice and referral), and for those their state and details. */
export interface OpenedRecord {
  recordId: string | null;
  code: string | null;
  /** The visit's own state, for a track settled at the window (CLOSED_AT_ONCE_STATE). */
  state: string | null;
  details: VisitDetails | null;
}

export interface TrackAdapter<T extends ReceptionTrack> {
  /** False until the track's module is wired to the window: the desk refuses the track (422 reception.track_unavailable). */
  wired: boolean;
  open(
    deps: TrackDeps,
    ctx: RequestContext,
    visit: VisitFacts,
    route: Extract<VisitRoute, { track: T }>,
  ): Promise<OpenedRecord>;
  /** Where the records of the given ids stand (advice and referral have none: their state is the visit's). */
  progress(db: Db, recordIds: readonly string[]): Promise<Map<string, RecordProgress>>;
}

const noRecords = async () => new Map<string, RecordProgress>();

/** A case on the chain (事件): the item and place from the desk, the matter as its description. */
export const caseTrack: TrackAdapter<'case'> = {
  wired: true,
  async open(deps, ctx, visit, route) {
    if (!visit.visitor) throw new Error('a case needs a visitor');
    const row = await reportWalkIn(deps, ctx, {
      itemCode: route.itemCode,
      description: visit.matter,
      address: route.address,
      location: route.location,
      fields: route.fields,
      reporterName: maskName(visit.visitor.name),
      phone: visit.phone,
      idempotencyKey: visit.idempotencyKey,
    });
    return { recordId: row.id, code: row.code, state: null, details: null };
  },
  progress: caseProgress,
};

/** A dispute for mediation: the visitor its applicant (申请方), the other parties as the desk took them down. */
export const disputeTrack: TrackAdapter<'dispute'> = {
  wired: true,
  async open(deps, ctx, visit, route) {
    if (!visit.visitor) throw new Error('a dispute needs a visitor');
    const applicant = {
      kind: 'person' as const,
      side: 'a' as const,
      role: 'principal' as const,
      name: visit.visitor.name,
      phone: visit.visitor.phone,
      ...(visit.visitor.idNumber ? { idNumber: visit.visitor.idNumber } : {}),
    };
    const { row } = await registerDispute(deps, ctx, {
      typeCode: route.typeCode,
      summary: visit.matter,
      regionId: route.regionId,
      address: route.address,
      risk: route.risk,
      civilToCriminal: route.civilToCriminal,
      stabilityUserId: route.stabilityUserId,
      source: 'walk_in',
      parties: [applicant, ...route.otherParties],
    });
    return { recordId: row.id, code: row.code, state: null, details: null };
  },
  progress: disputeProgress,
};

/** 法律服务: answered at the window and closed at once; the visit records who answered and what. */
export const adviceTrack: TrackAdapter<'legal_advice'> = {
  wired: true,
  async open(_deps, _ctx, _visit, route) {
    return {
      recordId: null,
      code: null,
      state: CLOSED_AT_ONCE_STATE.legal_advice,
      details: {
        kind: 'legal_advice',
        adviserKind: route.adviserKind,
        adviserName: route.adviserName,
        answer: route.answer,
      },
    };
  },
  progress: noRecords,
};

/** 转介: handed over to 心理服务, 法律援助 or 司法所; the visit records the receiving body. */
export const referralTrack: TrackAdapter<'referral'> = {
  wired: true,
  async open(_deps, _ctx, _visit, route) {
    return {
      recordId: null,
      code: null,
      state: CLOSED_AT_ONCE_STATE.referral,
      details: { kind: 'referral', bodyKind: route.bodyKind, bodyName: route.bodyName, note: route.note ?? null },
    };
  },
  progress: noRecords,
};

// ─── The petition track: to be wired at merge ───────────────────────────────────────────────────

/**
 * What the window hands the petitions module (issue 15 point 3, built on branch i15-petitions): a
 * visit (走访) registered as a petition, its petitioner, how many came, the matter. The shape is the
 * window's expectation; at merge it is mapped onto that module's own registration input.
 */
export interface ExpectedPetitionInput {
  channel: 'visit';
  receivedAt: Date;
  matter: string;
  /** How many came together (a collective visit, 集体访, from 5). */
  headcount: number;
  regionId?: string;
  petitioner: { name: string; phone: string; idNumber?: string };
  /** The visit it came from, so the petition can show its receipt. */
  receptionVisitId: string;
  receiptNumber: string;
  idempotencyKey: string;
}

/** `registerPetition(deps, ctx, input)` of apps/server/src/modules/petitions, as the window expects it. */
export type RegisterPetition = (
  deps: TrackDeps,
  ctx: RequestContext,
  input: ExpectedPetitionInput,
) => Promise<{ id: string; code: string }>;
/** Where petitions stand, by id (state as the petitions module names it; see EXPECTED_PETITION_STATES). */
export type PetitionProgress = (db: Db, ids: readonly string[]) => Promise<Map<string, RecordProgress>>;

/**
 * The petition track. Until the petitions module is merged there is nothing to call: `wiring` is
 * null, the adapter says it is not wired, and the desk refuses the track with 422
 * reception.track_unavailable — no petition is faked. WIRE AT MERGE: pass
 * `{ register: registerPetition, progress: <its progress reader> }` in TRACK_ADAPTERS below.
 */
export function petitionTrack(wiring: { register: RegisterPetition; progress: PetitionProgress } | null) {
  const adapter: TrackAdapter<'petition'> = {
    wired: wiring !== null,
    async open(deps, ctx, visit, route) {
      if (!wiring) throw trackUnavailable();
      if (!visit.visitor) throw new Error('a petition needs a petitioner');
      const row = await wiring.register(deps, ctx, {
        channel: 'visit',
        receivedAt: visit.visitedAt,
        matter: visit.matter,
        headcount: visit.headcount,
        ...(route.regionId ? { regionId: route.regionId } : {}),
        petitioner: visit.visitor,
        receptionVisitId: visit.id,
        receiptNumber: visit.receiptNumber,
        idempotencyKey: visit.idempotencyKey,
      });
      return { recordId: row.id, code: row.code, state: null, details: null };
    },
    progress: wiring ? wiring.progress : noRecords,
  };
  return adapter;
}

/** The adapter of each track. */
export const TRACK_ADAPTERS: { [T in ReceptionTrack]: TrackAdapter<T> } = {
  case: caseTrack,
  dispute: disputeTrack,
  // WIRE AT MERGE: petitionTrack({ register: registerPetition, progress: petitionProgress }) from ../petitions.
  petition: petitionTrack(null),
  legal_advice: adviceTrack,
  referral: referralTrack,
};
