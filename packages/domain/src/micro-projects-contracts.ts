import { z } from 'zod';
import { intField, queryInt, safeString } from './text.ts';
import { MICRO_PROJECT_CATEGORIES, MICRO_PROJECT_LIMITS, MICRO_PROJECT_STATES } from './micro-projects.ts';

/*
 * The 民生微实事 routes' inputs and answers (server route schemas and the desktop web; never the phone).
 */

const L = MICRO_PROJECT_LIMITS;
const dateOnly = safeString().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const count = intField(0, 1_000_000);
/** An amount in integer fen (the cap is the service's rule, with its own error code). */
const fen = intField(0);
const photos = z.array(z.string().uuid()).max(L.photosMax).default([]);
const idempotencyKey = safeString().trim().min(8).max(100);

export const projectProposeSchema = z.strictObject({
  title: safeString().trim().min(2, '请填写项目名称').max(L.titleMax),
  description: safeString().trim().min(1, '请填写项目内容').max(L.textMax),
  category: z.enum(MICRO_PROJECT_CATEGORIES),
  estimatedCostFen: intField(1),
  place: safeString().trim().min(1, '请填写地点').max(L.placeMax),
  photoIds: photos,
  idempotencyKey,
});
export type ProjectPropose = z.infer<typeof projectProposeSchema>;

export const projectListQuerySchema = z.strictObject({
  villageId: z.string().uuid().optional(),
  state: z.enum(MICRO_PROJECT_STATES).optional(),
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 100).default(20),
});

export const projectRejectSchema = z.strictObject({
  reason: safeString().trim().min(1, '请填写不予入库的理由').max(L.reasonMax),
});

/** The representatives' meeting on a batch of shortlisted projects of one village. */
export const projectVoteSchema = z.strictObject({
  villageId: z.string().uuid(),
  heldAt: z.string().datetime({ offset: true }),
  place: safeString().trim().min(1, '请填写会议地点').max(L.placeMax),
  present: count,
  minutes: safeString().trim().min(1, '请填写会议纪要').max(L.textMax),
  items: z
    .array(z.strictObject({ projectId: z.string().uuid(), inFavour: count, against: count, abstaining: count }))
    .min(1, '请至少表决一个项目')
    .max(L.batchMax),
  idempotencyKey,
});
export type ProjectVoteInput = z.infer<typeof projectVoteSchema>;

export const projectImplementSchema = z.strictObject({
  implementer: safeString().trim().min(1, '请填写实施单位').max(L.placeMax),
  budgetFen: intField(1),
  dueOn: dateOnly,
});
export type ProjectImplement = z.infer<typeof projectImplementSchema>;

export const projectCompleteSchema = z.strictObject({
  acceptanceNote: safeString().trim().min(1, '请填写验收意见').max(L.textMax),
  actualCostFen: fen,
  beforePhotoIds: photos,
  afterPhotoIds: photos,
});
export type ProjectComplete = z.infer<typeof projectCompleteSchema>;

export const projectPublishSchema = z.strictObject({
  /** The last day the result stays up (公示期). */
  noticeEndsOn: dateOnly,
});

export const projectVoteViewSchema = z.object({
  id: z.string(),
  heldAt: z.string(),
  place: z.string(),
  expected: z.number(),
  present: z.number(),
  quorate: z.boolean(),
  minutes: z.string(),
  recordedByName: z.string(),
});

export const projectViewSchema = z.object({
  id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(MICRO_PROJECT_CATEGORIES),
  estimatedCostFen: z.number(),
  place: z.string(),
  photoIds: z.array(z.string()),
  state: z.enum(MICRO_PROJECT_STATES),
  /** The proposer, masked (a resident sees only whether it is their own). */
  proposerLabel: z.string(),
  mine: z.boolean(),
  rejectReason: z.string().nullable(),
  vote: projectVoteViewSchema.nullable(),
  inFavour: z.number().nullable(),
  against: z.number().nullable(),
  abstaining: z.number().nullable(),
  implementer: z.string().nullable(),
  budgetFen: z.number().nullable(),
  dueOn: z.string().nullable(),
  light: z.enum(['green', 'yellow', 'red']).nullable(),
  acceptanceNote: z.string().nullable(),
  actualCostFen: z.number().nullable(),
  beforePhotoIds: z.array(z.string()),
  afterPhotoIds: z.array(z.string()),
  completedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  canManage: z.boolean(),
});
export type ProjectView = z.infer<typeof projectViewSchema>;

export const projectPageSchema = z.object({
  items: z.array(projectViewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ProjectPage = z.infer<typeof projectPageSchema>;

export const projectVoteResultSchema = z.object({
  vote: projectVoteViewSchema,
  items: z.array(projectViewSchema),
});
export type ProjectVoteResult = z.infer<typeof projectVoteResultSchema>;
