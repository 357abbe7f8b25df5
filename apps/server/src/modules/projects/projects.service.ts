import {
  MICRO_PROJECT_BUDGET_CAP_FEN,
  MICRO_PROJECT_CATEGORY_NAMES,
  MICRO_PROJECT_STEPS,
  MICRO_PROJECT_VOTING_BODY,
  type MicroProjectState,
  type MicroProjectStep,
  PUBLICATION_TERMS,
  type ProjectComplete,
  type ProjectImplement,
  type ProjectPage,
  type ProjectPropose,
  type ProjectView,
  type ProjectVoteInput,
  type ProjectVoteResult,
  addDays,
  batchOutcome,
  chinaDayOf,
  chinaMidnight,
  lightAt,
  maskName,
  microProjectStepAllowed,
  publicationClock,
  yuanOfFen,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, can } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { cancelDeadlines, scheduleDeadlines } from '../../platform/clocks/index.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { isUniqueViolation } from '../cases/cases.intake.ts';
import { bodyOfVillage, currentMembers } from '../deliberation/deliberation.repository.ts';
import { publishFromRecord } from '../notices/notices.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { implementationLights, projectImplementationClock } from './projects.clocks.ts';
import {
  batchDuplicate,
  bodyMissing,
  countsInvalid,
  dueInvalid,
  heldAtInvalid,
  notQuorate,
  noticeTooShort,
  overCap,
  projectNotFound,
  projectVillageNotFound,
  proposerNoVillage,
  wrongState,
} from './projects.errors.ts';
import {
  type ProjectRow,
  type VoteRow,
  insertProject,
  insertVote,
  moveProject,
  pageOfProjects,
  projectInScope,
  projectOfKey,
  projectWithPhoto,
  projectsInScope,
  projectsOfVote,
  voteOfKey,
  votesByIds,
} from './projects.repository.ts';

export type ProjectDeps = { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

const CAP_YUAN = yuanOfFen(MICRO_PROJECT_BUDGET_CAP_FEN);
const iso = (d: Date | null) => d?.toISOString() ?? null;

function voteView(v: VoteRow) {
  return {
    id: v.id,
    heldAt: v.heldAt.toISOString(),
    place: v.place,
    expected: v.expected,
    present: v.present,
    quorate: v.quorate,
    minutes: v.minutes,
    recordedByName: v.recordedByName,
  };
}

function projectView(actor: Actor, p: ProjectRow, votes: Map<string, VoteRow>, now: Date): ProjectView {
  const vote = p.voteId ? votes.get(p.voteId) : undefined;
  return {
    id: p.id,
    villageId: p.villageId,
    villageName: p.villageName,
    title: p.title,
    description: p.description,
    category: p.category,
    estimatedCostFen: p.estimatedCostFen,
    place: p.place,
    photoIds: p.photoIds,
    state: p.state,
    proposerLabel: p.proposerLabel,
    mine: p.proposedBy === actor.id,
    rejectReason: p.rejectReason,
    vote: vote ? voteView(vote) : null,
    inFavour: p.inFavour,
    against: p.against,
    abstaining: p.abstaining,
    implementer: p.implementer,
    budgetFen: p.budgetFen,
    dueOn: p.dueOn,
    light:
      p.state === 'implementing' && p.warnAt && p.dueAt ? lightAt({ warnAt: p.warnAt, deadline: p.dueAt }, now) : null,
    acceptanceNote: p.acceptanceNote,
    actualCostFen: p.actualCostFen,
    beforePhotoIds: p.beforePhotoIds,
    afterPhotoIds: p.afterPhotoIds,
    completedAt: iso(p.completedAt),
    publishedAt: iso(p.publishedAt),
    createdAt: p.createdAt.toISOString(),
    canManage: can(actor, 'deliberation.manage', p.regionPath),
  };
}

async function viewsOf(deps: ProjectDeps, actor: Actor, rows: ProjectRow[]): Promise<ProjectView[]> {
  const votes = await votesByIds(deps.db, [...new Set(rows.flatMap((r) => (r.voteId ? [r.voteId] : [])))]);
  const byId = new Map(votes.map((v) => [v.id, v]));
  const now = deps.clock.now();
  return rows.map((r) => projectView(actor, r, byId, now));
}

async function viewOf(deps: ProjectDeps, actor: Actor, id: string): Promise<ProjectView> {
  const p = await projectInScope(deps.db, id, actor.regionPath);
  if (!p) throw projectNotFound();
  const [v] = await viewsOf(deps, actor, [p]);
  return v as ProjectView;
}

const tellProposer = (tx: Db, deps: ProjectDeps, p: ProjectRow, kind: string, title: string) =>
  notify(tx, deps.clock, [{ userId: p.proposedBy }], {
    kind,
    title,
    subject: { kind: 'micro_project', id: p.id },
  });

/**
 * A resident proposes a project for their own village or community (their account's region). Over the
 * cap: 400. The village's cadres are told. A retry with the same idempotency key gets the first project.
 */
export async function proposeProject(
  deps: ProjectDeps,
  ctx: RequestContext,
  body: ProjectPropose,
): Promise<ProjectView> {
  const actor = authorize(ctx, 'project.propose');
  const again = await projectOfKey(deps.db, actor.id, body.idempotencyKey);
  if (again) return (await viewsOf(deps, actor, [again]))[0] as ProjectView;
  if (actor.regionLevel !== 'village') throw proposerNoVillage();
  if (body.estimatedCostFen > MICRO_PROJECT_BUDGET_CAP_FEN) throw overCap('estimatedCostFen', CAP_YUAN);
  await checkAttachmentsOwned(deps, body.photoIds, { userId: actor.id }, 'photoIds');
  const now = deps.clock.now();
  try {
    const id = await deps.db.transaction(async (tx) => {
      const pid = await insertProject(tx, {
        regionPath: actor.regionPath,
        villageId: actor.regionId,
        title: body.title,
        description: body.description,
        category: body.category,
        estimatedCostFen: body.estimatedCostFen,
        place: body.place,
        photoIds: body.photoIds,
        state: 'proposed',
        proposedBy: actor.id,
        proposerLabel: maskName(actor.displayName),
        idempotencyKey: body.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      });
      await notify(tx, deps.clock, [{ regionPath: actor.regionPath, role: 'village_cadre' }], {
        kind: 'projects.proposed',
        title: `居民提出民生微实事：${body.title}`,
        subject: { kind: 'micro_project', id: pid },
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'projects.propose',
        targetType: 'micro_project',
        targetId: pid,
        regionPath: actor.regionPath,
        detail: { category: body.category, estimatedCostFen: body.estimatedCostFen },
      });
      return pid;
    });
    return viewOf(deps, actor, id);
  } catch (e) {
    const raced = isUniqueViolation(e) ? await projectOfKey(deps.db, actor.id, body.idempotencyKey) : null;
    if (raced) return (await viewsOf(deps, actor, [raced]))[0] as ProjectView;
    throw e;
  }
}

/** The projects of the actor's area (a resident: their own village's), newest first. */
export async function listProjects(
  deps: ProjectDeps,
  ctx: RequestContext,
  q: { villageId?: string; state?: MicroProjectState; page: number; pageSize: number },
): Promise<ProjectPage> {
  const actor = authorize(ctx, 'project.read');
  if (q.villageId) {
    const v = await findRegionInScope(deps.db, actor, q.villageId);
    if (!v || v.level !== 'village') throw projectVillageNotFound();
  }
  const { rows, total } = await pageOfProjects(deps.db, actor.regionPath, q);
  return { items: await viewsOf(deps, actor, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function getProject(deps: ProjectDeps, ctx: RequestContext, id: string): Promise<ProjectView> {
  const actor = authorize(ctx, 'project.read');
  return viewOf(deps, actor, id);
}

/** The project for a cadre's step: in their area (else 404) and in a state the step is allowed from (else 409). */
async function forStep(deps: ProjectDeps, ctx: RequestContext, id: string, step: MicroProjectStep) {
  const actor = authorize(ctx, 'deliberation.manage');
  const p = await projectInScope(deps.db, id, actor.regionPath);
  if (!p) throw projectNotFound();
  if (!microProjectStepAllowed(step, p.state)) throw wrongState();
  return { actor, p };
}

/** Moves the project by `step` with `set`, audits it and tells the proposer, in one transaction (409 if raced). */
async function takeStep(
  deps: ProjectDeps,
  ctx: RequestContext,
  p: ProjectRow,
  step: MicroProjectStep,
  set: Parameters<typeof moveProject>[3],
  told: string,
  more?: (tx: Db) => Promise<void>,
) {
  const ok = await deps.db.transaction(async (tx) => {
    const moved = await moveProject(tx, p.id, MICRO_PROJECT_STEPS[step].from, {
      ...set,
      updatedAt: deps.clock.now(),
    });
    if (!moved) return false;
    await more?.(tx);
    await tellProposer(tx, deps, p, `projects.${step}`, told);
    await recordAudit(tx, deps.clock, ctx, {
      action: `projects.${step}`,
      targetType: 'micro_project',
      targetId: p.id,
      regionPath: p.regionPath,
      detail: { state: set.state },
    });
    return true;
  });
  if (!ok) throw wrongState();
}

/** 审核入库: the project goes on the shortlist for the representatives' meeting. */
export async function shortlistProject(deps: ProjectDeps, ctx: RequestContext, id: string): Promise<ProjectView> {
  const { actor, p } = await forStep(deps, ctx, id, 'shortlist');
  await takeStep(
    deps,
    ctx,
    p,
    'shortlist',
    { state: 'shortlisted' },
    `您提出的“${p.title}”已审核入库，将提交代表会议表决`,
  );
  return viewOf(deps, actor, id);
}

/** Not shortlisted, with the reason the proposer is told. */
export async function rejectProject(
  deps: ProjectDeps,
  ctx: RequestContext,
  id: string,
  reason: string,
): Promise<ProjectView> {
  const { actor, p } = await forStep(deps, ctx, id, 'reject');
  await takeStep(
    deps,
    ctx,
    p,
    'reject',
    { state: 'rejected', rejectReason: reason },
    `您提出的“${p.title}”未能入库：${reason}`,
  );
  return viewOf(deps, actor, id);
}

/**
 * Records one representatives' meeting voting on shortlisted projects of a village. The roll is the
 * village's 村民代表会议 roll now (frozen into the record); the meeting must be quorate (art. 26, by
 * `batchOutcome` → `meetingOutcome`) or nothing is recorded (422). Each project passes on its own votes
 * (approved) or not (not_approved). The result is posted as a 决议 notice; each proposer is told.
 */
export async function recordProjectVote(
  deps: ProjectDeps,
  ctx: RequestContext,
  body: ProjectVoteInput,
): Promise<ProjectVoteResult> {
  const actor = authorize(ctx, 'deliberation.manage');
  const again = await voteOfKey(deps.db, actor.id, body.idempotencyKey);
  if (again) return voteResult(deps, actor, again);
  const village = await findRegionInScope(deps.db, actor, body.villageId);
  if (!village || village.level !== 'village') throw projectVillageNotFound();
  const ids = body.items.map((i) => i.projectId);
  if (new Set(ids).size !== ids.length) throw batchDuplicate();
  const found = await projectsInScope(deps.db, ids, actor.regionPath);
  const projects = ids.map((id) => found.find((p) => p.id === id && p.villageId === village.id));
  if (projects.some((p) => !p)) throw projectNotFound();
  if (projects.some((p) => p && !microProjectStepAllowed('vote', p.state))) throw wrongState();
  const now = deps.clock.now();
  const heldAt = new Date(body.heldAt);
  if (heldAt > now) throw heldAtInvalid();
  const b = await bodyOfVillage(deps.db, village.id, MICRO_PROJECT_VOTING_BODY);
  const members = b ? await currentMembers(deps.db, b.id) : [];
  if (!b || !members.length) throw bodyMissing();
  const expected = members.length;
  if (body.present > expected) throw countsInvalid(`实到人数不能超过应到人数（${expected}）`, 'present');
  const outcome = batchOutcome(expected, body.present, body.items);
  const bad = outcome.items.findIndex((o) => o.problem);
  if (bad >= 0) throw countsInvalid('每个项目的赞成、反对、弃权票数之和不能超过实到人数', `items.${bad}`);
  if (!outcome.quorate) throw notQuorate(outcome.quorumNeeded, expected);
  try {
    const vote = await deps.db.transaction(async (tx) => {
      const v = await insertVote(tx, {
        regionPath: village.path,
        villageId: village.id,
        bodyId: b.id,
        roll: members.map((m) => ({ id: m.id, label: m.label })),
        expected,
        present: body.present,
        quorate: true,
        heldAt,
        place: body.place,
        minutes: body.minutes,
        recordedBy: actor.id,
        recordedByName: actor.displayName,
        idempotencyKey: body.idempotencyKey,
        createdAt: now,
      });
      const lines: string[] = [];
      for (const [i, item] of body.items.entries()) {
        const p = projects[i] as ProjectRow;
        const passed = outcome.items[i]?.passed === true;
        const moved = await moveProject(tx, p.id, MICRO_PROJECT_STEPS.vote.from, {
          state: passed ? 'approved' : 'not_approved',
          voteId: v.id,
          inFavour: item.inFavour,
          against: item.against,
          abstaining: item.abstaining,
          updatedAt: now,
        });
        if (!moved) throw wrongState();
        lines.push(
          `${i + 1}. ${p.title}（${MICRO_PROJECT_CATEGORY_NAMES[p.category]}，预估 ${yuanOfFen(p.estimatedCostFen)} 元）：赞成 ${item.inFavour}，反对 ${item.against}，弃权 ${item.abstaining} —— ${passed ? '通过' : '未通过'}`,
        );
        await tellProposer(
          tx,
          deps,
          p,
          'projects.vote',
          `您提出的“${p.title}”经代表会议表决${passed ? '通过，将安排实施' : '未获通过'}`,
        );
      }
      await publishFromRecord(tx, {
        regionId: village.id,
        category: '决议',
        title: `${village.name}民生微实事项目表决结果`,
        body: [
          `${chinaDayOf(heldAt)} 于${body.place}召开村（居）民代表会议，应到 ${expected} 人，实到 ${body.present} 人，符合《村民委员会组织法》第二十六条规定的到会人数。`,
          '表决结果（经到会代表过半数同意为通过）：',
          ...lines,
        ].join('\n'),
        sourceRef: `micro-projects:vote:${v.id}`,
        at: now,
        by: actor.id,
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'projects.vote',
        targetType: 'micro_project_vote',
        targetId: v.id,
        regionPath: village.path,
        detail: { expected, present: body.present, items: body.items },
      });
      return v;
    });
    return voteResult(deps, actor, vote);
  } catch (e) {
    const raced = isUniqueViolation(e) ? await voteOfKey(deps.db, actor.id, body.idempotencyKey) : null;
    if (raced) return voteResult(deps, actor, raced);
    throw e;
  }
}

async function voteResult(deps: ProjectDeps, actor: Actor, v: VoteRow): Promise<ProjectVoteResult> {
  return { vote: voteView(v), items: await viewsOf(deps, actor, await projectsOfVote(deps.db, v.id)) };
}

/** Implementation of an approved project: implementer, budget (within the cap), due date on the clock engine. */
export async function implementProject(
  deps: ProjectDeps,
  ctx: RequestContext,
  id: string,
  body: ProjectImplement,
): Promise<ProjectView> {
  const { actor, p } = await forStep(deps, ctx, id, 'implement');
  if (body.budgetFen > MICRO_PROJECT_BUDGET_CAP_FEN) throw overCap('budgetFen', CAP_YUAN);
  const now = deps.clock.now();
  if (body.dueOn < chinaDayOf(now)) throw dueInvalid();
  // Due by the end (24:00, Beijing) of the due date.
  const c = publicationClock(now, chinaMidnight(addDays(body.dueOn, 1)));
  const clock = { warnAt: c.warnAt, dueAt: c.deadline };
  await takeStep(
    deps,
    ctx,
    p,
    'implement',
    { state: 'implementing', implementer: body.implementer, budgetFen: body.budgetFen, dueOn: body.dueOn, ...clock },
    `您提出的“${p.title}”已开始实施，计划 ${body.dueOn} 前完成`,
    (tx) => scheduleDeadlines(tx, projectImplementationClock, p.id, implementationLights(clock)),
  );
  return viewOf(deps, actor, id);
}

/** Acceptance: the note, before/after photos, the actual cost; the implementation clock stops. */
export async function completeProject(
  deps: ProjectDeps,
  ctx: RequestContext,
  id: string,
  body: ProjectComplete,
): Promise<ProjectView> {
  const { actor, p } = await forStep(deps, ctx, id, 'complete');
  await checkAttachmentsOwned(deps, body.beforePhotoIds, { userId: actor.id }, 'beforePhotoIds');
  await checkAttachmentsOwned(deps, body.afterPhotoIds, { userId: actor.id }, 'afterPhotoIds');
  await takeStep(
    deps,
    ctx,
    p,
    'complete',
    {
      state: 'completed',
      acceptanceNote: body.acceptanceNote,
      actualCostFen: body.actualCostFen,
      beforePhotoIds: body.beforePhotoIds,
      afterPhotoIds: body.afterPhotoIds,
      completedAt: deps.clock.now(),
    },
    `您提出的“${p.title}”已完成验收`,
    async (tx) => {
      if (p.warnAt && p.dueAt)
        await cancelDeadlines(
          tx,
          projectImplementationClock,
          p.id,
          implementationLights({ warnAt: p.warnAt, dueAt: p.dueAt }),
        );
    },
  );
  return viewOf(deps, actor, id);
}

/** 实施结果公开: the accepted project's result posted on the village's notice board (at least 7 days). */
export async function publishProject(
  deps: ProjectDeps,
  ctx: RequestContext,
  id: string,
  noticeEndsOn: string,
): Promise<ProjectView> {
  const { actor, p } = await forStep(deps, ctx, id, 'publish');
  const now = deps.clock.now();
  if (noticeEndsOn < addDays(chinaDayOf(now), PUBLICATION_TERMS.minimumNoticeDays - 1))
    throw noticeTooShort(PUBLICATION_TERMS.minimumNoticeDays);
  await takeStep(
    deps,
    ctx,
    p,
    'publish',
    { state: 'published', publishedAt: now },
    `您提出的“${p.title}”实施结果已公开`,
    async (tx) => {
      await publishFromRecord(tx, {
        regionId: p.villageId,
        category: '实施结果',
        title: `民生微实事实施结果：${p.title}`,
        body: [
          `项目：${p.title}（${MICRO_PROJECT_CATEGORY_NAMES[p.category]}），地点：${p.place}`,
          `代表会议表决：赞成 ${p.inFavour ?? 0}，反对 ${p.against ?? 0}，弃权 ${p.abstaining ?? 0}`,
          `实施单位：${p.implementer ?? ''}；预算 ${yuanOfFen(p.budgetFen ?? 0)} 元，实际费用 ${yuanOfFen(p.actualCostFen ?? 0)} 元`,
          `验收意见：${p.acceptanceNote ?? ''}`,
          '',
          `公示期至 ${noticeEndsOn}`,
        ].join('\n'),
        sourceRef: `micro-projects:result:${p.id}`,
        at: now,
        by: actor.id,
      });
    },
  );
  return viewOf(deps, actor, id);
}

/** Whether the actor sees a project carrying this photo (for the attachments route). */
export async function seesProjectWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  return can(actor, 'project.read') && projectWithPhoto(db, actor.regionPath, attachmentId);
}
