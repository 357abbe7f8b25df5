import {
  ACTION_LABELS,
  type CaseActionBody,
  type CaseEventData,
  type CaseLevel,
  type CaseStage,
  addLimit,
  checkTransition,
  nextLevel,
} from '@gewu/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { isInScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { activeGridWorker } from '../users/users.repository.ts';
import { activeUnitsByIds } from '../units/units.repository.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { isItemAdmitted } from '../items/items.service.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { type NotifyTarget, notify, wakeStreams } from '../notifications/notifications.service.ts';
import { clockUntil, deadlineAfter, remainingMs, stageClock } from './cases.clock.ts';
import { gridWorkerOf, itemByCode } from './cases.intake.ts';
import { centrePathFor, levelRank, relationsTo, tierOf, visibleCases } from './cases.policy.ts';
import { CaseConflict, type CaseRow, appendEvent, coUnitsOf } from './cases.repository.ts';
import { caseEvents, caseUnits, cases } from './cases.table.ts';
import {
  dispatchItemNotAdmitted,
  dispatchNotGridWorker,
  dispatchTargetRequired,
  dispatchUnitInvalid,
  dispatchWorkerOutsideArea,
} from './cases.errors.ts';

export type ActionDeps = { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

/** Working days after closing within which a callback (回访) counts as timely for the 响应率. */
export const CALLBACK_WORK_DAYS = 3;

const STATUS_OF: Record<string, number> = {
  'case.invalid_state': 422,
  'case.not_allowed': 403,
  'case.note_required': 400,
};

/** Loads a case the actor may see, or 404 (never revealing that an out-of-scope case exists). */
export async function visibleCase(db: Db, ctx: RequestContext, id: string): Promise<CaseRow> {
  const actor = requireActor(ctx);
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), visibleCases(actor)));
  if (!row) throw notFound('case.not_found', '案件不存在或不在您的管辖范围内');
  return row;
}

/**
 * Takes one action on a case: checks the pure transition rules against the actor's relation to
 * the case, computes the clock the next stage starts with, appends the event and updates the case
 * if nobody acted first (else 409 with the case as it now is), notifies who must act next, audits.
 */
export async function actOnCase(
  deps: ActionDeps,
  ctx: RequestContext,
  id: string,
  body: CaseActionBody,
): Promise<CaseRow> {
  const actor = requireActor(ctx);
  const row = await visibleCase(deps.db, ctx, id);
  if (body.version !== row.version) throw new CaseConflict(row);
  const coUnits = await coUnitsOf(deps.db, row.id);
  const relations = relationsTo(
    actor,
    row,
    coUnits.map((u) => u.unitId),
  );
  const refusal = checkTransition(
    {
      state: row.state as never,
      pendingKind: (row.pending?.kind as 'extension' | 'suspension' | undefined) ?? null,
      rated: !!row.rating,
      level: row.level as CaseLevel,
      assignedToGridWorker: !!row.assigneeUserId,
    },
    body.action,
    relations,
    body.note,
  );
  if (refusal) throw new AppError(STATUS_OF[refusal.code] ?? 422, refusal.code, refusal.message);
  await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id });

  const now = deps.clock.now();
  const cal = await getWorkCalendar(deps);
  const item = await itemByCode(deps, row.itemCode);
  const clockFor = (stage: CaseStage) => stageClock(stage, now, item.limits[stage], cal);
  const centre: NotifyTarget = {
    regionPath: centrePathFor(row.regionPath, row.level as CaseLevel),
    role: 'dispatcher',
  };
  const assignee: NotifyTarget | null = row.assigneeUnitId
    ? { unitId: row.assigneeUnitId }
    : row.assigneeUserId
      ? { userId: row.assigneeUserId }
      : null;
  const reporter: NotifyTarget | null = row.reporterUserId ? { userId: row.reporterUserId } : null;
  const who = { id: actor.id, name: actor.displayName, unitId: actor.unitId };

  let data: CaseEventData = {};
  let targets: (NotifyTarget | null)[] = [];
  let afterWrite: ((tx: Db, next: CaseRow) => Promise<void>) | null = null;
  const centreLevel = (): CaseLevel =>
    levelRank(row.level as CaseLevel) < levelRank('township') ? 'township' : (row.level as CaseLevel);

  switch (body.action) {
    case 'accept':
      data = { clock: clockFor('dispatch') };
      targets = [reporter];
      break;
    case 'reject':
    case 'void':
      data = { clock: null };
      targets = [reporter];
      break;
    case 'merge': {
      if (!body.targetCaseId || body.targetCaseId === row.id)
        throw badRequest('case.merge_target_required', '请选择要并入的案件', [
          { path: 'targetCaseId', message: '必填' },
        ]);
      const target = await visibleCase(deps.db, ctx, body.targetCaseId);
      if (['merged', 'voided', 'rejected'].includes(target.state))
        throw new AppError(422, 'case.merge_target_invalid', '不能并入已作废、已并案或不予受理的案件');
      data = { clock: null, mergedIntoId: target.id };
      targets = [reporter];
      break;
    }
    case 'dispatch': {
      const d = await dispatchTarget(deps, actor, row, body);
      data = {
        clock: clockFor('sign'),
        target: d.target,
        coUnitIds: d.coUnitIds,
        toLevel: d.level,
        onTime: row.stage === 'dispatch' && !!row.stageDeadline && now <= row.stageDeadline,
      };
      targets = [
        d.target.unitId ? { unitId: d.target.unitId } : d.target.userId ? { userId: d.target.userId } : null,
        ...d.coUnitIds.map((u) => ({ unitId: u })),
      ];
      afterWrite = async (tx) => {
        await tx.delete(caseUnits).where(eq(caseUnits.caseId, row.id));
        if (d.coUnitIds.length)
          await tx.insert(caseUnits).values(d.coUnitIds.map((unitId) => ({ caseId: row.id, unitId, addedAt: now })));
      };
      break;
    }
    case 'sign': {
      const k = clockFor('handle');
      data = { clock: k, handleDeadline: k.deadline };
      break;
    }
    case 'return':
      data = { clock: clockFor('dispatch'), toLevel: centreLevel() };
      targets = [centre];
      break;
    case 'step':
      targets = [centre];
      break;
    case 'request_extension': {
      const until = body.until ? new Date(body.until) : null;
      if (!until || !row.stageDeadline || until <= row.stageDeadline)
        throw badRequest('case.extension_until', '延期后的期限应晚于当前期限', [{ path: 'until', message: '无效' }]);
      data = { requestedUntil: until.toISOString() };
      targets = [centre];
      break;
    }
    case 'decide_extension': {
      if (body.approved === undefined)
        throw badRequest('case.decision_required', '请选择同意或不同意', [{ path: 'approved', message: '必填' }]);
      const until = row.pending?.requestedUntil ? new Date(row.pending.requestedUntil) : null;
      data =
        body.approved && until && row.stageStartedAt
          ? {
              approved: true,
              clock: clockUntil('handle', row.stageStartedAt, until, item.limits.handle.unit, cal),
              handleDeadline: until.toISOString(),
            }
          : { approved: false };
      targets = [assignee];
      break;
    }
    case 'request_suspension':
      data = {};
      targets = [centre];
      break;
    case 'decide_suspension':
      if (body.approved === undefined)
        throw badRequest('case.decision_required', '请选择同意或不同意', [{ path: 'approved', message: '必填' }]);
      data =
        body.approved && row.stageDeadline
          ? {
              approved: true,
              clock: null,
              remainingMs: remainingMs(now, row.stageDeadline, item.limits.handle.unit, cal),
            }
          : { approved: false };
      targets = [assignee];
      break;
    case 'resume': {
      const [decision] = await deps.db
        .select({ data: caseEvents.data })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.type, 'decide_suspension')))
        .orderBy(desc(caseEvents.seq))
        .limit(1);
      const until = deadlineAfter(now, decision?.data.remainingMs ?? 0, item.limits.handle.unit, cal);
      data = {
        clock: clockUntil('handle', now, until, item.limits.handle.unit, cal),
        handleDeadline: until.toISOString(),
      };
      targets = [assignee];
      break;
    }
    case 'feed_back': {
      // The grid worker of the place checks on site, unless they handled it themselves: then the centre does.
      const gridWorker = await gridWorkerOf(deps.db, row.gridId);
      const verifierUserId = gridWorker && gridWorker !== row.assigneeUserId ? gridWorker : null;
      data = { clock: clockFor('verify'), verifierUserId };
      targets = [verifierUserId ? { userId: verifierUserId } : centre, reporter];
      break;
    }
    case 'co_feed_back':
      if (!actor.unitId) throw forbidden();
      afterWrite = async (tx) => {
        await tx
          .update(caseUnits)
          .set({ fedBackAt: now })
          .where(and(eq(caseUnits.caseId, row.id), eq(caseUnits.unitId, actor.unitId as string)));
      };
      targets = [assignee, centre];
      break;
    case 'verify_pass':
      data = { clock: null };
      targets = [centre];
      break;
    case 'verify_fail': {
      const k = clockFor('handle');
      // The unit whose work failed the check: its rework rate (返工率) counts this.
      data = { clock: k, handleDeadline: k.deadline, unitId: row.assigneeUnitId };
      targets = [assignee, centre];
      break;
    }
    case 'close':
      data = { clock: null };
      targets = [reporter];
      break;
    case 'rate':
      if (!body.rating)
        throw badRequest('case.rating_required', '请选择满意程度', [{ path: 'rating', message: '必填' }]);
      data = { rating: body.rating, resolved: body.resolved ?? body.rating !== 'dissatisfied' };
      targets = body.rating === 'dissatisfied' ? [centre] : [];
      break;
    case 'callback':
      data = {
        contactedInTime:
          !!row.closedAt && now <= addLimit(row.closedAt, { amount: CALLBACK_WORK_DAYS, unit: 'work_days' }, cal),
        ...(body.rating ? { rating: body.rating, resolved: body.resolved } : {}),
      };
      break;
    case 'reopen':
      data = { clock: clockFor('dispatch'), toLevel: centreLevel() };
      targets = [centre];
      break;
    case 'escalate': {
      // A centre passes the case above its own tier (township → county); a grid worker to the village tier.
      const base =
        relations.includes('centre') && levelRank(tierOf(actor)) > levelRank(row.level as CaseLevel)
          ? tierOf(actor)
          : (row.level as CaseLevel);
      const toLevel = nextLevel(base);
      if (!toLevel) throw new AppError(422, 'case.top_level', '已是最高层级，不能再上报');
      data = { clock: clockFor('dispatch'), toLevel };
      targets = [{ regionPath: centrePathFor(row.regionPath, toLevel), role: 'dispatcher' }];
      break;
    }
    case 'supervise':
      data = {
        supervision: body.listed ? 'listed' : 'supervise',
        rectifyBy: body.listed ? (body.rectifyBy ?? null) : null,
      };
      if (body.listed && !body.rectifyBy)
        throw badRequest('case.rectify_by_required', '挂牌督办须填写整改期限', [
          { path: 'rectifyBy', message: '必填' },
        ]);
      targets = [assignee, centre];
      break;
  }

  try {
    return await deps.db.transaction(async (tx) => {
      const next = await appendEvent(tx, row, {
        type: body.action,
        at: now,
        actor: who,
        note: body.note ?? null,
        data,
        attachmentIds: body.attachmentIds,
      });
      if (afterWrite) await afterWrite(tx, next);
      await notify(
        tx,
        deps.clock,
        targets.filter((t) => !sameAsActor(t, actor)),
        {
          kind: `case.${body.action}`,
          title: `${next.code}：${ACTION_LABELS[body.action]}`,
          body: body.note?.slice(0, 100) ?? null,
          caseId: next.id,
        },
      );
      await recordAudit(tx, deps.clock, ctx, {
        action: `case.${body.action}`,
        targetType: 'case',
        targetId: next.id,
        regionPath: next.regionPath,
        detail: { code: next.code, from: row.state, to: next.state },
      });
      return next;
    });
  } finally {
    wakeStreams();
  }
}

function sameAsActor(t: NotifyTarget | null, actor: { id: string; unitId: string | null }) {
  return !!t && (('userId' in t && t.userId === actor.id) || ('unitId' in t && t.unitId === actor.unitId));
}

/**
 * Checks a dispatch target: a unit above or at the case's place, or a grid worker — and a grid
 * worker only for an item admitted to the grids there (网格事项准入; the negative list never).
 *
 * The person branch holds a grid worker to the same place rule as a unit, and to the dispatcher's
 * own area: the worker's account region must lie inside the dispatcher's region (a centre gives
 * work only to its own people — someone outside it is treated as unknown, so nothing about them
 * is revealed), and must contain the case's place (a worker of one village is not sent to the next
 * village's case; the case's grid lies under the worker's village, or township for a township-level
 * worker). Only an active account with the grid worker role qualifies: handlers are reached through
 * their unit (the unit branch), never as persons.
 */
async function dispatchTarget(
  deps: Pick<ActionDeps, 'db' | 'clock'>,
  actor: Actor,
  row: CaseRow,
  body: CaseActionBody,
) {
  const { db } = deps;
  if (!!body.unitId === !!body.userId) throw dispatchTargetRequired();
  const coUnitIds = [...new Set(body.coUnitIds ?? [])].filter((u) => u !== body.unitId);
  const needed = [body.unitId, ...coUnitIds].filter((u): u is string => !!u);
  const found = await activeUnitsByIds(db, needed);
  for (const u of needed) {
    const unit = found.find((f) => f.id === u);
    if (!unit || !row.regionPath.startsWith(unit.regionPath))
      throw dispatchUnitInvalid(u === body.unitId ? 'unitId' : 'coUnitIds');
  }
  if (body.unitId) {
    const unit = found.find((f) => f.id === body.unitId);
    const segments = (unit?.regionPath ?? '').split('/').filter(Boolean);
    const last = segments[segments.length - 1] ?? '';
    const level: CaseLevel =
      last.length >= 12 ? 'village' : last.length === 9 ? 'township' : last.length === 6 ? 'county' : 'city';
    return { target: { unitId: body.unitId, userId: null }, coUnitIds, level };
  }
  const worker = await activeGridWorker(db, body.userId as string);
  if (!worker || !isInScope(actor.regionPath, worker.regionPath)) throw dispatchNotGridWorker();
  if (!isInScope(worker.regionPath, row.regionPath)) throw dispatchWorkerOutsideArea();
  const item = await itemByCode(deps, row.itemCode);
  if (!(await isItemAdmitted(db, item.id, row.regionPath))) throw dispatchItemNotAdmitted(item.name);
  return { target: { unitId: null, userId: worker.id }, coUnitIds, level: 'grid' as CaseLevel };
}
