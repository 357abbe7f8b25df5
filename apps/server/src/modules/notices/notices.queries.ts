import {
  type InquiryView,
  type NoticeBoard,
  type NoticeDetail,
  type NoticeSummary,
  type PublicNotice,
  type ResidentNotices,
  lightAt,
  noticeCadence,
} from '@gewu/domain';
import { type SQL, and, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { authorize, inScope, requireActor } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { findRegionByCode, findRegionInScope } from '../regions/regions.repository.ts';
import { keepsNotices } from './notices.policy.ts';
import {
  type InquiryRow,
  type NoticeRow,
  boardNotices,
  boardSchedules,
  boardSettings,
  inquiriesWhere,
  seriesVersions,
} from './notices.repository.ts';
import { loadBoardRegion, loadNotice } from './notices.service.ts';
import { noticeInquiries } from './notices.table.ts';

type ReadDeps = { db: Db; clock: Clock };

/** The public page of a village/community (no login), also printed as the board's QR code. */
export const publicPathOf = (regionCode: string) => `/p/notices/${regionCode}`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summaryOf(n: NoticeRow, regionName: string): NoticeSummary {
  return {
    id: n.id,
    seriesId: n.seriesId,
    version: n.version,
    rowVersion: n.rowVersion,
    regionId: n.regionId,
    regionName,
    category: n.category,
    title: n.title,
    state: n.state,
    periodFrom: n.periodFrom,
    periodTo: n.periodTo,
    publishedAt: iso(n.publishedAt),
    sourceRef: n.sourceRef,
  };
}

const versionOf = (n: NoticeRow) => ({
  id: n.id,
  version: n.version,
  title: n.title,
  body: n.body,
  state: n.state,
  publishedAt: iso(n.publishedAt),
  supersededAt: iso(n.supersededAt),
  reason: n.reason,
});

/** A question as shown: never the asker's name ("居民", or "我" to the asker). */
function inquiryOf(r: { q: InquiryRow; noticeTitle: string }, now: Date, regionName: string, me?: string): InquiryView {
  const { q } = r;
  return {
    id: q.id,
    noticeId: q.noticeId,
    noticeTitle: r.noticeTitle,
    asker: me && q.askerId === me ? '我' : '居民',
    question: q.question,
    askedAt: q.askedAt.toISOString(),
    answer: q.answer,
    answeredAt: iso(q.answeredAt),
    deadline: q.deadline.toISOString(),
    light: q.answeredAt ? null : lightAt({ warnAt: q.warnAt, deadline: q.deadline }, now),
    regionName,
  };
}

/** The staff's board of a village/community: its duties with their lights, drafts and current notices, open questions. */
export async function getNoticeBoard(deps: ReadDeps, ctx: RequestContext, regionId: string): Promise<NoticeBoard> {
  const actor = authorize(ctx, 'notice.publish');
  const region = await loadBoardRegion(deps.db, actor, regionId);
  const now = deps.clock.now();
  const settings = await boardSettings(deps.db, region.id);
  const schedules = await boardSchedules(deps.db, region.id);
  const rows = await boardNotices(deps.db, region.id, true);
  const open = await inquiriesWhere(
    deps.db,
    and(eq(noticeInquiries.regionPath, region.path), isNull(noticeInquiries.answeredAt)) as SQL,
  );
  return {
    region: { id: region.id, code: region.code, name: region.name },
    settings: { manyFinanceTransactions: settings.manyFinanceTransactions },
    schedules: schedules
      .map((s) => ({
        category: s.category,
        cadence: noticeCadence(s.category, settings).kind as 'quarter' | 'month',
        lastPublishedOn: s.lastPublishedOn,
        dueOn: s.dueOn,
        light: lightAt({ warnAt: s.warnAt, deadline: s.deadline }, now),
      }))
      .sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category)),
    notices: rows.map((n) => summaryOf(n, region.name)),
    openInquiries: open.map((r) => inquiryOf(r, now, region.name)),
    publicPath: publicPathOf(region.code),
  };
}
const ORDER = ['party', 'village', 'finance'];

/** One notice with its versions and questions: staff see every question, a resident the answered ones and their own. */
export async function getNoticeDetail(deps: ReadDeps, ctx: RequestContext, id: string): Promise<NoticeDetail> {
  const actor = requireActor(ctx);
  const n = await loadNotice(deps.db, actor, id);
  const staff = keepsNotices(actor, n.regionPath);
  const region = await findRegionInScope(deps.db, { regionPath: '/' }, n.regionId);
  const regionName = region?.name ?? '';
  const history = await seriesVersions(deps.db, [n.seriesId], staff);
  const questions = await inquiriesWhere(
    deps.db,
    and(
      eq(noticeInquiries.seriesId, n.seriesId),
      staff ? undefined : or(isNotNull(noticeInquiries.answeredAt), eq(noticeInquiries.askerId, actor.id)),
    ) as SQL,
  );
  const now = deps.clock.now();
  return {
    ...summaryOf(n, regionName),
    body: n.body,
    attachmentIds: n.attachmentIds,
    history: history.map(versionOf),
    inquiries: questions.map((r) => inquiryOf(r, now, regionName, staff ? undefined : actor.id)),
  };
}

/** Open questions of the actor's area (the township sees its villages'), the overdue ones only if asked. */
export async function listOpenInquiries(
  deps: ReadDeps,
  ctx: RequestContext,
  overdue: boolean,
): Promise<{ items: InquiryView[] }> {
  const actor = authorize(ctx, 'notice.answer');
  const now = deps.clock.now();
  const rows = await inquiriesWhere(
    deps.db,
    and(
      inScope(actor, noticeInquiries.regionPath),
      isNull(noticeInquiries.answeredAt),
      overdue ? lt(noticeInquiries.deadline, now) : undefined,
    ) as SQL,
  );
  const names = await regionNames(deps.db, actor, [...new Set(rows.map((r) => r.q.regionPath))]);
  return { items: rows.map((r) => inquiryOf(r, now, names.get(r.q.regionPath) ?? '')) };
}

async function regionNames(db: Db, actor: Actor, paths: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of paths) {
    const code = p.split('/').filter(Boolean).pop() ?? '';
    const r = await findRegionByCode(db, code);
    if (r && r.path.startsWith(actor.regionPath)) out.set(p, r.name);
  }
  return out;
}

/**
 * The published notices of a village/community as anyone may read them: the current version of each,
 * its history and its answered questions (no asker, no staff name). The photos' ids only for the
 * village's signed-in residents (`withPhotos`), who may open them; the public page gives their count.
 */
export async function publicNoticesOf(db: Db, regionId: string, withPhotos = false): Promise<PublicNotice[]> {
  const current = await boardNotices(db, regionId, false);
  const series = current.map((n) => n.seriesId);
  const versions = await seriesVersions(db, series);
  const answered = series.length
    ? await inquiriesWhere(
        db,
        and(inArray(noticeInquiries.seriesId, series), isNotNull(noticeInquiries.answeredAt)) as SQL,
      )
    : [];
  return current.map((n) => ({
    id: n.id,
    category: n.category,
    title: n.title,
    body: n.body,
    version: n.version,
    periodFrom: n.periodFrom,
    periodTo: n.periodTo,
    publishedAt: (n.publishedAt as Date).toISOString(),
    attachmentCount: n.attachmentIds.length,
    ...(withPhotos ? { attachmentIds: n.attachmentIds } : {}),
    history: versions.filter((v) => v.seriesId === n.seriesId).map(versionOf),
    inquiries: answered
      .filter((r) => r.q.seriesId === n.seriesId)
      .map(({ q }) => ({
        question: q.question,
        answer: q.answer ?? '',
        askedAt: q.askedAt.toISOString(),
        answeredAt: (q.answeredAt as Date).toISOString(),
      })),
  }));
}

/** The public board of a village/community by its code; null when there is no such village. */
export async function publicBoardByCode(db: Db, code: string) {
  const region = await findRegionByCode(db, code);
  if (!region || region.level !== 'village') return null;
  return { region, notices: await publicNoticesOf(db, region.id) };
}

/** A resident's own village/community: its public notices and the resident's questions. */
export async function residentNotices(deps: ReadDeps, ctx: RequestContext): Promise<ResidentNotices> {
  const actor = requireActor(ctx);
  const region = await findRegionInScope(deps.db, actor, actor.regionId);
  if (!region || region.level !== 'village')
    return { region: { code: actor.regionCode, name: actor.regionName }, notices: [], mine: [], publicPath: '' };
  const mine = await inquiriesWhere(deps.db, eq(noticeInquiries.askerId, actor.id));
  const now = deps.clock.now();
  return {
    region: { code: region.code, name: region.name },
    notices: await publicNoticesOf(deps.db, region.id, true),
    mine: mine.map((r) => inquiryOf(r, now, region.name, actor.id)),
    publicPath: publicPathOf(region.code),
  };
}
