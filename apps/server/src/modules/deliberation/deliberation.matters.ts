import {
  type Convene,
  DELIBERATION_STAGES,
  type DeliberationStage,
  type Light,
  type MatterCreate,
  type MatterPage,
  type MatterView,
  type MeetingRecord,
  PUBLICATION_TERMS,
  type Publish,
  type StageStatus,
  addDays,
  chinaDayOf,
  chinaMidnight,
  decidingBodyProblem,
  lightAt,
  meetingOutcome,
  nextStage,
  publicationClock,
  resolutionNoticeDue,
  stageBody,
  stageOperation,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, can } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { cancelDeadlines, scheduleDeadlines } from '../../platform/clocks/index.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { isUniqueViolation } from '../cases/cases.intake.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { villageInScope } from './deliberation.bodies.ts';
import { deliberationStageClock, publicationLights } from './deliberation.clocks.ts';
import {
  countsInvalid,
  heldAtInvalid,
  implementationDueRequired,
  matterAuthorisationRequired,
  matterNotFound,
  matterWrongBody,
  notPassed,
  notQuorate,
  noticeTooShort,
  stageBodyMissing,
  stageNotOpen,
} from './deliberation.errors.ts';
import { publishStageNotice } from './deliberation.publications.ts';
import {
  type MatterRow,
  type StageRow,
  bodyOfVillage,
  clockedStagesOf,
  currentMembers,
  insertMatter,
  insertStages,
  matterInScope,
  matterOfKey,
  pageOfMatters,
  setMatterStage,
  stageWithAttachment,
  stagesOf,
  updateStage,
} from './deliberation.repository.ts';

export type MatterDeps = { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A stage's deadline and its light: only an open stage on the clock (a publication) has one. */
function stageClock(r: StageRow | undefined, now: Date): { dueAt: string | null; light: Light | null } {
  return {
    dueAt: iso(r?.dueAt ?? null),
    light: r?.status === 'open' && r.dueAt && r.warnAt ? lightAt({ warnAt: r.warnAt, deadline: r.dueAt }, now) : null,
  };
}

async function loadMatter(db: Db, actor: Actor, id: string): Promise<MatterRow> {
  const m = await matterInScope(db, id, actor.regionPath);
  if (!m) throw matterNotFound();
  return m;
}

function statusesOf(rows: StageRow[]): Record<DeliberationStage, StageStatus> {
  const out = Object.fromEntries(DELIBERATION_STAGES.map((s) => [s, 'pending'])) as Record<
    DeliberationStage,
    StageStatus
  >;
  for (const r of rows) out[r.stage] = r.status;
  return out;
}

async function matterView(deps: MatterDeps, actor: Actor, m: MatterRow): Promise<MatterView> {
  const rows = await stagesOf(deps.db, m.id);
  const statuses = statusesOf(rows);
  const now = deps.clock.now();
  const manage = can(actor, 'deliberation.manage', m.regionPath);
  return {
    id: m.id,
    villageId: m.villageId,
    villageName: (await findRegionInScope(deps.db, actor, m.villageId))?.name ?? '',
    title: m.title,
    description: m.description,
    kind: m.kind,
    decidingBody: m.decidingBody,
    authorisation: m.authorisation,
    stage: m.stage,
    implementationDue: m.implementationDue,
    createdByName: m.createdByName,
    createdAt: m.createdAt.toISOString(),
    canManage: manage,
    stages: DELIBERATION_STAGES.map((stage) => {
      const r = rows.find((x) => x.stage === stage);
      return {
        stage,
        status: statuses[stage],
        body: stageBody(stage, m.decidingBody),
        basis: r?.basis ?? null,
        operation: manage ? stageOperation(stage, statuses) : null,
        heldAt: iso(r?.heldAt ?? null),
        place: r?.place ?? null,
        roll: r?.status === 'convened' ? (r.roll ?? []) : [],
        expected: r?.expected ?? null,
        present: r?.present ?? null,
        attendance: r?.attendance ?? [],
        inFavour: r?.inFavour ?? null,
        against: r?.against ?? null,
        abstaining: r?.abstaining ?? null,
        quorate: r?.quorate ?? null,
        passed: r?.passed ?? null,
        minutes: r?.minutes ?? null,
        noticeText: r?.noticeText ?? null,
        noticeEndsOn: r?.noticeEndsOn ?? null,
        attachmentIds: r?.attachmentIds ?? [],
        ...stageClock(r, now),
        concludedAt: iso(r?.concludedAt ?? null),
        recordedByName: r?.recordedByName ?? null,
      };
    }),
  };
}

/**
 * Puts a matter on the 四议两公开 track: its kind decides the body that must resolve it (art. 24's list
 * to the villagers' meeting, or — with its authorisation on record — the representatives' meeting;
 * arts. 23 and 27 keep theirs; a community's matters to its council). The proposal stage opens.
 * A retry with the same idempotency key gets the matter it made.
 */
export async function createMatter(deps: MatterDeps, ctx: RequestContext, body: MatterCreate): Promise<MatterView> {
  const actor = authorize(ctx, 'deliberation.manage');
  const again = await matterOfKey(deps.db, actor.id, body.idempotencyKey);
  if (again) return matterView(deps, actor, again);
  const village = await villageInScope(deps.db, actor, body.villageId);
  const problem = decidingBodyProblem(body.kind, body.decidingBody, !!body.authorisation?.trim());
  if (problem === 'wrong_body') throw matterWrongBody();
  if (problem === 'authorisation_required') throw matterAuthorisationRequired();
  const now = deps.clock.now();
  try {
    const m = await deps.db.transaction(async (tx) => {
      const row = await insertMatter(tx, {
        regionPath: village.path,
        villageId: village.id,
        title: body.title,
        description: body.description,
        kind: body.kind,
        decidingBody: body.decidingBody,
        authorisation: body.decidingBody === 'representatives_meeting' ? (body.authorisation?.trim() ?? null) : null,
        stage: 'proposal',
        createdBy: actor.id,
        createdByName: actor.displayName,
        idempotencyKey: body.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      });
      await insertStages(tx, row.id, now);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'deliberation.matter_create',
        targetType: 'deliberation_matter',
        targetId: row.id,
        regionPath: village.path,
        detail: { kind: body.kind, decidingBody: body.decidingBody },
      });
      return row;
    });
    return matterView(deps, actor, m);
  } catch (e) {
    const raced = isUniqueViolation(e) ? await matterOfKey(deps.db, actor.id, body.idempotencyKey) : null;
    if (raced) return matterView(deps, actor, raced);
    throw e;
  }
}

export async function listMatters(
  deps: MatterDeps,
  ctx: RequestContext,
  q: { villageId?: string; page: number; pageSize: number },
): Promise<MatterPage> {
  const actor = authorize(ctx, 'deliberation.read');
  if (q.villageId) await villageInScope(deps.db, actor, q.villageId);
  const { rows, total } = await pageOfMatters(deps.db, actor.regionPath, q);
  const now = deps.clock.now();
  const clocked = new Map(
    (
      await clockedStagesOf(
        deps.db,
        rows.map((r) => r.id),
      )
    ).map((s) => [s.matterId, s]),
  );
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.villageId)))
    names.set(id, (await findRegionInScope(deps.db, actor, id))?.name ?? '');
  return {
    items: rows.map((m) => ({
      id: m.id,
      villageName: names.get(m.villageId) ?? '',
      title: m.title,
      kind: m.kind,
      decidingBody: m.decidingBody,
      stage: m.stage,
      ...stageClock(clocked.get(m.id), now),
      createdAt: m.createdAt.toISOString(),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getMatter(deps: MatterDeps, ctx: RequestContext, id: string): Promise<MatterView> {
  const actor = authorize(ctx, 'deliberation.read');
  return matterView(deps, actor, await loadMatter(deps.db, actor, id));
}

/** The matter, its stage rows, and the stage's row if `op` is what the stage machine allows now (else 409). */
async function loadForOperation(
  deps: MatterDeps,
  ctx: RequestContext,
  id: string,
  stage: DeliberationStage,
  op: 'convene' | 'record' | 'publish',
) {
  const actor = authorize(ctx, 'deliberation.manage');
  const m = await loadMatter(deps.db, actor, id);
  const rows = await stagesOf(deps.db, m.id);
  const row = rows.find((r) => r.stage === stage);
  if (!row || stageOperation(stage, statusesOf(rows)) !== op) throw stageNotOpen();
  return { actor, m, row };
}

/** Convenes a meeting stage: its body's roll is frozen now, and its size is the meeting's 应到. */
export async function conveneStage(
  deps: MatterDeps,
  ctx: RequestContext,
  id: string,
  stage: DeliberationStage,
  body: Convene,
): Promise<MatterView> {
  const { actor, m } = await loadForOperation(deps, ctx, id, stage, 'convene');
  const kind = stageBody(stage, m.decidingBody);
  const b = kind ? await bodyOfVillage(deps.db, m.villageId, kind) : null;
  const members = b ? await currentMembers(deps.db, b.id) : [];
  if (!b || !members.length) throw stageBodyMissing();
  const ok = await deps.db.transaction(async (tx) => {
    const moved = await updateStage(tx, m.id, stage, 'open', {
      status: 'convened',
      bodyId: b.id,
      basis: b.basis,
      heldAt: new Date(body.heldAt),
      place: body.place,
      roll: members.map((x) => ({ id: x.id, label: x.label })),
      expected: members.length,
    });
    if (!moved) return false;
    await recordAudit(tx, deps.clock, ctx, {
      action: 'deliberation.convene',
      targetType: 'deliberation_matter',
      targetId: m.id,
      regionPath: m.regionPath,
      detail: { stage, body: b.kind, expected: members.length },
    });
    return true;
  });
  if (!ok) throw stageNotOpen();
  return matterView(deps, actor, m);
}

/** Opens the stage after `stage` (a publication with its deadline on the clock engine). */
async function openNext(tx: Db, m: MatterRow, stage: DeliberationStage, now: Date, implementationDue: string | null) {
  const next = nextStage(stage);
  if (!next) return setMatterStage(tx, m.id, { stage: null, updatedAt: now });
  let clock: { warnAt: Date; dueAt: Date } | null = null;
  if (next === 'resolution_notice') {
    const c = publicationClock(now, resolutionNoticeDue(now));
    clock = { warnAt: c.warnAt, dueAt: c.deadline };
  } else if (next === 'result_notice' && implementationDue) {
    // Due by the end (24:00, Beijing) of the implementation date the resolution set.
    const due = chinaMidnight(addDays(implementationDue, 1));
    const c = publicationClock(now, due);
    clock = { warnAt: c.warnAt, dueAt: c.deadline };
  }
  await updateStage(tx, m.id, next, 'pending', { status: 'open', openedAt: now, ...clock });
  if (clock) await scheduleDeadlines(tx, deliberationStageClock, m.id, publicationLights(next, clock));
  await setMatterStage(tx, m.id, {
    stage: next,
    updatedAt: now,
    ...(implementationDue && stage === 'resolution' ? { implementationDue } : {}),
  });
}

/**
 * Records a convened meeting: attendance, votes, minutes. The server computes from the frozen roll
 * whether the meeting was quorate and the decision passed (BODY_RULES) and records only a meeting the
 * arithmetic supports; then the next stage opens.
 */
export async function recordStage(
  deps: MatterDeps,
  ctx: RequestContext,
  id: string,
  stage: DeliberationStage,
  body: MeetingRecord,
): Promise<MatterView> {
  const { actor, m, row } = await loadForOperation(deps, ctx, id, stage, 'record');
  const now = deps.clock.now();
  if (row.heldAt && row.heldAt > now) throw heldAtInvalid();
  const expected = row.expected ?? 0;
  const counts = {
    expected,
    present: body.present,
    inFavour: body.inFavour,
    against: body.against,
    abstaining: body.abstaining,
  };
  const kind = stageBody(stage, m.decidingBody);
  if (!kind || !row.basis) throw stageNotOpen();
  const outcome = meetingOutcome(kind, row.basis, counts);
  if (outcome.problem === 'present_exceeds_expected')
    throw countsInvalid(`实到人数不能超过应到人数（${expected}）`, 'present');
  if (outcome.problem) throw countsInvalid('赞成、反对、弃权票数之和不能超过实到人数', 'inFavour');
  const rollIds = new Set((row.roll ?? []).map((x) => x.id));
  const attendance = [...new Set(body.attendance)];
  if (
    body.attendance.length &&
    (attendance.length !== body.attendance.length ||
      attendance.length !== body.present ||
      attendance.some((a) => !rollIds.has(a)))
  )
    throw countsInvalid('签到名单须为会议名册中的人员，且人数与实到人数一致', 'attendance');
  if (!outcome.quorate) throw notQuorate(outcome.quorumNeeded, expected);
  if (!outcome.passed) throw notPassed(outcome.majorityNeeded);
  const today = chinaDayOf(now);
  if (stage === 'resolution' && !(body.implementationDue && body.implementationDue >= today))
    throw implementationDueRequired();
  await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id });
  const ok = await deps.db.transaction(async (tx) => {
    const moved = await updateStage(tx, m.id, stage, 'convened', {
      status: 'concluded',
      present: body.present,
      attendance,
      inFavour: body.inFavour,
      against: body.against,
      abstaining: body.abstaining,
      quorate: outcome.quorate,
      passed: outcome.passed,
      minutes: body.minutes,
      attachmentIds: body.attachmentIds,
      concludedAt: now,
      recordedByName: actor.displayName,
    });
    if (!moved) return false;
    await openNext(tx, m, stage, now, stage === 'resolution' ? (body.implementationDue ?? null) : null);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'deliberation.record',
      targetType: 'deliberation_matter',
      targetId: m.id,
      regionPath: m.regionPath,
      detail: { stage, ...counts },
    });
    return true;
  });
  if (!ok) throw stageNotOpen();
  return matterView(deps, actor, (await matterInScope(deps.db, m.id, actor.regionPath)) ?? m);
}

/**
 * Publishes 决议公开 or 实施结果公开: the notice's text and period (at least PUBLICATION_TERMS'
 * minimum), its clock stopped, handed to the notices boundary; the next stage opens.
 */
export async function publishStage(
  deps: MatterDeps,
  ctx: RequestContext,
  id: string,
  stage: DeliberationStage,
  body: Publish,
): Promise<MatterView> {
  const { actor, m, row } = await loadForOperation(deps, ctx, id, stage, 'publish');
  if (stage !== 'resolution_notice' && stage !== 'result_notice') throw stageNotOpen();
  const now = deps.clock.now();
  if (body.noticeEndsOn < addDays(chinaDayOf(now), PUBLICATION_TERMS.minimumNoticeDays - 1))
    throw noticeTooShort(PUBLICATION_TERMS.minimumNoticeDays);
  await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id });
  const ok = await deps.db.transaction(async (tx) => {
    const moved = await updateStage(tx, m.id, stage, 'open', {
      status: 'concluded',
      noticeText: body.noticeText,
      noticeEndsOn: body.noticeEndsOn,
      attachmentIds: body.attachmentIds,
      concludedAt: now,
      recordedByName: actor.displayName,
    });
    if (!moved) return false;
    if (row.warnAt && row.dueAt)
      await cancelDeadlines(
        tx,
        deliberationStageClock,
        m.id,
        publicationLights(stage, { warnAt: row.warnAt, dueAt: row.dueAt }),
      );
    await publishStageNotice(tx, {
      matterId: m.id,
      stage,
      villageId: m.villageId,
      by: actor.id,
      title: m.title,
      text: body.noticeText,
      publishedAt: now,
      endsOn: body.noticeEndsOn,
      attachmentIds: body.attachmentIds,
    });
    await openNext(tx, m, stage, now, m.implementationDue);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'deliberation.publish',
      targetType: 'deliberation_matter',
      targetId: m.id,
      regionPath: m.regionPath,
      detail: { stage, endsOn: body.noticeEndsOn },
    });
    return true;
  });
  if (!ok) throw stageNotOpen();
  return matterView(deps, actor, (await matterInScope(deps.db, m.id, actor.regionPath)) ?? m);
}

/** Whether the actor sees a matter whose stage records carry this attachment (for the attachments route). */
export async function seesMatterWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  return can(actor, 'deliberation.read') && stageWithAttachment(db, actor.regionPath, attachmentId);
}
