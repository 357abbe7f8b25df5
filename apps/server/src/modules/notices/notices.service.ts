import {
  type AskInquiryBody,
  type CreateNoticeBody,
  type NoticeBoardSettings,
  type NoticeCategory,
  type SupersedeNoticeBody,
  type UpdateNoticeBody,
  NOTICE_CATEGORY_NAMES,
  NOTICE_INQUIRY_ANSWER_LIMIT,
  PERIODIC_NOTICE_CATEGORIES,
  type PeriodicNoticeCategory,
} from '@gewu/domain';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { authorize, can, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { stageClock } from '../../platform/clocks/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { isUniqueViolation } from '../cases/cases.intake.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import {
  inquiryAnswered,
  inquiryNotFound,
  noticeNotCurrent,
  noticeNotDraft,
  noticeNotFound,
  noticePeriodInvalid,
  noticePublishedImmutable,
  noticeRegionInvalid,
  noticeStale,
  recordCategoryInvalid,
} from './notices.errors.ts';
import { keepsNotices, visibleNotices } from './notices.policy.ts';
import {
  type InquiryRow,
  type NoticeRow,
  answerOpenInquiry,
  findInquiryByKey,
  findInquiryWhere,
  findNoticeByKey,
  findNoticeFromRecord,
  findNoticeWhere,
  insertInquiry,
  insertNotice,
  markSuperseded,
  refreshSchedules,
  saveBoardSettings,
  updateDraft,
} from './notices.repository.ts';
import { noticeInquiries, type notices } from './notices.table.ts';

export type NoticesDeps = { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

const isPeriodic = (c: NoticeCategory): c is PeriodicNoticeCategory =>
  (PERIODIC_NOTICE_CATEGORIES as readonly string[]).includes(c);

/** A village/community of the actor's area whose notices they keep, or 404. */
export async function loadBoardRegion(db: Db, actor: Actor, regionId: string) {
  const region = await findRegionInScope(db, actor, regionId);
  if (!region || region.level !== 'village' || !keepsNotices(actor, region.path)) throw noticeRegionInvalid();
  return region;
}

/** Loads a notice the actor may read, or 404 (an out-of-scope notice, or a draft for a resident, does not exist). */
export async function loadNotice(db: Db, actor: Actor, id: string): Promise<NoticeRow> {
  const row = await findNoticeWhere(db, id, visibleNotices(actor));
  if (!row) throw noticeNotFound();
  return row;
}

/** A notice the actor keeps (staff of its area), or 404. */
async function loadKeptNotice(db: Db, actor: Actor, id: string): Promise<NoticeRow> {
  const row = await loadNotice(db, actor, id);
  if (!keepsNotices(actor, row.regionPath)) throw noticeNotFound();
  return row;
}

/**
 * After a publication: the board's schedule of the category restarts from today (art. 30). `offset` is
 * the calendar's UTC offset, read before the transaction (never a second connection inside it).
 */
async function afterPublication(db: Db, row: NoticeRow, now: Date, offset: number) {
  if (!isPeriodic(row.category)) return;
  await refreshSchedules(db, { id: row.regionId, path: row.regionPath }, now, offset, row.category);
}
const calendarOffset = async (deps: NoticesDeps) => (await getWorkCalendar(deps)).utcOffsetMinutes;

/**
 * Runs a keyed write once: a retry that lost the race to its own first attempt (a unique violation on
 * the key) gets what that attempt wrote; any other unique violation is `conflict` (when given).
 */
async function onceByKey<T>(write: () => Promise<T>, again: () => Promise<T | null>, conflict?: () => Error) {
  try {
    return await write();
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const row = await again();
    if (row) return row;
    throw conflict ? conflict() : e;
  }
}

/** The first version of a new series (a notice's line of versions). */
function firstVersion(values: Omit<typeof notices.$inferInsert, 'id' | 'seriesId' | 'version'>) {
  const id = randomUUID();
  return { ...values, id, seriesId: id, version: 1 };
}

/** Composes a draft for a village/community (a retry with the same key gets the same draft). */
export async function createNotice(deps: NoticesDeps, ctx: RequestContext, body: CreateNoticeBody): Promise<NoticeRow> {
  const actor = authorize(ctx, 'notice.publish');
  const again = await findNoticeByKey(deps.db, actor.id, body.idempotencyKey);
  if (again) return again;
  const region = await loadBoardRegion(deps.db, actor, body.regionId);
  await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id });
  return onceByKey(
    () =>
      deps.db.transaction(async (tx) => {
        const row = await insertNotice(
          tx,
          firstVersion({
            regionId: region.id,
            regionPath: region.path,
            category: body.category,
            title: body.title,
            body: body.body,
            periodFrom: body.periodFrom,
            periodTo: body.periodTo,
            attachmentIds: body.attachmentIds,
            state: 'draft',
            idempotencyKey: body.idempotencyKey,
            createdBy: actor.id,
            createdAt: deps.clock.now(),
          }),
        );
        await recordAudit(tx, deps.clock, ctx, {
          action: 'notice.create',
          targetType: 'notice',
          targetId: row.id,
          regionPath: region.path,
          detail: { category: body.category },
        });
        ctx.audited = true;
        return row;
      }),
    () => findNoticeByKey(deps.db, actor.id, body.idempotencyKey),
  );
}

/** Edits a draft; a published or superseded notice is refused (409 notice.published_immutable) and stays as it was. */
export async function updateNotice(deps: NoticesDeps, ctx: RequestContext, id: string, body: UpdateNoticeBody) {
  const actor = authorize(ctx, 'notice.publish');
  const row = await loadKeptNotice(deps.db, actor, id);
  if (row.state !== 'draft') throw noticePublishedImmutable();
  if (row.rowVersion !== body.version) throw noticeStale();
  const { version, ...changes } = body;
  const from = changes.periodFrom === undefined ? row.periodFrom : changes.periodFrom;
  const to = changes.periodTo === undefined ? row.periodTo : changes.periodTo;
  if (from && to && from > to) throw noticePeriodInvalid();
  if (changes.attachmentIds)
    await checkAttachmentsOwned(deps, changes.attachmentIds, { userId: actor.id }, 'attachmentIds', row.attachmentIds);
  return deps.db.transaction(async (tx) => {
    const updated = await updateDraft(tx, id, version, changes);
    if (!updated) throw noticeStale();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'notice.update',
      targetType: 'notice',
      targetId: id,
      regionPath: row.regionPath,
      detail: { fields: Object.keys(changes) },
    });
    ctx.audited = true;
    return updated;
  });
}

/** Publishes a draft; its category's schedule restarts from today. */
export async function publishNotice(deps: NoticesDeps, ctx: RequestContext, id: string, version: number) {
  const actor = authorize(ctx, 'notice.publish');
  const row = await loadKeptNotice(deps.db, actor, id);
  if (row.state !== 'draft') throw noticeNotDraft();
  if (row.rowVersion !== version) throw noticeStale();
  const now = deps.clock.now();
  const offset = await calendarOffset(deps);
  return deps.db.transaction(async (tx) => {
    const published = await updateDraft(tx, id, version, {
      state: 'published',
      publishedAt: now,
      publishedBy: actor.id,
    });
    if (!published) throw noticeStale();
    await afterPublication(tx, published, now, offset);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'notice.publish',
      targetType: 'notice',
      targetId: id,
      regionPath: row.regionPath,
      detail: { category: row.category },
    });
    ctx.audited = true;
    return published;
  });
}

/**
 * Corrects a published notice: a new version of its series is published at once with the reason, the
 * old one is kept as superseded (visible in the history). A retry with the same key gets the same version.
 */
export async function supersedeNotice(deps: NoticesDeps, ctx: RequestContext, id: string, body: SupersedeNoticeBody) {
  const actor = authorize(ctx, 'notice.publish');
  const again = await findNoticeByKey(deps.db, actor.id, body.idempotencyKey);
  if (again) return again;
  const old = await loadKeptNotice(deps.db, actor, id);
  if (old.state !== 'published') throw noticeNotCurrent();
  if (old.rowVersion !== body.version) throw noticeStale();
  // The photos the published version had may stay whoever put them up; new ones must be the editor's.
  await checkAttachmentsOwned(deps, body.attachmentIds, { userId: actor.id }, 'attachmentIds', old.attachmentIds);
  const now = deps.clock.now();
  const offset = await calendarOffset(deps);
  return onceByKey(
    () =>
      deps.db.transaction(async (tx) => {
        if (!(await markSuperseded(tx, old.id, now))) throw noticeStale();
        const row = await insertNotice(tx, {
          id: randomUUID(),
          seriesId: old.seriesId,
          version: old.version + 1,
          regionId: old.regionId,
          regionPath: old.regionPath,
          category: old.category,
          title: body.title,
          body: body.body,
          periodFrom: body.periodFrom,
          periodTo: body.periodTo,
          attachmentIds: body.attachmentIds,
          state: 'published',
          reason: body.reason,
          sourceRef: old.sourceRef,
          idempotencyKey: body.idempotencyKey,
          createdBy: actor.id,
          createdAt: now,
          publishedAt: now,
          publishedBy: actor.id,
        });
        await afterPublication(tx, row, now, offset);
        await recordAudit(tx, deps.clock, ctx, {
          action: 'notice.supersede',
          targetType: 'notice',
          targetId: row.id,
          regionPath: old.regionPath,
          detail: { supersedes: old.id, version: row.version },
        });
        ctx.audited = true;
        return row;
      }),
    () => findNoticeByKey(deps.db, actor.id, body.idempotencyKey),
    noticeStale,
  );
}

/** Sets a board's monthly-finances setting (art. 30) and recounts its due dates. */
export async function setBoardSettings(
  deps: NoticesDeps,
  ctx: RequestContext,
  regionId: string,
  settings: NoticeBoardSettings,
) {
  const actor = authorize(ctx, 'notice.publish');
  const region = await loadBoardRegion(deps.db, actor, regionId);
  const cal = await getWorkCalendar(deps);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await saveBoardSettings(tx, region, settings, now);
    await refreshSchedules(tx, region, now, cal.utcOffsetMinutes, null);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'notice.board_settings',
      targetType: 'region',
      targetId: region.id,
      regionPath: region.path,
      detail: { ...settings },
    });
    ctx.audited = true;
  });
}

/**
 * 质询: a resident asks about a published notice of their own village/community; the answer is due
 * within NOTICE_INQUIRY_ANSWER_LIMIT on the clock engine. A retry with the same key gets the same question.
 */
export async function askInquiry(
  deps: NoticesDeps,
  ctx: RequestContext,
  noticeId: string,
  body: AskInquiryBody,
): Promise<InquiryRow> {
  const actor = authorize(ctx, 'case.report');
  const again = await findInquiryByKey(deps.db, actor.id, body.idempotencyKey);
  if (again) return again;
  const notice = await loadNotice(deps.db, actor, noticeId);
  if (notice.state === 'draft') throw noticeNotFound();
  const now = deps.clock.now();
  const clock = stageClock('answer', now, NOTICE_INQUIRY_ANSWER_LIMIT, await getWorkCalendar(deps));
  return onceByKey(
    () =>
      deps.db.transaction(async (tx) => {
        const row = await insertInquiry(tx, {
          noticeId: notice.id,
          seriesId: notice.seriesId,
          regionPath: notice.regionPath,
          askerId: actor.id,
          question: body.question,
          askedAt: now,
          warnAt: new Date(clock.warnAt),
          deadline: new Date(clock.deadline),
          idempotencyKey: body.idempotencyKey,
        });
        await recordAudit(tx, deps.clock, ctx, {
          action: 'notice.inquiry_ask',
          targetType: 'notice_inquiry',
          targetId: row.id,
          regionPath: notice.regionPath,
          detail: { noticeId: notice.id },
        });
        ctx.audited = true;
        return row;
      }),
    () => findInquiryByKey(deps.db, actor.id, body.idempotencyKey),
  );
}

/** Answers a question of the actor's area (published beside the notice, the asker left out); its clock stops. */
export async function answerInquiry(deps: NoticesDeps, ctx: RequestContext, id: string, answer: string) {
  const actor = authorize(ctx, 'notice.answer');
  const q = await findInquiryWhere(deps.db, id, inScope(actor, noticeInquiries.regionPath));
  if (!q || !can(actor, 'notice.answer', q.regionPath)) throw inquiryNotFound();
  if (q.answeredAt) throw inquiryAnswered();
  return deps.db.transaction(async (tx) => {
    const row = await answerOpenInquiry(tx, q, { answer, answeredAt: deps.clock.now(), answeredBy: actor.id });
    if (!row) throw inquiryAnswered();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'notice.inquiry_answer',
      targetType: 'notice_inquiry',
      targetId: id,
      regionPath: q.regionPath,
    });
    ctx.audited = true;
    return row;
  });
}

export interface RecordPublication {
  regionId: string;
  category: '决议' | '实施结果';
  title: string;
  body: string;
  /** The record it comes from (e.g. `deliberation-meeting:<id>`): publishing the same record twice gives the first notice. */
  sourceRef: string;
  /** When (the caller's clock; default now) and by whom (default: the system). */
  at?: Date;
  by?: string | null;
}

/**
 * 决议公开 / 实施结果公开 from a meeting record (四议两公开): publishes the notice at once, inside the
 * caller's transaction, for the village/community `regionId` — the deliberation module calls it when a
 * resolution is recorded or its implementation result is. Idempotent by `sourceRef`.
 */
export async function publishFromRecord(tx: Db, input: RecordPublication): Promise<NoticeRow> {
  const entry = Object.entries(NOTICE_CATEGORY_NAMES).find(([, name]) => name === input.category);
  const category = entry?.[0] as NoticeCategory | undefined;
  if (category !== 'resolution' && category !== 'result') throw recordCategoryInvalid();
  const existing = await findNoticeFromRecord(tx, input.regionId, input.sourceRef);
  if (existing) return existing;
  const region = await regionById(tx, input.regionId);
  if (!region || region.level !== 'village') throw noticeRegionInvalid();
  const at = input.at ?? new Date();
  return insertNotice(
    tx,
    firstVersion({
      regionId: region.id,
      regionPath: region.path,
      category,
      title: input.title,
      body: input.body,
      state: 'published',
      sourceRef: input.sourceRef,
      createdBy: input.by ?? null,
      createdAt: at,
      publishedAt: at,
      publishedBy: input.by ?? null,
    }),
  );
}

async function regionById(db: Db, id: string) {
  // The whole tree: the record's module has already checked its own scope.
  return findRegionInScope(db, { regionPath: '/' }, id);
}
