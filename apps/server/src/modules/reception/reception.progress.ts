import { timingSafeEqual } from 'node:crypto';
import {
  PROGRESS_LOOKUP_LIMITS,
  RECEPTION_TRACK_RULES,
  REFERRAL_BODY_LABELS,
  type ProgressLookupBody,
  type VisitProgress,
  formatReceiptNumber,
  normalizeReceiptNumber,
  publicProgressOf,
  receiptNumberProblem,
} from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { forbidden } from '../../platform/errors.ts';
import { loginAddressKey } from '../../platform/http/login-address.ts';
import {
  claimedByOther,
  identityMismatch,
  lookupLimited,
  progressNotFound,
  receiptMalformed,
} from './reception.errors.ts';
import {
  type RecordProgress,
  type VisitWithNames,
  claimVisit,
  findIdentity,
  findVisitByReceipt,
  insertIdentity,
  lookupAttempts,
  releaseLookup,
  reserveLookup,
  visitsOfAccount,
} from './reception.repository.ts';
import { progressOfVisits } from './reception.queries.ts';
import type { ReceptionDeps } from './reception.register.ts';

const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A visit's progress as the visitor sees it: the track and its public state label, the steps and the
 * dates, their own name masked — no staff name, no party, no note, no number but the receipt's.
 */
export function toVisitProgress(x: VisitWithNames, record: RecordProgress | undefined): VisitProgress {
  const v = x.v;
  const rule = RECEPTION_TRACK_RULES[v.track];
  const progress = publicProgressOf(v.track, record?.state ?? '');
  return {
    receiptNumber: formatReceiptNumber(v.receiptNumber),
    visitedOn: chinaDate(v.visitedAt),
    centreName: `${x.centreName}综治中心`,
    track: v.track,
    trackLabel: rule.publicLabel,
    steps: [...rule.steps],
    progress,
    updatedAt: (record?.updatedAt ?? v.visitedAt).toISOString(),
    closedAt: progress.outcome === 'open' ? null : (record?.closedAt ?? record?.updatedAt ?? v.visitedAt).toISOString(),
    visitorMasked: v.nameMasked,
    referredTo: v.details?.kind === 'referral' ? REFERRAL_BODY_LABELS[v.details.bodyKind] : null,
  };
}

async function progressOf(deps: ReceptionDeps, x: VisitWithNames): Promise<VisitProgress> {
  return toVisitProgress(x, (await progressOfVisits(deps.db, [x.v])).get(x.v.id));
}

/** Compares the phone's last four digits in constant time (no timing hint of a partly right guess). */
function lastFourMatch(deps: ReceptionDeps, phoneEnc: string | null, given: string): boolean {
  if (!phoneEnc) return false;
  const actual = Buffer.from(deps.pii.decrypt(phoneEnc).slice(-4));
  const typed = Buffer.from(given);
  return actual.length === typed.length && timingSafeEqual(actual, typed);
}

/**
 * Checks a receipt number and the phone's last four digits under PROGRESS_LOOKUP_LIMITS: the visit
 * when both are right; otherwise the same 404 whether the number is not on record or the digits are
 * wrong (no oracle), counted against the number typed and the client's address; a 429 while either
 * has reached its limit — decided before the record is read, so a right guess then is not confirmed.
 * Each attempt reserves its failure rows before looking, so parallel guesses cannot slip past.
 */
async function checkReceipt(deps: ReceptionDeps, ctx: RequestContext, body: ProgressLookupBody) {
  const number = normalizeReceiptNumber(body.receiptNumber);
  const problem = receiptNumberProblem(number);
  if (problem) throw receiptMalformed(problem);
  const now = deps.clock.now();
  const { perReceipt, perAddress } = PROGRESS_LOOKUP_LIMITS;
  const limits = [
    { key: `n:${number}`, ...perReceipt },
    { key: `a:${loginAddressKey(ctx.ip)}`, ...perAddress },
  ];
  const longest = Math.max(...limits.map((l) => l.windowMinutes));
  const reserved = await reserveLookup(
    deps.db,
    limits.map((l) => l.key),
    now,
    new Date(now.getTime() - longest * 60_000),
  );
  for (const l of limits) {
    const windowMs = l.windowMinutes * 60_000;
    const { n, oldest } = await lookupAttempts(deps.db, l.key, new Date(now.getTime() - windowMs));
    if (n > l.failures) {
      await releaseLookup(deps.db, reserved);
      ctx.failureAudit = { action: 'reception.lookup', detail: { receiptNumber: number, reason: 'limited' } };
      const freeAt = (oldest ?? now).getTime() + windowMs;
      throw lookupLimited(Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)));
    }
  }
  const found = await findVisitByReceipt(deps.db, number);
  if (!found || !lastFourMatch(deps, found.v.phoneEnc, body.phoneLast4)) {
    // The reservation stays: it is a failure now. The audit row names the number tried, never the digits.
    ctx.failureAudit = { action: 'reception.lookup', detail: { receiptNumber: number, reason: 'no_match' } };
    throw progressNotFound();
  }
  await releaseLookup(deps.db, reserved);
  return found;
}

/** The public progress lookup: receipt number + the phone's last four digits → the masked progress. */
export async function lookupProgress(
  deps: ReceptionDeps,
  ctx: RequestContext,
  body: ProgressLookupBody,
): Promise<VisitProgress> {
  const found = await checkReceipt(deps, ctx, body);
  await recordAudit(deps.db, deps.clock, ctx, {
    action: 'reception.lookup',
    targetType: 'reception_visit',
    targetId: found.v.id,
    regionPath: found.v.regionPath,
  });
  return progressOf(deps, found);
}

function requireResident(ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (!actor.roles.includes('resident')) throw forbidden();
  return actor;
}

/**
 * 我的来访: the visits a resident account holds. Accounts carry no verified phone or identity number
 * (there is no SMS or real-name check here), so matching a number the account typed about itself
 * would let anyone read anyone's visits. Instead a visit is the account's once the resident proves
 * it — the receipt number and the phone's last four, under the lookup's limits (claimVisitForAccount)
 * — and then every visit carrying the same identity number, checked against the card at the window,
 * is theirs too (reception_identities).
 */
export async function myVisits(deps: ReceptionDeps, ctx: RequestContext): Promise<{ items: VisitProgress[] }> {
  const actor = requireResident(ctx);
  const identity = await findIdentity(deps.db, actor.id);
  const rows = await visitsOfAccount(deps.db, actor.id, identity?.idHash ?? null);
  const records = await progressOfVisits(
    deps.db,
    rows.map((r) => r.v),
  );
  return { items: rows.map((r) => toVisitProgress(r, records.get(r.v.id))) };
}

/**
 * A resident claims a visit as theirs with its receipt number and the phone's last four digits (the
 * public lookup's check and counters). A visit carrying an identity number proves that identity for
 * the account, once: a later claim of a visit with another person's number is refused.
 */
export async function claimVisitForAccount(
  deps: ReceptionDeps,
  ctx: RequestContext,
  body: ProgressLookupBody,
): Promise<VisitProgress> {
  const actor = requireResident(ctx);
  const found = await checkReceipt(deps, ctx, body);
  const v = found.v;
  if (v.claimedBy && v.claimedBy !== actor.id) throw claimedByOther();
  const identity = await findIdentity(deps.db, actor.id);
  if (identity && v.idHash && identity.idHash !== v.idHash) throw identityMismatch();
  await deps.db.transaction(async (tx) => {
    await claimVisit(tx, v.id, actor.id);
    if (!identity && v.idHash)
      await insertIdentity(tx, { userId: actor.id, idHash: v.idHash, viaVisitId: v.id, provedAt: deps.clock.now() });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'reception.claim',
      targetType: 'reception_visit',
      targetId: v.id,
      regionPath: v.regionPath,
      detail: { identityProved: !identity && !!v.idHash },
    });
  });
  return progressOf(deps, { ...found, v: { ...v, claimedBy: actor.id } });
}
