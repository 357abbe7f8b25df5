import { z } from 'zod';
import { caseSummarySchema } from './cases-contracts.ts';
import { caseStateSchema } from './cases.ts';

/**
 * What the case chain's helper views answer — declared once, used by the routes' response schemas
 * (which also strip anything a service returns beyond them) and by the web client's types.
 */

/** One page of GET /api/cases; past the server's counting limit `total` is a floor and `totalCapped` is set. */
export const casePageSchema = z.object({
  items: z.array(caseSummarySchema),
  total: z.number(),
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});
export type CasePage = z.infer<typeof casePageSchema>;

/** What POST /api/cases answers: 201 with the new case, or 200 and `created: false` for a retried idempotency key. */
export const reportResultSchema = z.object({
  id: z.string(),
  code: z.string(),
  state: caseStateSchema,
  created: z.boolean(),
  version: z.number(),
});
export type ReportResult = z.infer<typeof reportResultSchema>;

/** 并案 suggestions: same item, within 50 m, last 7 days. */
export const duplicateCaseSchema = caseSummarySchema.extend({ distanceM: z.number() });
export type DuplicateCase = z.infer<typeof duplicateCaseSchema>;
export const duplicatesViewSchema = z.object({ items: z.array(duplicateCaseSchema) });
export type DuplicatesView = z.infer<typeof duplicatesViewSchema>;

/** The grid worker's current load (cases held, cases waiting for their verification). */
export const gridWorkerLoadSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionName: z.string(),
  holding: z.number(),
  verifying: z.number(),
});
export type GridWorkerLoad = z.infer<typeof gridWorkerLoadSchema>;
export const gridWorkerLoadsViewSchema = z.object({ items: z.array(gridWorkerLoadSchema) });
export type GridWorkerLoadsView = z.infer<typeof gridWorkerLoadsViewSchema>;

/** 派遣建议: the item's rules, the recommended target, and the candidates. */
export const dispatchProposalSchema = z.object({
  item: z.object({
    code: z.string(),
    name: z.string(),
    departmentKind: z.string(),
    gridEligible: z.boolean(),
    negativeList: z.boolean(),
    admitted: z.boolean(),
  }),
  recommended: z
    .union([
      z.object({ kind: z.literal('unit'), unitId: z.string() }),
      z.object({ kind: z.literal('grid_worker'), userId: z.string() }),
    ])
    .nullable(),
  units: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), regionName: z.string(), responsible: z.boolean() }),
  ),
  gridWorkers: z.array(
    z.object({ id: z.string(), name: z.string(), ownGrid: z.boolean(), holding: z.number(), verifying: z.number() }),
  ),
});
export type DispatchProposal = z.infer<typeof dispatchProposalSchema>;

/** The assessment rates of domain.md, each with the counts it comes from (null when nothing was due). */
export const RATE_KEYS = [
  'closure', // 结案率
  'onTimeClosure', // 按期结案率
  'overdue', // 超期率
  'rework', // 返工率
  'dispatchAccuracy', // 准确派遣率
  'onTimeDispatch', // 按时派遣率
  'validReports', // 有效上报率
  'solvedWithinArea', // 辖域内解决率
  'response', // 响应率
  'resolution', // 解决率
  'satisfaction', // 满意率
] as const;
export type RateKey = (typeof RATE_KEYS)[number];

const count = z.number().int();
export const figureCountsSchema = z.object({
  reported: count,
  accepted: count,
  closed: count,
  closedOnTime: count,
  closedOverdue: count,
  closedWithinLevel: count,
  openOverdue: count,
  handled: count,
  reworked: count,
  rated: count,
  satisfied: count,
  basicallySatisfied: count,
  resolved: count,
  contactedInTime: count,
  due: count,
  dispatched: count,
  dispatchedOnTime: count,
  returned: count,
  /** Dispatched to a unit of another kind than the item's department and not returned (counts against 准确派遣率). */
  mismatched: count,
});
export type FigureCounts = z.infer<typeof figureCountsSchema>;
export const figureRowSchema = z.object({
  key: z.string().nullable(),
  name: z.string(),
  counts: figureCountsSchema,
  rates: z.object(
    Object.fromEntries(RATE_KEYS.map((k) => [k, z.number().nullable()])) as Record<RateKey, z.ZodNullable<z.ZodNumber>>,
  ),
});
export type FigureRow = z.infer<typeof figureRowSchema>;
export const caseFiguresViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['unit', 'grid']),
  items: z.array(figureRowSchema),
});
export type CaseFiguresView = z.infer<typeof caseFiguresViewSchema>;

/** The in-app inbox. */
export const notificationViewSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  caseId: z.string().nullable(),
  /** What it is about (a case, a dispute …), for the link from the inbox. */
  subject: z.object({ kind: z.string(), id: z.string() }).nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;
export const inboxViewSchema = z.object({ items: z.array(notificationViewSchema), unread: z.number().int() });
export type InboxView = z.infer<typeof inboxViewSchema>;
export const markedReadSchema = z.object({ marked: z.number().int() });
export type MarkedRead = z.infer<typeof markedReadSchema>;
