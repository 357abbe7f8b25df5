import {
  DISPUTE_OPEN_STATES,
  type ScreeningAmendBody,
  type ScreeningReportBody,
  type ScreeningReportView,
  centrePathFor,
  chinaDayOf,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, can, isInScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { wakeStreams } from '../notifications/notifications.service.ts';
import { disputeBriefsByIds, openDisputesIn } from '../disputes/disputes.read.repository.ts';
import { listDisputeTypes } from '../disputes/mediation.repository.ts';
import {
  type CheckedScreened,
  checkScreenedDisputes,
  registerScreenedDisputes,
} from '../disputes/disputes.screened.ts';
import {
  screeningAlreadyReported,
  screeningAmendFindingsRequired,
  screeningDisputeInvalid,
  screeningFindingsRequired,
  screeningGridNotFound,
  screeningPeriodNotStarted,
  screeningPeriodUnknown,
  screeningReportConflict,
  screeningReportNotFound,
  screeningZeroWithFindings,
} from './screening.errors.ts';
import {
  type ReportRow,
  type RoundRow,
  type ScreenedGrid,
  addReportDisputes,
  amendReport,
  findReport,
  gridNameById,
  gridsOfWorker,
  insertReport,
  reportById,
  reportDisputes,
  roundById,
} from './screening.repository.ts';
import { currentPeriodEnd, ensureRounds, roundFor } from './screening.rounds.ts';

export type ReportDeps = { db: Db; clock: Clock; pii: PiiCipher };

const townshipOfGrid = (g: ScreenedGrid) => centrePathFor(g.regionPath, 'township');

export function periodView(r: RoundRow) {
  return { kind: r.periodKind, start: r.periodStart, end: r.periodEnd, label: r.label, dueAt: r.dueAt.toISOString() };
}

/** A report as its views show it: the period, the disputes found (code, type, state), the amendments. */
export async function reportView(
  db: Db,
  r: ReportRow,
  round?: RoundRow,
  gridName?: string,
): Promise<ScreeningReportView> {
  const rnd = round ?? ((await roundById(db, r.roundId)) as RoundRow);
  const links = await reportDisputes(db, [r.id]);
  const briefs = await disputeBriefsByIds(
    db,
    links.map((l) => l.disputeId),
  );
  return {
    id: r.id,
    gridId: r.gridId,
    gridName: gridName ?? '',
    period: periodView(rnd),
    zero: r.zero,
    disputes: links.flatMap((l) => {
      const b = briefs.find((x) => x.id === l.disputeId);
      return b
        ? [{ id: b.id, code: b.code, typeName: b.typeName, state: b.state, registeredHere: l.registeredHere }]
        : [];
    }),
    note: r.note,
    reportedAt: r.reportedAt.toISOString(),
    reporterName: r.reporterName,
    late: r.late,
    version: r.version,
    amendments: r.amendments.map((a) => ({ at: a.at, byName: a.byName, note: a.note, added: a.added.length })),
  };
}

/** The grid, if the actor answers for it now as its grid worker (else 404: not theirs). */
async function ownGrid(db: Db, actor: Actor, gridId: string): Promise<ScreenedGrid> {
  const [grid] = await gridsOfWorker(db, actor.id, gridId);
  if (!grid) throw screeningGridNotFound();
  return grid;
}

/** Registered disputes named again: open ones of the grid's village/community, each once. */
async function linkedDisputes(db: Db, grid: ScreenedGrid, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  const found = await disputeBriefsByIds(db, wanted);
  const ok = found.filter((d) => isInScope(grid.villagePath, d.regionPath) && DISPUTE_OPEN_STATES.includes(d.state));
  if (ok.length !== wanted.length) throw screeningDisputeInvalid();
  return wanted;
}

/**
 * A grid worker's screening page: for each grid they answer for, the period `day` falls in (today by
 * default), the report filed for it if any, and the open disputes of its village they may name again.
 */
export async function myScreening(deps: ReportDeps, ctx: RequestContext, q: { day?: string }) {
  const actor = authorize(ctx, 'screening.report');
  const today = chinaDayOf(deps.clock.now());
  const day = q.day ?? today;
  const grids = await gridsOfWorker(deps.db, actor.id);
  const out = [];
  for (const g of grids) {
    const round = await roundFor(deps, townshipOfGrid(g), day);
    if (!round) continue;
    await ensureRounds(deps, townshipOfGrid(g));
    const report = await findReport(deps.db, round.id, g.id);
    const open = await openDisputesIn(deps.db, g.villagePath);
    out.push({
      gridId: g.id,
      gridCode: g.code,
      gridName: g.name,
      period: periodView(round),
      report: report ? await reportView(deps.db, report, round, g.name) : null,
      openDisputes: open.map((d) => ({
        id: d.id,
        code: d.code,
        typeName: d.typeName,
        summary: d.summary.slice(0, 80),
        state: d.state,
      })),
    });
  }
  const types = (await listDisputeTypes(deps.db, true)).map((x) => ({ code: x.code, name: x.name }));
  return { today, types, grids: out };
}

/** The report already there answers a retry of its own filing (same person, same key); anything else is a second report. */
class ReportExists extends Error {}

/**
 * 排查上报: the grid's report for the period `body.period` falls in — the disputes found (registered ones
 * named again, new ones registered from it with source grid_screening) or an explicit zero report
 * (零报告), never both, never neither. One per grid and period: a second gets 409
 * screening.already_reported (findings found later are an amendment, 补报); a retry of the same
 * filing (its idempotency key) gets the report it made. Filed after the due time, it counts as late.
 */
export async function fileReport(
  deps: ReportDeps,
  ctx: RequestContext,
  body: ScreeningReportBody,
): Promise<{ created: boolean; report: ScreeningReportView }> {
  const actor = authorize(ctx, 'screening.report');
  const grid = await ownGrid(deps.db, actor, body.gridId);
  const found = body.disputeIds.length + body.newDisputes.length;
  if (body.zero && found) throw screeningZeroWithFindings();
  if (!body.zero && !found) throw screeningFindingsRequired();
  // Everything that does not need the period is checked first: a refused report writes nothing.
  const linked = await linkedDisputes(deps.db, grid, body.disputeIds);
  const checked = await checkScreenedDisputes(deps, body.newDisputes);
  const township = townshipOfGrid(grid);
  const now = deps.clock.now();
  if (body.period > (await currentPeriodEnd(deps, township))) throw screeningPeriodNotStarted();
  const round = await roundFor(deps, township, body.period);
  if (!round) throw screeningPeriodUnknown();
  const again = async () => {
    const existing = await findReport(deps.db, round.id, grid.id);
    if (!existing) return null;
    if (existing.reporterId === actor.id && existing.idempotencyKey === body.idempotencyKey)
      return { created: false, report: await reportView(deps.db, existing, round, grid.name) };
    throw screeningAlreadyReported(existing.id);
  };
  const before = await again();
  if (before) return before;
  try {
    const row = await deps.db.transaction(async (tx) => {
      const report = await insertReport(tx, {
        roundId: round.id,
        gridId: grid.id,
        regionPath: grid.regionPath,
        zero: body.zero,
        firstZero: body.zero,
        note: body.note ?? null,
        reporterId: actor.id,
        reporterName: actor.displayName,
        idempotencyKey: body.idempotencyKey,
        reportedAt: now,
        // The light rule: red (late) once the due time has passed.
        late: now > round.dueAt,
      });
      if (!report) throw new ReportExists();
      await recordFindings(deps, tx, ctx, actor, grid, round, report, linked, checked);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'screening.report',
        targetType: 'screening_report',
        targetId: report.id,
        regionPath: grid.regionPath,
        detail: {
          grid: grid.code,
          period: round.label,
          zero: body.zero,
          linked: linked.length,
          registered: checked.length,
        },
      });
      return report;
    });
    return { created: true, report: await reportView(deps.db, row, round, grid.name) };
  } catch (e) {
    // Filed meanwhile (a retry racing its first attempt, or a colleague): the same rule as above.
    if (e instanceof ReportExists) {
      const raced = await again();
      if (raced) return raced;
    }
    throw e;
  } finally {
    wakeStreams();
  }
}

/** Writes a report's findings: the disputes named again, the new ones registered (and linked). */
async function recordFindings(
  deps: ReportDeps,
  tx: Db,
  ctx: RequestContext,
  actor: Actor,
  grid: ScreenedGrid,
  round: RoundRow,
  report: ReportRow,
  linked: readonly string[],
  checked: readonly CheckedScreened[],
): Promise<string[]> {
  const now = deps.clock.now();
  const registered = await registerScreenedDisputes(
    { ...deps, db: tx },
    ctx,
    actor,
    {
      regionPath: grid.villagePath,
      label: `${grid.name}${round.label}`,
    },
    checked,
  );
  await addReportDisputes(tx, [
    ...linked.map((disputeId) => ({ reportId: report.id, disputeId, registeredHere: false, addedAt: now })),
    ...registered.map((d) => ({ reportId: report.id, disputeId: d.id, registeredHere: true, addedAt: now })),
  ]);
  return [...linked, ...registered.map((d) => d.id)];
}

/**
 * 补报: adds findings to a report already filed (a zero report so amended is a zero report no more;
 * that it was first filed as zero stays on record), with the reason. Only the grid's worker, only on
 * the version seen (else 409 screening.conflict), only with something new.
 */
export async function amendScreeningReport(
  deps: ReportDeps,
  ctx: RequestContext,
  id: string,
  body: ScreeningAmendBody,
): Promise<ScreeningReportView> {
  const actor = authorize(ctx, 'screening.report');
  const report = await reportById(deps.db, id);
  if (!report) throw screeningReportNotFound();
  const grid = await ownGrid(deps.db, actor, report.gridId).catch(() => Promise.reject(screeningReportNotFound()));
  if (body.version !== report.version) throw screeningReportConflict();
  const already = new Set((await reportDisputes(deps.db, [report.id])).map((l) => l.disputeId));
  const fresh = body.disputeIds.filter((d) => !already.has(d));
  if (!fresh.length && !body.newDisputes.length) throw screeningAmendFindingsRequired();
  const linked = await linkedDisputes(deps.db, grid, fresh);
  const checked = await checkScreenedDisputes(deps, body.newDisputes);
  const round = (await roundById(deps.db, report.roundId)) as RoundRow;
  try {
    const row = await deps.db.transaction(async (tx) => {
      const added = await recordFindings(deps, tx, ctx, actor, grid, round, report, linked, checked);
      const next = await amendReport(tx, report, {
        at: deps.clock.now().toISOString(),
        byId: actor.id,
        byName: actor.displayName,
        note: body.note,
        added,
      });
      if (!next) throw screeningReportConflict();
      await recordAudit(tx, deps.clock, ctx, {
        action: 'screening.amend',
        targetType: 'screening_report',
        targetId: report.id,
        regionPath: report.regionPath,
        detail: { grid: grid.code, period: round.label, wasZero: report.zero, added: added.length },
      });
      return next;
    });
    return reportView(deps.db, row, round, grid.name);
  } finally {
    wakeStreams();
  }
}

/** A report, to its grid's worker and to the centres and leaders over its grid. */
export async function getScreeningReport(deps: ReportDeps, ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const report = await reportById(deps.db, id);
  const staffOver = !!report && can(actor, 'screening.read', report.regionPath);
  const own =
    !!report && can(actor, 'screening.report') && (await gridsOfWorker(deps.db, actor.id, report.gridId)).length > 0;
  if (!report || !(staffOver || own)) throw screeningReportNotFound();
  return reportView(deps.db, report, undefined, await gridNameById(deps.db, report.gridId));
}
