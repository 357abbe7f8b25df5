import {
  CLOSED_AT_ONCE_STATE,
  formatReceiptNumber,
  type ReceptionTrack,
  type VisitDetails,
  type VisitRoute,
  maskName,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { type IntakeDeps, reportWalkIn } from '../cases/cases.intake.ts';
import { registerDispute } from '../disputes/disputes.register.ts';
import { registerPetition, type PetitionRegisterDeps } from '../petitions/petitions.register.ts';
import { type RecordProgress, caseProgress, disputeProgress, petitionProgress } from './reception.repository.ts';

/*
 * One adapter per track (RECEPTION_TRACK_RULES): how a visit opens the track's record — inside the
 * visit's transaction, `deps.db` being that transaction — and how the record's progress is read back.
 * The desk knows nothing of a track beyond this interface, so a module joins the window by providing
 * its adapter.
 */

export type TrackDeps = IntakeDeps & PetitionRegisterDeps;

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

/**
 * A petition (信访) of a visit (走访): registered by the petitions module's own service inside the
 * visit's transaction — the visitor as the petitioner, the matter as its summary, the visit's
 * headcount (a 集体访 from 5) and its receipt number — on the statutory clocks from there.
 */
export const petitionTrack: TrackAdapter<'petition'> = {
  wired: true,
  async open(deps, ctx, visit, route) {
    if (!visit.visitor) throw new Error('a petition needs a petitioner');
    const row = await registerPetition(deps, ctx, {
      channel: 'visit',
      regionId: route.regionId,
      summary: visit.matter,
      matterType: route.matterType,
      respondent: route.respondent,
      subjectObject: route.subjectObject,
      headcount: visit.headcount,
      receivedAt: visit.visitedAt.toISOString(),
      petitioners: [visit.visitor],
      newFactsOrReasons: false,
      // As the receipt prints it, so the petition page shows the number the visitor holds.
      receiptNo: formatReceiptNumber(visit.receiptNumber),
    });
    return { recordId: row.id, code: row.code, state: null, details: null };
  },
  progress: petitionProgress,
};

/** The adapter of each track. */
export const TRACK_ADAPTERS: { [T in ReceptionTrack]: TrackAdapter<T> } = {
  case: caseTrack,
  dispute: disputeTrack,
  petition: petitionTrack,
  legal_advice: adviceTrack,
  referral: referralTrack,
};
