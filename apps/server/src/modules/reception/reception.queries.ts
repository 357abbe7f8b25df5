import {
  RECEPTION_TRACKS,
  RECEPTION_TRACK_RULES,
  type ReceptionTrack,
  type VisitDetail,
  type VisitListQuery,
  type VisitSummary,
  type VisitorField,
  formatReceiptNumber,
  normalizeReceiptNumber,
  publicProgressOf,
} from '@gewu/domain';
import { type SQL, and, eq, gte, like, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, escapeLike, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { visitNotFound, visitorFieldEmpty } from './reception.errors.ts';
import {
  type RecordProgress,
  type VisitRow,
  type VisitWithNames,
  findVisitWhere,
  pageOfVisits,
} from './reception.repository.ts';
import { receptionVisits } from './reception.table.ts';
import { TRACK_ADAPTERS } from './reception.tracks.ts';
import type { ReceptionDeps } from './reception.register.ts';

/** The visits a staff member sees: those received by a centre inside their region (another township's: none). */
export function visibleVisits(actor: Pick<Actor, 'regionPath'>): SQL {
  return inScope(actor, receptionVisits.regionPath);
}

/** The day `yyyy-mm-dd` starts in China time (UTC+8). */
const chinaDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * Where each visit's record stands, read through its track's adapter, one query per track. A visit
 * settled at the window (advice, referral) stands in its own state since it was registered.
 */
export async function progressOfVisits(db: Db, visits: readonly VisitRow[]): Promise<Map<string, RecordProgress>> {
  const out = new Map<string, RecordProgress>();
  for (const track of RECEPTION_TRACKS) {
    const mine = visits.filter((v) => v.track === track);
    if (!mine.length) continue;
    const ids = mine.flatMap((v) => (v.trackRecordId ? [v.trackRecordId] : []));
    const records = await TRACK_ADAPTERS[track].progress(db, ids);
    for (const v of mine) {
      const record = v.trackRecordId ? records.get(v.trackRecordId) : undefined;
      if (record) out.set(v.id, record);
      else if (v.state) out.set(v.id, { state: v.state, updatedAt: v.visitedAt, closedAt: v.visitedAt });
    }
  }
  return out;
}

/** A record the window cannot read (a petition before its module is wired): shown as still in hand. */
const unknownRecord = (v: VisitRow): RecordProgress => ({ state: 'unknown', updatedAt: v.visitedAt, closedAt: null });

export function toVisitSummary(x: VisitWithNames, record: RecordProgress): VisitSummary {
  const v = x.v;
  return {
    id: v.id,
    receiptNumber: formatReceiptNumber(v.receiptNumber),
    visitedAt: v.visitedAt.toISOString(),
    category: v.category,
    matter: v.matter,
    headcount: v.headcount,
    track: v.track,
    trackRecordId: v.trackRecordId,
    trackCode: v.trackCode,
    visitor: { anonymous: v.anonymous, nameMasked: v.nameMasked, phoneMasked: v.phoneMasked, idMasked: v.idMasked },
    state: record.state,
    progress: publicProgressOf(v.track, record.state),
    registeredByName: x.registeredByName,
  };
}

/** The centre's visits list (its region), newest first, with where each one's record stands. */
export async function listVisits(deps: ReceptionDeps, ctx: RequestContext, q: VisitListQuery) {
  const actor = authorize(ctx, 'reception.read');
  const number = q.q ? normalizeReceiptNumber(q.q) : '';
  const where = and(
    visibleVisits(actor),
    q.track ? eq(receptionVisits.track, q.track) : undefined,
    q.category ? eq(receptionVisits.category, q.category) : undefined,
    number ? like(receptionVisits.receiptNumber, `%${escapeLike(number)}%`) : undefined,
    q.from ? gte(receptionVisits.visitedAt, chinaDayStart(q.from)) : undefined,
    q.to ? lt(receptionVisits.visitedAt, new Date(chinaDayStart(q.to).getTime() + 86_400_000)) : undefined,
  );
  const { rows, total } = await pageOfVisits(deps.db, where, q.page, q.pageSize);
  const records = await progressOfVisits(
    deps.db,
    rows.map((r) => r.v),
  );
  return {
    items: rows.map((r) => toVisitSummary(r, records.get(r.v.id) ?? unknownRecord(r.v))),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A visit in the actor's region, or 404 (never telling that another township's exists). */
export async function loadVisit(db: Db, actor: Actor, id: string): Promise<VisitWithNames> {
  const row = await findVisitWhere(db, id, visibleVisits(actor));
  if (!row) throw visitNotFound();
  return row;
}

export async function getVisit(deps: ReceptionDeps, ctx: RequestContext, id: string): Promise<VisitDetail> {
  const actor = authorize(ctx, 'reception.read');
  const x = await loadVisit(deps.db, actor, id);
  const record = (await progressOfVisits(deps.db, [x.v])).get(x.v.id) ?? unknownRecord(x.v);
  return {
    ...toVisitSummary(x, record),
    centreName: x.centreName,
    steps: [...RECEPTION_TRACK_RULES[x.v.track as ReceptionTrack].steps],
    details: x.v.details ?? null,
  };
}

/**
 * Shows the visitor's full name, identity number or phone to the desk, for a stated reason (calling
 * the visitor back, say). The reveal itself is audited (who, whose, which field, why), as residents' are.
 */
export async function revealVisitor(
  deps: ReceptionDeps,
  ctx: RequestContext,
  id: string,
  field: VisitorField,
  reason: string,
): Promise<{ field: VisitorField; value: string }> {
  authorize(ctx, 'person.reveal');
  const actor = authorize(ctx, 'reception.register');
  return deps.db.transaction(async (tx) => {
    const { v } = await loadVisit(tx, actor, id);
    const enc = field === 'name' ? v.nameEnc : field === 'idNumber' ? v.idEnc : v.phoneEnc;
    if (!enc) throw visitorFieldEmpty();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'reception.reveal',
      targetType: 'reception_visit',
      targetId: v.id,
      regionPath: v.regionPath,
      detail: { field, reason },
    });
    return { field, value: deps.pii.decrypt(enc) };
  });
}
