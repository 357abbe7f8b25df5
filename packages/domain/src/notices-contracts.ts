import { z } from 'zod';
import { localDateSchema } from './calendar.ts';
import { NOTICE_CATEGORIES, NOTICE_LIMITS } from './notices.ts';
import { safeString } from './text.ts';

/*
 * The contracts of 村(居)务公开: what staff send to compose, publish and supersede notices and answer
 * questions (质询), what a resident sends to ask one, and what each side is shown. No view carries an
 * asker's name: staff and the public alike see "居民" and the day it was asked.
 */

const L = NOTICE_LIMITS;
export const noticeCategorySchema = z.enum(NOTICE_CATEGORIES);
const key = safeString().trim().min(8).max(100);
const content = {
  title: safeString().trim().min(L.titleMin, '请填写公开标题').max(L.titleMax),
  body: safeString().trim().min(1, '请填写公开内容').max(L.bodyMax),
  /** The period the notice covers (e.g. the quarter of a financial statement); both or neither. */
  periodFrom: localDateSchema.nullable().default(null),
  periodTo: localDateSchema.nullable().default(null),
  attachmentIds: z.array(z.string().uuid()).max(L.attachmentsMax).default([]),
};
const periodOrdered = (v: { periodFrom?: string | null; periodTo?: string | null }) =>
  !v.periodFrom || !v.periodTo || v.periodFrom <= v.periodTo;
const PERIOD_MESSAGE = { message: '公开期间的结束日期不能早于开始日期', path: ['periodTo'] };

/** A draft: composed for a village/community, published later. */
export const createNoticeBodySchema = z
  .strictObject({ regionId: z.string().uuid(), category: noticeCategorySchema, ...content, idempotencyKey: key })
  .refine(periodOrdered, PERIOD_MESSAGE);
export type CreateNoticeBody = z.infer<typeof createNoticeBodySchema>;

/** Edits a draft (a published notice cannot be edited: it is superseded). */
export const updateNoticeBodySchema = z
  .strictObject({
    version: z.number().int().min(1).max(2_000_000_000),
    title: content.title.optional(),
    body: content.body.optional(),
    periodFrom: localDateSchema.nullable().optional(),
    periodTo: localDateSchema.nullable().optional(),
    attachmentIds: z.array(z.string().uuid()).max(L.attachmentsMax).optional(),
  })
  .refine(periodOrdered, PERIOD_MESSAGE);
export type UpdateNoticeBody = z.infer<typeof updateNoticeBodySchema>;

export const publishNoticeBodySchema = z.strictObject({ version: z.number().int().min(1).max(2_000_000_000) });

/** A new version of a published notice, published at once; the old one stays visible as superseded. */
export const supersedeNoticeBodySchema = z
  .strictObject({
    version: z.number().int().min(1).max(2_000_000_000),
    ...content,
    reason: safeString().trim().min(L.reasonMin, '请填写更正原因').max(L.reasonMax),
    idempotencyKey: key,
  })
  .refine(periodOrdered, PERIOD_MESSAGE);
export type SupersedeNoticeBody = z.infer<typeof supersedeNoticeBodySchema>;

export const noticeBoardSettingsBodySchema = z.strictObject({ manyFinanceTransactions: z.boolean() });

export const askInquiryBodySchema = z.strictObject({
  question: safeString().trim().min(L.questionMin, '请填写质询内容').max(L.questionMax),
  idempotencyKey: key,
});
export type AskInquiryBody = z.infer<typeof askInquiryBodySchema>;

export const answerInquiryBodySchema = z.strictObject({
  answer: safeString().trim().min(L.answerMin, '请填写答复内容').max(L.answerMax),
});

export const inquiryListQuerySchema = z.strictObject({ overdue: z.enum(['true', 'false']).optional() });

const light = z.enum(['green', 'yellow', 'red']);
export const NOTICE_STATES = ['draft', 'published', 'superseded'] as const;

export const noticeSummarySchema = z.object({
  id: z.string(),
  /** The notice's line of versions (one per supersession). */
  seriesId: z.string(),
  version: z.number(),
  /** The row's optimistic-lock version (edits and publication send it). */
  rowVersion: z.number(),
  regionId: z.string(),
  regionName: z.string(),
  category: noticeCategorySchema,
  title: z.string(),
  state: z.enum(NOTICE_STATES),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Where a resolution or result came from (a deliberation record), else null. */
  sourceRef: z.string().nullable(),
});
export type NoticeSummary = z.infer<typeof noticeSummarySchema>;

export const noticeVersionSchema = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  state: z.enum(NOTICE_STATES),
  publishedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  /** Why this version replaced the one before (null for the first). */
  reason: z.string().nullable(),
});

export const inquiryViewSchema = z.object({
  id: z.string(),
  noticeId: z.string(),
  noticeTitle: z.string(),
  /** Never the asker's name: "居民" (or "我" for the asker). */
  asker: z.string(),
  question: z.string(),
  askedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  deadline: z.string(),
  /** The answer's clock while it is open; null once answered. */
  light: light.nullable(),
  regionName: z.string(),
});
export type InquiryView = z.infer<typeof inquiryViewSchema>;

export const noticeDetailSchema = noticeSummarySchema.extend({
  body: z.string(),
  attachmentIds: z.array(z.string()),
  history: z.array(noticeVersionSchema),
  inquiries: z.array(inquiryViewSchema),
});
export type NoticeDetail = z.infer<typeof noticeDetailSchema>;

export const noticeScheduleSchema = z.object({
  category: noticeCategorySchema,
  cadence: z.enum(['quarter', 'month']),
  lastPublishedOn: z.string().nullable(),
  dueOn: z.string(),
  light,
});

export const noticeBoardSchema = z.object({
  region: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  settings: z.object({ manyFinanceTransactions: z.boolean() }),
  /** The periodic duties (art. 30) once the board runs (from its first publication). */
  schedules: z.array(noticeScheduleSchema),
  /** Drafts and the current version of every published notice, newest first. */
  notices: z.array(noticeSummarySchema),
  openInquiries: z.array(inquiryViewSchema),
  /** The address of the public page (for the QR code). */
  publicPath: z.string(),
});
export type NoticeBoard = z.infer<typeof noticeBoardSchema>;

/** A published notice as residents and the public page see it: current version, history and answered questions. */
export const publicNoticeSchema = z.object({
  id: z.string(),
  category: noticeCategorySchema,
  title: z.string(),
  body: z.string(),
  version: z.number(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  publishedAt: z.string(),
  attachmentCount: z.number(),
  /** The photos, for the village's signed-in residents only (the public page shows the count). */
  attachmentIds: z.array(z.string()).optional(),
  history: z.array(noticeVersionSchema),
  inquiries: z.array(
    z.object({ question: z.string(), answer: z.string(), askedAt: z.string(), answeredAt: z.string() }),
  ),
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const residentNoticesSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  notices: z.array(publicNoticeSchema),
  /** The resident's own questions, answered or not. */
  mine: z.array(inquiryViewSchema),
  publicPath: z.string(),
});
export type ResidentNotices = z.infer<typeof residentNoticesSchema>;
