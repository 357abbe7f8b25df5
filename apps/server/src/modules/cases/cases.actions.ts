import {
  ACTION_LABELS,
  CALLBACK_LIMIT,
  type CaseAction,
  type CaseActionBody,
  type CaseActionData,
  type CaseLevel,
  type Classification,
  type ClockEffect,
  type Recipient,
  type Relation,
  type StageClock,
  type WorkCalendar,
  addLimit,
  caseTierOfPath,
  centrePathFor,
  checkTransition,
  clockEffectOf,
  nextLevel,
  ruleOf,
} from '@gewu/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { isInScope, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { activeGridWorker } from '../users/users.repository.ts';
import { activeUnitsByIds } from '../units/units.repository.ts';
import { gridWorkerOf } from '../grids/grids.repository.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { isItemAdmitted } from '../items/items.service.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { type NotifyTarget, notify, wakeStreams } from '../notifications/notifications.service.ts';
import { clockUntil, deadlineAfter, remainingMs, stageClock } from '../../platform/clocks/index.ts';
import { type ItemRow, itemByCode } from './cases.intake.ts';
import { caseFacts, levelRank, relationsTo, tierOf, visibleCases } from './cases.policy.ts';
import {
  CaseConflict,
  type CaseRow,
  type NewEvent,
  appendEvent,
  coUnitsOf,
  hasActedWithKey,
} from './cases.repository.ts';
import { caseEvents, caseUnits, cases } from './cases.table.ts';
import {
  alreadyTopLevel,
  caseNotFound,
  classificationItemInvalid,
  decisionRequired,
  dispatchReasonRequired,
  extensionUntilInvalid,
  mergeTargetInvalid,
  mergeTargetRequired,
  ratingRequired,
  rectifyByRequired,
  dispatchItemNotAdmitted,
  dispatchNotGridWorker,
  dispatchTargetRequired,
  dispatchUnitInvalid,
  dispatchWorkerOutsideArea,
  caseActionElsewhere,
  claimPhotosRequired,
} from './cases.errors.ts';

export type ActionDeps = { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

const STATUS_OF: Record<string, number> = {
  'case.invalid_state': 422,
  'case.not_allowed': 403,
  'case.note_required': 400,
  'case.condition_unconfirmed': 400,
  'case.classification_required': 400,
};

/** A CASE_LIFE refusal as the 4xx it answers. */
export const caseRefused = (r: { code: string; message: string }) =>
  new AppError(STATUS_OF[r.code] ?? 422, r.code, r.message);

/** Loads a case the actor may see, or 404 (never revealing that an out-of-scope case exists). */
export async function visibleCase(db: Db, ctx: RequestContext, id: string): Promise<CaseRow> {
  const actor = requireActor(ctx);
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), visibleCases(actor)));
  if (!row) throw caseNotFound();
  return row;
}

/** What an action's preparation works from: the case, the actor, the time and the item. */
interface Prep {
  deps: ActionDeps;
  ctx: RequestContext;
  actor: Actor;
  row: CaseRow;
  body: CaseActionBody;
  relations: Relation[];
  now: Date;
  cal: WorkCalendar;
  item: ItemRow;
  linked?: LinkedRecordIds;
  access?: ElsewhereAccess;
}

/** The record an action taken through another module's route writes beside the case (CASE_ACTIONS_ELSEWHERE). */
export interface LinkedRecordIds {
  disputeId: string;
  disputeCode: string;
}

/**
 * How another module's route (市民认领: the forces module) stands to the case: the row it found in its
 * own scope, the relations it worked out (an approved volunteer of the village), and the volunteer's
 * before and after photos for claim_close.
 */
export interface ElsewhereAccess {
  row: CaseRow;
  relations: Relation[];
  photos?: { beforePhotoId: string; afterPhotoId: string };
}

/** Keys the common part of actOnCase fills in from the action's rule. */
type Common = 'clock' | 'toLevel' | 'handleDeadline';
/** What an action adds to its event beyond the rule's clock and tier, and what it writes besides the event. */
interface Prepared<A extends CaseAction> {
  data: Omit<CaseActionData<A>, Common>;
  /** The tier for `level: 'target' | 'up'` (dispatch, escalate). */
  toLevel?: CaseLevel;
  /** Dispatch: who is given the case. */
  newAssignees?: NotifyTarget[];
  afterWrite?: (tx: Db) => Promise<void>;
}

const condition = (text: string) => ({ text, met: true as const });

/**
 * The part of each action the table cannot say: the inputs it checks and the facts it records.
 * Actions without an entry record nothing beyond their rule (state, clock, tier, notifications).
 */
const PREPARE: { [A in CaseAction]?: (p: Prep) => Promise<Prepared<A>> | Prepared<A> } = {
  accept: ({ item }) => ({ data: { filing: condition(item.filingCondition) } }),
  close: ({ item }) => ({ data: { closing: condition(item.closingCondition) } }),
  merge: async ({ deps, ctx, row, body }) => {
    if (!body.targetCaseId || body.targetCaseId === row.id) throw mergeTargetRequired();
    const target = await visibleCase(deps.db, ctx, body.targetCaseId);
    if (['merged', 'voided', 'rejected'].includes(target.state)) throw mergeTargetInvalid();
    return { data: { mergedIntoId: target.id } };
  },
  dispatch: async ({ deps, actor, row, body, now, item }) => {
    const d = await dispatchTarget(deps, actor, row, body, item);
    // 准确派遣: a unit of another kind than the item's responsible department needs a reason, and counts as inaccurate.
    const kindMismatch =
      d.unitKind && d.unitKind !== item.departmentKind ? { itemKind: item.departmentKind, unitKind: d.unitKind } : null;
    if (kindMismatch && !body.note?.trim()) throw dispatchReasonRequired();
    return {
      data: {
        target: d.target,
        coUnitIds: d.coUnitIds,
        onTime: row.stage === 'dispatch' && !!row.stageDeadline && now <= row.stageDeadline,
        ...(kindMismatch ? { kindMismatch } : {}),
      },
      toLevel: d.level,
      newAssignees: [
        d.target.unitId ? { unitId: d.target.unitId } : { userId: d.target.userId as string },
        ...d.coUnitIds.map((unitId) => ({ unitId })),
      ],
      afterWrite: async (tx) => {
        await tx.delete(caseUnits).where(eq(caseUnits.caseId, row.id));
        if (d.coUnitIds.length)
          await tx.insert(caseUnits).values(d.coUnitIds.map((unitId) => ({ caseId: row.id, unitId, addedAt: now })));
      },
    };
  },
  request_extension: ({ row, body }) => {
    const until = body.until ? new Date(body.until) : null;
    if (!until || !row.stageDeadline || until <= row.stageDeadline) throw extensionUntilInvalid();
    return { data: { requestedUntil: until.toISOString() } };
  },
  decide_extension: ({ body }) => ({ data: { approved: decision(body) } }),
  decide_suspension: ({ body, now, row, item, cal }) => {
    const approved = decision(body);
    // 挂账 stops the clock; the time left is kept for the resumption.
    return approved && row.stageDeadline
      ? { data: { approved, remainingMs: remainingMs(now, row.stageDeadline, item.limits.handle.unit, cal) } }
      : { data: { approved: false } };
  },
  feed_back: async ({ deps, row }) => {
    // The grid worker of the place checks on site, unless they handled it themselves: then the centre does.
    const gridWorker = await gridWorkerOf(deps.db, row.gridId);
    return { data: { verifierUserId: gridWorker && gridWorker !== row.assigneeUserId ? gridWorker : null } };
  },
  co_feed_back: ({ actor, row, now }) => {
    const unitId = actor.unitId;
    if (!unitId) throw forbidden();
    return {
      data: {},
      afterWrite: async (tx) => {
        await tx
          .update(caseUnits)
          .set({ fedBackAt: now })
          .where(and(eq(caseUnits.caseId, row.id), eq(caseUnits.unitId, unitId)));
      },
    };
  },
  verify_fail: ({ row }) => ({ data: { unitId: row.assigneeUnitId } }),
  rate: ({ body }) => {
    if (!body.rating) throw ratingRequired();
    return { data: { rating: body.rating, resolved: body.resolved ?? body.rating !== 'dissatisfied' } };
  },
  callback: ({ row, body, now, cal }) => ({
    data: {
      contactedInTime: !!row.closedAt && now <= addLimit(row.closedAt, CALLBACK_LIMIT, cal),
      ...(body.rating ? { rating: body.rating, resolved: body.resolved } : {}),
    },
  }),
  escalate: ({ actor, row, relations }) => {
    // A centre passes the case above its own tier (township → county); a grid worker to the village tier.
    const level = row.level as CaseLevel;
    const base = relations.includes('centre') && levelRank(tierOf(actor)) > levelRank(level) ? tierOf(actor) : level;
    const toLevel = nextLevel(base);
    if (!toLevel) throw alreadyTopLevel();
    return { data: {}, toLevel };
  },
  // Only with the dispute its registration wrote in the same transaction (disputes.register.ts).
  convert_to_dispute: ({ linked }) => {
    if (!linked) throw caseActionElsewhere();
    return { data: { disputeId: linked.disputeId, disputeCode: linked.disputeCode } };
  },
  claim_close: async ({ deps, access }) => {
    if (!access?.photos) throw claimPhotosRequired();
    // The grid worker of the place confirms on site; without one, the centre does.
    const verifierUserId = await gridWorkerOf(deps.db, access.row.gridId);
    return { data: { ...access.photos, verifierUserId: verifierUserId ?? null } };
  },
  supervise: ({ body }) => {
    if (body.listed && !body.rectifyBy) throw rectifyByRequired();
    return {
      data: {
        supervision: body.listed ? 'listed' : 'supervise',
        rectifyBy: body.listed ? (body.rectifyBy ?? null) : null,
      },
    };
  },
};

function decision(body: CaseActionBody): boolean {
  if (body.approved === undefined) throw decisionRequired();
  return body.approved;
}

/** The actions at which the centre may name the case's item (CASE_LIFE's `classified` guard). */
const CLASSIFYING: ReadonlySet<CaseAction> = new Set(['accept', 'dispatch']);

/** The item a case is classified under: an active, real one (not 不确定/其他 again). */
async function classifiedItem(deps: ActionDeps, code: string): Promise<ItemRow> {
  const item = await itemByCode(deps, code).catch(() => null);
  if (!item) throw classificationItemInvalid(code);
  if (item.unclassified) throw classificationItemInvalid(code);
  return item;
}

/** The stage clock an action leaves running, by its rule's clock effect (undefined: unchanged). */
async function clockAfter(p: Prep, effect: ClockEffect): Promise<StageClock | null | undefined> {
  const { row, now, item, cal } = p;
  const unit = item.limits.handle.unit;
  if (effect === 'keep') return undefined;
  if (effect === 'stop' || effect === 'pause') return null;
  if (effect === 'extend') {
    const until = row.pending?.requestedUntil ? new Date(row.pending.requestedUntil) : null;
    return until && row.stageStartedAt ? clockUntil('handle', row.stageStartedAt, until, unit, cal) : undefined;
  }
  if (effect === 'resume') {
    const remaining = await remainingAtSuspension(p.deps.db, row.id);
    return clockUntil('handle', now, deadlineAfter(now, remaining, unit, cal), unit, cal);
  }
  return stageClock(effect.start, now, item.limits[effect.start], cal);
}

/** The time that was left on the handling stage when the case was last suspended (挂账). */
async function remainingAtSuspension(db: Db, caseId: string): Promise<number> {
  const [decision] = await db
    .select({ data: caseEvents.data })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'decide_suspension')))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  const d = decision?.data as CaseActionData<'decide_suspension'> | undefined;
  return d?.approved ? d.remainingMs : 0;
}

/**
 * Takes one action on a case by its rule in CASE_LIFE: checks the rule against the actor's relation
 * to the case, lets the action check and record its own inputs (PREPARE), sets the clock and the tier
 * the rule says, appends the event and updates the case if nobody acted first (else 409 with the
 * case as it now is), tells the people the rule names, audits. `linked`: the record another module's
 * route wrote for an action of CASE_ACTIONS_ELSEWHERE (then `deps.db` is that route's transaction).
 */
export async function actOnCase(
  deps: ActionDeps,
  ctx: RequestContext,
  id: string,
  body: CaseActionBody,
  linked?: LinkedRecordIds,
  access?: ElsewhereAccess,
): Promise<CaseRow> {
  const actor = requireActor(ctx);
  const row = access?.row ?? (await visibleCase(deps.db, ctx, id));
  if (body.version !== row.version) {
    // The phone's outbox sends an action again when its answer was lost: the case moved on because
    // of that very action, which is then done — not a conflict with someone else.
    if (body.idempotencyKey && (await hasActedWithKey(deps.db, row.id, actor.id, body.idempotencyKey))) return row;
    throw new CaseConflict(row);
  }
  const coUnits = await coUnitsOf(deps.db, row.id);
  const relations = [
    ...relationsTo(
      actor,
      row,
      coUnits.map((u) => u.unitId),
    ),
    ...(access?.relations ?? []),
  ];
  const reported = await itemByCode(deps, row.itemCode);
  const classifying = CLASSIFYING.has(body.action) && !!body.itemCode && body.itemCode !== row.itemCode;
  const facts = { ...caseFacts(row), unclassified: reported.unclassified, claimable: reported.claimable };
  const refusal = checkTransition(facts, body.action, relations, {
    note: body.note,
    conditionMet: body.conditionMet,
    itemCode: classifying ? body.itemCode : undefined,
  });
  if (refusal) throw caseRefused(refusal);
  await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id });

  const now = deps.clock.now();
  const cal = await getWorkCalendar(deps);
  // 不确定/其他 (or a wrong category): the centre names the item; its conditions and limits apply from now on.
  const item = classifying ? await classifiedItem(deps, body.itemCode as string) : reported;
  const p: Prep = { deps, ctx, actor, row, body, relations, now, cal, item, linked, access };
  const rule = ruleOf(body.action);
  const prepare = PREPARE[body.action] as
    ((p: Prep) => Promise<Prepared<CaseAction>> | Prepared<CaseAction>) | undefined;
  const prepared: Prepared<CaseAction> = prepare ? await prepare(p) : { data: {} };
  if (classifying)
    (prepared.data as { classified?: Classification }).classified = {
      itemId: item.id,
      itemCode: item.code,
      fromItemCode: row.itemCode,
    };
  const approved = (prepared.data as { approved?: boolean }).approved;
  const clock = await clockAfter(p, clockEffectOf(body.action, approved));
  const toLevel =
    rule.level === 'centre'
      ? levelRank(row.level) < levelRank('township')
        ? 'township'
        : row.level
      : rule.level
        ? prepared.toLevel
        : undefined;
  const data = {
    ...prepared.data,
    ...(clock !== undefined ? { clock } : {}),
    ...(clock?.stage === 'handle' ? { handleDeadline: clock.deadline } : {}),
    ...(toLevel ? { toLevel } : {}),
    ...(body.idempotencyKey ? { idempotencyKey: body.idempotencyKey } : {}),
  } as CaseActionData;
  const dissatisfied = (prepared.data as { rating?: string }).rating === 'dissatisfied';
  const targets =
    rule.notifyOnlyWhenDissatisfied && !dissatisfied
      ? []
      : recipients(rule.notify, row, {
          newAssignees: prepared.newAssignees ?? [],
          toLevel,
          // Feeding back names the verifier; afterwards the case's own.
          verifierUserId:
            body.action === 'feed_back'
              ? (prepared.data as CaseActionData<'feed_back'>).verifierUserId
              : row.verifierUserId,
        });

  try {
    return await deps.db.transaction(async (tx) => {
      const event = {
        type: body.action,
        at: now,
        actor: { id: actor.id, name: actor.displayName, unitId: actor.unitId },
        note: body.note ?? null,
        data,
        attachmentIds: body.attachmentIds,
      } as NewEvent;
      const next = await appendEvent(tx, row, event);
      if (prepared.afterWrite) await prepared.afterWrite(tx);
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

/** The people a rule's recipients stand for on this case (each told once). */
function recipients(
  names: readonly Recipient[],
  row: CaseRow,
  extra: { newAssignees: NotifyTarget[]; toLevel: CaseLevel | undefined; verifierUserId: string | null },
): NotifyTarget[] {
  const centre: NotifyTarget = { regionPath: centrePathFor(row.regionPath, row.level), role: 'dispatcher' };
  const user = (id: string | null): NotifyTarget[] => (id ? [{ userId: id }] : []);
  const of: Record<Recipient, () => NotifyTarget[]> = {
    reporter: () => user(row.reporterUserId),
    firstContact: () => user(row.firstContactUserId),
    centre: () => [centre],
    assignee: () => (row.assigneeUnitId ? [{ unitId: row.assigneeUnitId }] : user(row.assigneeUserId)),
    newAssignees: () => extra.newAssignees,
    verifier: () => (extra.verifierUserId ? user(extra.verifierUserId) : [centre]),
    claimant: () => user(row.claimantUserId),
    upperCentre: () =>
      extra.toLevel ? [{ regionPath: centrePathFor(row.regionPath, extra.toLevel), role: 'dispatcher' }] : [],
  };
  const seen = new Set<string>();
  return names
    .flatMap((n) => of[n]())
    .filter((t) => {
      const key = JSON.stringify(t);
      return !seen.has(key) && !!seen.add(key);
    });
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
  item: ItemRow,
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
    return {
      target: { unitId: body.unitId, userId: null },
      coUnitIds,
      level: caseTierOfPath(unit?.regionPath ?? ''),
      unitKind: unit?.kind ?? null,
    };
  }
  const worker = await activeGridWorker(db, body.userId as string);
  if (!worker || !isInScope(actor.regionPath, worker.regionPath)) throw dispatchNotGridWorker();
  if (!isInScope(worker.regionPath, row.regionPath)) throw dispatchWorkerOutsideArea();
  if (!(await isItemAdmitted(db, item.id, row.regionPath))) throw dispatchItemNotAdmitted(item.name);
  return { target: { unitId: null, userId: worker.id }, coUnitIds, level: 'grid' as CaseLevel, unitKind: null };
}
