import { z } from 'zod';
import { safeString, intField } from './text.ts';
import { CASE_ACTIONS, CASE_CHANNELS, CASE_LEVELS, CASE_STATES, RATINGS } from './cases.ts';
import { crsSchema } from './grids.ts';
import { CASE_ACTION_LIMITS, REPORT_LIMITS } from './cases-limits.ts';
import { recordLinkSchema } from './links-views.ts';

/** A report from any channel. The idempotency key makes a retry (after a dead zone) return the same case. */
export const reportBodySchema = z.strictObject({
  itemCode: safeString().regex(/^\d{5}$/, '事项编码应为 5 位数字'),
  description: safeString()
    .trim()
    .min(REPORT_LIMITS.descriptionMin, '请描述问题')
    .max(REPORT_LIMITS.descriptionMax, `描述不能超过 ${REPORT_LIMITS.descriptionMax} 字`),
  location: z
    .strictObject({
      lon: z.number().min(-180).max(180),
      lat: z.number().min(-90).max(90),
      crs: crsSchema.default('WGS84'),
    })
    .optional(),
  address: safeString().trim().max(REPORT_LIMITS.addressMax).optional(),
  attachmentIds: z
    .array(z.string().uuid())
    .max(REPORT_LIMITS.photosMax, `最多 ${REPORT_LIMITS.photosMax} 张照片`)
    .default([]),
  idempotencyKey: safeString().trim().min(8).max(100),
  /** A grid worker handles an admitted small item on the spot (即报即办); the note says what was done. */
  selfHandle: z
    .strictObject({
      note: safeString().trim().min(REPORT_LIMITS.selfHandleNoteMin).max(REPORT_LIMITS.selfHandleNoteMax),
      attachmentIds: z.array(z.string().uuid()).max(REPORT_LIMITS.photosMax).default([]),
    })
    .optional(),
  /** Hotline / walk-in: the caller, entered by staff. */
  caller: z
    .strictObject({ name: safeString().trim().max(50).optional(), phone: safeString().trim().max(20).optional() })
    .optional(),
  anonymous: z.boolean().default(false),
  /** The reporter agrees to the case being shown on the public feed (Open311), text reviewed and place rounded first; not unless ticked. */
  publicConsent: z.boolean().default(false),
  /** Extra fields defined by the item (attribute code → value). */
  fields: z
    .record(
      safeString().max(64),
      z.union([safeString().max(4000), z.number().min(-1e15).max(1e15), z.array(safeString().max(200)).max(100)]),
    )
    .default({}),
  /** For other systems: their reference (12345 work-order number, camera event id). */
  externalRef: safeString().trim().max(100).optional(),
  /** A photo held by the reporting system (Open311 `media_url`): kept as a link, never fetched. */
  mediaUrl: z
    .url({ protocol: /^https?$/, error: '图片地址应为 http(s) 链接' })
    .max(500)
    .optional(),
});
export type ReportBody = z.infer<typeof reportBodySchema>;

/** One action on a case. `version` is the case version the actor saw: a stale one gets 409. */
export const caseActionBodySchema = z.strictObject({
  action: z.enum(CASE_ACTIONS),
  version: intField(1),
  note: safeString().trim().max(CASE_ACTION_LIMITS.noteMax).optional(),
  attachmentIds: z.array(z.string().uuid()).max(CASE_ACTION_LIMITS.photosMax).default([]),
  /** dispatch: a unit or a grid worker (user), plus co-handling units. */
  unitId: z.string().uuid().optional(),
  userId: z.string().uuid().optional(),
  coUnitIds: z.array(z.string().uuid()).max(10).optional(),
  /** accept / close: the centre confirms the item's filing / closing condition holds (recorded in the event). */
  conditionMet: z.boolean().optional(),
  /** accept / dispatch: the item the case is filed under (required when it was reported as 不确定/其他). */
  itemCode: safeString()
    .regex(/^\d{5}$/, '事项编码应为 5 位数字')
    .optional(),
  /** merge: the case this one duplicates. */
  targetCaseId: z.string().uuid().optional(),
  /** decisions on extension/suspension requests. */
  approved: z.boolean().optional(),
  /** request_extension: the new deadline asked for. */
  until: z.string().datetime({ offset: true }).optional(),
  rating: z.enum(RATINGS).optional(),
  resolved: z.boolean().optional(),
  /** supervise: 挂牌督办 with a rectify-by date. */
  listed: z.boolean().optional(),
  rectifyBy: z.string().datetime({ offset: true }).optional(),
  /**
   * Made once by a phone's outbox when the action is taken: a retry after a lost answer (dead zone)
   * that meets a newer version gets the case back instead of 409 when this actor's event has this key.
   */
  idempotencyKey: safeString().trim().min(8).max(100).optional(),
});
export type CaseActionBody = z.infer<typeof caseActionBodySchema>;

export const lightSchema = z.enum(['green', 'yellow', 'red']);
export type Light = z.infer<typeof lightSchema>;

export const caseSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  state: z.enum(CASE_STATES),
  level: z.enum(CASE_LEVELS),
  channel: z.enum(CASE_CHANNELS),
  description: z.string(),
  address: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  regionPath: z.string(),
  assigneeUnitId: z.string().nullable(),
  assigneeUnitName: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeUserName: z.string().nullable(),
  stage: z.string().nullable(),
  stageDeadline: z.string().nullable(),
  light: lightSchema.nullable(),
  supervision: z.string().nullable(),
  rectifyBy: z.string().nullable(),
  pendingKind: z.string().nullable(),
  rating: z.enum(RATINGS).nullable(),
  reportedAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  /** In the centre's queue: how many likely duplicates it has (DUPLICATE_RULE); absent elsewhere. */
  likelyDuplicates: z.number().int().optional(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseEventViewSchema = z.object({
  seq: z.number(),
  type: z.string(),
  label: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  data: z.record(z.string(), z.unknown()),
});

/** The centre's decision on a case's public copy (PUT /api/cases/:id/publication); the original description never changes. */
export const casePublicationBodySchema = z.strictObject({
  published: z.boolean(),
  /** The text the public sees instead of the reporter's; absent or null keeps the original. */
  publicDescription: safeString()
    .trim()
    .min(2, '公开描述至少 2 个字')
    .max(4000, '公开描述不能超过 4000 字')
    .nullable()
    .optional(),
  /** Publish without any text. */
  hideDescription: z.boolean().default(false),
});
export type CasePublicationBody = z.infer<typeof casePublicationBodySchema>;

/** Whether and how a case is on the public feed (Open311), as the case detail and the publication route show it. */
export const casePublicationSchema = z.object({
  /** The reporter agreed on the report form (or filed through Open311). */
  consent: z.boolean(),
  viaOpen311: z.boolean(),
  /** A staff member has decided (published or withdrawn, text reviewed). */
  decided: z.boolean(),
  published: z.boolean(),
  publicDescription: z.string().nullable(),
  descriptionHidden: z.boolean(),
  moderatedAt: z.string().nullable(),
  /** What Open311 shows now (empty text while a resident's words await review). */
  shown: z
    .object({ description: z.string(), address: z.string(), lon: z.number().nullable(), lat: z.number().nullable() })
    .nullable(),
});
export type CasePublication = z.infer<typeof casePublicationSchema>;

/**
 * Where a report came from beyond its channel, for staff: the source system (`open311`, `12345` …),
 * the name of the client's API key as the admin created it, and the photo link a client sent
 * (Open311 `media_url`, kept as a link, never fetched). Null for residents.
 */
export const caseOriginSchema = z.object({
  source: z.string().nullable(),
  clientName: z.string().nullable(),
  mediaUrl: z.string().nullable(),
});
export type CaseOrigin = z.infer<typeof caseOriginSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  anonymous: z.boolean(),
  reporterName: z.string().nullable(),
  reporterPhoneMasked: z.string().nullable(),
  verifierUserId: z.string().nullable(),
  handleDeadline: z.string().nullable(),
  coUnits: z.array(z.object({ unitId: z.string(), name: z.string(), fedBackAt: z.string().nullable() })),
  counters: z.object({
    dispatch: z.number(),
    return: z.number(),
    rework: z.number(),
    escalation: z.number(),
    reopen: z.number(),
  }),
  resolved: z.boolean().nullable(),
  closedAt: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  selfHandled: z.boolean(),
  /** 首接负责制: who first took the matter (staff only; null for residents). */
  firstContact: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The item's filing and closing conditions, which the centre confirms at acceptance and closing. */
  conditions: z.object({ filing: z.string(), closing: z.string() }).nullable(),
  attachmentIds: z.array(z.string()),
  events: z.array(caseEventViewSchema),
  actions: z.array(z.enum(CASE_ACTIONS)),
  publication: casePublicationSchema,
  origin: caseOriginSchema.nullable(),
  /** The dispute it was turned into, or the dispute it was filed from (scope-checked: see recordLinkSchema). */
  links: z.array(recordLinkSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseQueueQuerySchema = z.strictObject({
  /**
   * Which list: the centre's queue, my tasks (unit/grid worker), what I fed back (HANDLED_STATES),
   * things to verify, my reports, or everything in scope.
   */
  view: z.enum(['queue', 'tasks', 'handled', 'verify', 'mine', 'all', 'supervision']).default('all'),
  state: z.union([z.enum(CASE_STATES), z.array(z.enum(CASE_STATES))]).optional(),
  itemCode: safeString()
    .regex(/^\d{2,5}$/)
    .optional(),
  light: lightSchema.optional(),
  gridId: z.string().uuid().optional(),
  q: safeString().trim().max(50).optional(),
  /** 待评价: closed cases the reporter has not rated yet. */
  awaiting: z.enum(['rating']).optional(),
  sort: z.enum(['reported_desc', 'reported_asc', 'deadline_asc']).default('reported_desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CaseQueueQuery = z.infer<typeof caseQueueQuerySchema>;
