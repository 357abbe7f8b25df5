import {
  type InspectionCreate,
  type InspectionItem,
  type InspectionPlaceKind,
  type InspectionView,
  addDays,
  answersProblem,
  chinaMidnight,
  outcomeOf,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, can } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { isUniqueViolation } from '../cases/cases.intake.ts';
import {
  badAnswer,
  duplicateItem,
  inspectionNotFound,
  missingItems,
  performedInFuture,
  photoRequired,
  placeNotFound,
  templateNotForPlace,
  templateNotFound,
  unknownItem,
  regionNotFound,
} from './inspections.errors.ts';
import {
  type AnswerRow,
  type InspectionFilter,
  type InspectionRow,
  type TemplateRow,
  answersOf,
  figuresOf,
  inspectionInScope,
  inspectionOfClient,
  inspectionWithPhoto,
  insertInspection,
  lastInspection,
  pageOfInspections,
  placeInScope,
  templateById,
  templatesByIds,
} from './inspections.repository.ts';
import { ensureDefaultTemplates } from './templates.service.ts';
import { actorWithin } from '../regions/regions.repository.ts';

export type InspectionDeps = { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;

const PROBLEM_ERRORS = {
  unknown_item: unknownItem,
  duplicate_item: duplicateItem,
  bad_answer: badAnswer,
  missing_items: missingItems,
  photo_required: photoRequired,
} as const;

function viewOf(i: InspectionRow, t: TemplateRow | undefined, answers: AnswerRow[]): InspectionView {
  const items = new Map((t?.items ?? []).map((it) => [it.key, it]));
  const order = (k: string) => (t?.items ?? []).findIndex((it) => it.key === k);
  return {
    id: i.id,
    templateId: i.templateId,
    templateKey: i.templateKey,
    templateVersion: t?.version ?? 0,
    templateName: t?.name ?? '',
    placeKind: i.placeKind,
    placeId: i.placeId,
    placeName: i.placeName,
    placeType: i.placeType,
    gridId: i.gridId,
    inspectorName: i.inspectorName,
    performedAt: i.performedAt.toISOString(),
    failedCount: i.failedCount,
    note: i.note,
    answers: answers
      .filter((a) => a.inspectionId === i.id)
      .sort((a, b) => order(a.itemKey) - order(b.itemKey))
      .map((a) => ({
        key: a.itemKey,
        text: items.get(a.itemKey)?.text ?? a.itemKey,
        result: a.result,
        value: a.value,
        note: a.note,
        photoIds: a.photoIds,
        caseId: a.caseId,
        caseCode: a.caseCode,
      })),
    createdAt: i.createdAt.toISOString(),
  };
}

async function viewsOf(db: Db, rows: InspectionRow[], withAnswers: boolean): Promise<InspectionView[]> {
  const templates = new Map(
    (await templatesByIds(db, [...new Set(rows.map((r) => r.templateId))])).map((t) => [t.id, t]),
  );
  const answers = withAnswers
    ? await answersOf(
        db,
        rows.map((r) => r.id),
      )
    : [];
  return rows.map((r) => viewOf(r, templates.get(r.templateId), answers));
}

/** One inspection of the actor's area with its answers, each read against its own template version. */
export async function inspectionView(db: Db, actor: Pick<Actor, 'regionPath'>, id: string): Promise<InspectionView> {
  const row = await inspectionInScope(db, id, actor.regionPath);
  if (!row) throw inspectionNotFound();
  return (await viewsOf(db, [row], true))[0] as InspectionView;
}

/**
 * A grid worker records an inspection of a place of their area against a template version in force
 * there. Every answer must name an item of that version; required items answered; a failed item that
 * needs a photo has one. Idempotent by the phone's `clientId` (its outbox retries): the same id gets
 * the inspection it made, `created: false`.
 */
export async function recordInspection(
  deps: InspectionDeps,
  ctx: RequestContext,
  body: InspectionCreate,
): Promise<{ created: boolean; inspection: InspectionView }> {
  const actor = authorize(ctx, 'inspection.perform');
  const again = await inspectionOfClient(deps.db, actor.id, body.clientId);
  if (again) return { created: false, inspection: await inspectionView(deps.db, actor, again.id) };
  const place = await placeInScope(deps.db, body.place.kind, body.place.id, actor.regionPath);
  if (!place) throw placeNotFound();
  await ensureDefaultTemplates(deps);
  const template = await templateById(deps.db, body.templateId);
  if (!template || !place.regionPath.startsWith(template.regionPath)) throw templateNotFound();
  if (!template.placeTypes.includes(body.placeType)) throw templateNotForPlace();
  const performedAt = new Date(body.performedAt);
  const now = deps.clock.now();
  if (performedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw performedInFuture();
  const problem = answersProblem(template.items, body.answers);
  if (problem) throw PROBLEM_ERRORS[problem.code](problem.keys);
  await checkAttachmentsOwned(
    deps,
    body.answers.flatMap((a) => a.photoIds),
    { userId: actor.id },
    'answers.photoIds',
  );
  const items = new Map(template.items.map((i) => [i.key, i]));
  const answers = body.answers.map((a) => ({
    itemKey: a.key,
    result: outcomeOf(items.get(a.key) as InspectionItem, a) ?? 'na',
    value: a.result === 'na' ? null : (a.value ?? null),
    note: a.note ?? null,
    photoIds: a.photoIds,
  }));
  const failedCount = answers.filter((a) => a.result === 'fail').length;
  try {
    const id = await deps.db.transaction(async (tx) => {
      const iid = await insertInspection(
        tx,
        {
          clientId: body.clientId,
          templateId: template.id,
          templateKey: template.key,
          placeKind: body.place.kind,
          placeId: place.id,
          placeName: place.name,
          placeType: body.placeType,
          regionPath: place.regionPath,
          gridId: place.gridId,
          lon: body.location?.lon ?? place.lon,
          lat: body.location?.lat ?? place.lat,
          inspectorId: actor.id,
          inspectorName: actor.displayName,
          performedAt,
          failedCount,
          note: body.note ?? null,
          createdAt: now,
        },
        answers,
      );
      await recordAudit(tx, deps.clock, ctx, {
        action: 'inspection.record',
        targetType: 'inspection',
        targetId: iid,
        regionPath: place.regionPath,
        detail: { templateKey: template.key, version: template.version, failed: failedCount },
      });
      return iid;
    });
    return { created: true, inspection: await inspectionView(deps.db, actor, id) };
  } catch (e) {
    const raced = isUniqueViolation(e) ? await inspectionOfClient(deps.db, actor.id, body.clientId) : null;
    if (raced) return { created: false, inspection: await inspectionView(deps.db, actor, raced.id) };
    throw e;
  }
}

/** Inspections of the actor's area (a grid worker's village, the centre's township), newest first. */
/** The area's inspections, newest first; `from`..`to` are China days, both included (as the figures'). */
export async function listInspections(
  deps: InspectionDeps,
  ctx: RequestContext,
  { from, to, ...q }: Omit<InspectionFilter, 'start' | 'end'> & { from?: string; to?: string },
) {
  const actor = authorize(ctx, 'inspection.read');
  const { rows, total } = await pageOfInspections(deps.db, actor.regionPath, {
    ...q,
    start: from ? chinaMidnight(from) : undefined,
    end: to ? chinaMidnight(addDays(to, 1)) : undefined,
  });
  return { items: (await viewsOf(deps.db, rows, false)).map(({ answers: _, ...rest }) => rest), total };
}

export async function getInspection(deps: InspectionDeps, ctx: RequestContext, id: string): Promise<InspectionView> {
  const actor = authorize(ctx, 'inspection.read');
  return inspectionView(deps.db, actor, id);
}

/** A repeat inspection starts from the place's last result with the same template: each item's earlier answer. */
export async function lastResult(
  deps: InspectionDeps,
  ctx: RequestContext,
  q: { placeKind: InspectionPlaceKind; placeId: string; templateKey: string },
): Promise<{ last: InspectionView | null }> {
  const actor = authorize(ctx, 'inspection.read');
  if (!(await placeInScope(deps.db, q.placeKind, q.placeId, actor.regionPath))) throw placeNotFound();
  const row = await lastInspection(deps.db, actor.regionPath, q.placeKind, q.placeId, q.templateKey);
  return { last: row ? ((await viewsOf(deps.db, [row], true))[0] as InspectionView) : null };
}

/** Inspections and failed items of the actor's area for the China days `from`..`to` (both included). */
export async function inspectionFigures(
  deps: InspectionDeps,
  ctx: RequestContext,
  q: { from: string; to: string; regionId?: string },
) {
  const whole = authorize(ctx, 'inspection.read');
  const actor = q.regionId ? await actorWithin(deps.db, whole, q.regionId) : whole;
  if (!actor) throw regionNotFound();
  const { byTemplate, casesMade } = await figuresOf(
    deps.db,
    actor.regionPath,
    chinaMidnight(q.from),
    chinaMidnight(addDays(q.to, 1)),
  );
  const sum = (f: (r: (typeof byTemplate)[number]) => number) => byTemplate.reduce((n, r) => n + f(r), 0);
  return {
    inspections: sum((r) => r.inspections),
    withFailures: sum((r) => r.withFailures),
    failedItems: sum((r) => r.failedItems),
    casesMade,
    byTemplate: byTemplate.map(({ templateKey, inspections, failedItems }) => ({
      templateKey,
      inspections,
      failedItems,
    })),
  };
}

/** Whether the actor sees an inspection carrying this photo (for the attachments route). */
export async function seesInspectionWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  return can(actor, 'inspection.read') && inspectionWithPhoto(db, actor.regionPath, attachmentId);
}
