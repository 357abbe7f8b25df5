import { randomInt, randomUUID } from 'node:crypto';
import {
  RECEIPT_RANDOM_DIGITS,
  RECEPTION_TRACK_RULES,
  type ReceptionTrack,
  type RegisterVisitBody,
  type VisitRoute,
  maskName,
  receiptNumberFrom,
} from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { protectPii } from '../people/residents.service.ts';
import { isUniqueViolation } from '../cases/cases.intake.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { anonymousNotAllowed, trackUnavailable, visitorInvalid } from './reception.errors.ts';
import { type VisitRow, findVisitByKey, insertVisit, setVisitRecord } from './reception.repository.ts';
import { TRACK_ADAPTERS, type TrackAdapter, type TrackDeps, type VisitFacts } from './reception.tracks.ts';

export type ReceptionDeps = TrackDeps;

/** A fresh receipt number: 11 digits from the CSPRNG and the check digit (RECEIPT_RANDOM_DIGITS). */
function drawReceiptNumber(): string {
  return receiptNumberFrom(String(randomInt(0, 10 ** RECEIPT_RANDOM_DIGITS)).padStart(RECEIPT_RANDOM_DIGITS, '0'));
}

/** The visitor's data as stored: encrypted, hashed and masked; or nothing for an anonymous visitor. */
function protectVisitor(deps: ReceptionDeps, visitor: RegisterVisitBody['visitor']) {
  if (visitor.anonymous) return null;
  const errors: { path: string; message: string }[] = [];
  const numbers = protectPii(deps.pii, deps.clock, visitor.idNumber || undefined, visitor.phone, errors);
  if (errors.length) throw visitorInvalid(errors.map((e) => ({ path: `visitor.${e.path}`, message: e.message })));
  return {
    nameEnc: deps.pii.encrypt(visitor.name),
    nameMasked: maskName(visitor.name),
    ...numbers,
  };
}

/** Opens the track's record through its adapter (typed by the route's track). */
function openTrack(deps: ReceptionDeps, ctx: RequestContext, facts: VisitFacts, route: VisitRoute) {
  const adapter = TRACK_ADAPTERS[route.track] as TrackAdapter<ReceptionTrack>;
  return adapter.open(deps, ctx, facts, route as never);
}

/**
 * 来访登记 and its routing in one step: the visitor (protected as residents' data are), what they came
 * for, and the track — the visit and the track's record (the case, the dispute …) are written in one
 * transaction, together or not at all. A retry with the same idempotency key (the desk's submit sent
 * twice, a lost answer) gets the visit it already made and its receipt (`created: false`).
 */
export async function registerVisit(
  deps: ReceptionDeps,
  ctx: RequestContext,
  body: RegisterVisitBody,
): Promise<{ created: boolean; visit: VisitRow }> {
  const actor = authorize(ctx, 'reception.register');
  const before = await findVisitByKey(deps.db, actor.id, body.idempotencyKey);
  if (before) return { created: false, visit: before };
  const track = body.route.track;
  if (body.visitor.anonymous && !RECEPTION_TRACK_RULES[track].anonymousAllowed) throw anonymousNotAllowed();
  if (!TRACK_ADAPTERS[track].wired) throw trackUnavailable();
  const visitor = protectVisitor(deps, body.visitor);
  const centre = await findRegionInScope(deps.db, actor, actor.regionId);
  if (!centre) throw new Error('the actor has no region');

  // A receipt number drawn twice (one in 10^11 per visit on record) is drawn again.
  for (let attempt = 1; ; attempt++) {
    try {
      return { created: true, visit: await writeVisit(deps, ctx, body, visitor, centre) };
    } catch (e) {
      ctx.audited = false; // the refusal is audited by the HTTP hook, not by rows rolled back
      if (!isUniqueViolation(e)) throw e;
      const again = await findVisitByKey(deps.db, actor.id, body.idempotencyKey);
      if (again) return { created: false, visit: again };
      if (attempt >= 3) throw e;
    }
  }
}

async function writeVisit(
  deps: ReceptionDeps,
  ctx: RequestContext,
  body: RegisterVisitBody,
  visitor: ReturnType<typeof protectVisitor>,
  centre: { id: string; path: string },
): Promise<VisitRow> {
  const actor = authorize(ctx, 'reception.register');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // The visit first: a track that refuses (a bad item, a dispute place out of scope) takes it back with it.
    const visit = await insertVisit(tx, {
      id: randomUUID(),
      receiptNumber: drawReceiptNumber(),
      regionId: centre.id,
      regionPath: centre.path,
      visitedAt: now,
      anonymous: !visitor,
      ...(visitor ?? {}),
      headcount: body.headcount,
      category: body.category,
      matter: body.matter,
      track: body.route.track,
      registeredBy: actor.id,
      idempotencyKey: body.idempotencyKey,
    });
    const facts: VisitFacts = {
      id: visit.id,
      receiptNumber: visit.receiptNumber,
      visitedAt: now,
      headcount: visit.headcount,
      matter: visit.matter,
      idempotencyKey: body.idempotencyKey,
      visitor: body.visitor.anonymous
        ? null
        : { name: body.visitor.name, phone: body.visitor.phone, idNumber: body.visitor.idNumber || undefined },
      phone:
        visitor?.phoneEnc && visitor.phoneHash && visitor.phoneMasked
          ? { enc: visitor.phoneEnc, hash: visitor.phoneHash, masked: visitor.phoneMasked }
          : null,
    };
    const opened = await openTrack({ ...deps, db: tx }, ctx, facts, body.route);
    const row = await setVisitRecord(tx, visit.id, {
      trackRecordId: opened.recordId,
      trackCode: opened.code,
      state: opened.state,
      details: opened.details,
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'reception.register',
      targetType: 'reception_visit',
      targetId: row.id,
      regionPath: row.regionPath,
      detail: {
        track: row.track,
        category: row.category,
        anonymous: row.anonymous,
        headcount: row.headcount,
        recordId: row.trackRecordId,
        recordCode: row.trackCode,
      },
    });
    return row;
  });
}
