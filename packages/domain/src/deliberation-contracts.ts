import { z } from 'zod';
import { intField, queryInt, safeString } from './text.ts';
import {
  DECIDING_BODIES,
  DELIBERATION_BODIES,
  DELIBERATION_STAGES,
  MATTER_KINDS,
  ROLL_BASES,
  STAGE_STATUSES,
} from './deliberation.ts';

/*
 * The deliberation (四议两公开) routes' inputs and answers, for the route schemas and the web client.
 */

export const DELIBERATION_LIMITS = {
  titleMax: 200,
  textMax: 20_000,
  reasonMax: 500,
  rollChangeMax: 500,
  attachmentsMax: 9,
} as const;

const dateOnly = safeString().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const count = intField(0, 1_000_000);
const attachmentIds = z.array(z.string().uuid()).max(DELIBERATION_LIMITS.attachmentsMax).default([]);

export const deliberationStageParamsSchema = z.strictObject({
  id: z.string().uuid(),
  stage: z.enum(DELIBERATION_STAGES),
});

export const bodyListQuerySchema = z.strictObject({ villageId: z.string().uuid().optional() });

export const bodyCreateSchema = z.strictObject({
  villageId: z.string().uuid(),
  kind: z.enum(DELIBERATION_BODIES),
  basis: z.enum(ROLL_BASES),
});
export type BodyCreate = z.infer<typeof bodyCreateSchema>;

/** A roll change: residents added, entries removed, and why (a change without a reason is refused). */
export const rollChangeSchema = z.strictObject({
  add: z.array(z.string().uuid()).max(DELIBERATION_LIMITS.rollChangeMax).default([]),
  remove: z.array(z.string().uuid()).max(DELIBERATION_LIMITS.rollChangeMax).default([]),
  reason: safeString().trim().max(DELIBERATION_LIMITS.reasonMax).optional(),
});
export type RollChange = z.infer<typeof rollChangeSchema>;

export const candidatesQuerySchema = z.strictObject({ q: safeString().trim().max(32).optional() });

export const rollMemberViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  household: z.boolean(),
  addedAt: z.string(),
  addedReason: z.string(),
  removedAt: z.string().nullable(),
  removedReason: z.string().nullable(),
});

export const bodyViewSchema = z.object({
  id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  kind: z.enum(DELIBERATION_BODIES),
  basis: z.enum(ROLL_BASES),
  rollSize: z.number(),
  /** The roll now (and, after it, the entries removed, with their reasons). */
  members: z.array(rollMemberViewSchema),
});
export type BodyView = z.infer<typeof bodyViewSchema>;

export const bodyListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      villageId: z.string(),
      villageName: z.string(),
      kind: z.enum(DELIBERATION_BODIES),
      basis: z.enum(ROLL_BASES),
      rollSize: z.number(),
    }),
  ),
});
export type BodyList = z.infer<typeof bodyListSchema>;

export const candidateListSchema = z.object({
  items: z.array(z.object({ residentId: z.string(), label: z.string(), idMasked: z.string().nullable() })),
});

export const matterCreateSchema = z.strictObject({
  villageId: z.string().uuid(),
  title: safeString().trim().min(2, '请填写事项名称').max(DELIBERATION_LIMITS.titleMax),
  description: safeString().trim().max(DELIBERATION_LIMITS.textMax).default(''),
  kind: z.enum(MATTER_KINDS),
  decidingBody: z.enum(DECIDING_BODIES),
  /** The villagers' meeting's authorisation (date and scope) when the representatives' meeting decides. */
  authorisation: safeString().trim().max(DELIBERATION_LIMITS.reasonMax).optional(),
  idempotencyKey: safeString().trim().min(8).max(100),
});
export type MatterCreate = z.infer<typeof matterCreateSchema>;

export const matterListQuerySchema = z.strictObject({
  villageId: z.string().uuid().optional(),
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 100).default(20),
});

export const conveneSchema = z.strictObject({
  heldAt: z.string().datetime({ offset: true }),
  place: safeString().trim().min(1, '请填写会议地点').max(200),
});
export type Convene = z.infer<typeof conveneSchema>;

/** A meeting's record. `attendance`: frozen-roll entries present (when listed, as many as `present`). */
export const meetingRecordSchema = z.strictObject({
  present: count,
  attendance: z.array(z.string().uuid()).max(100_000).default([]),
  inFavour: count,
  against: count,
  abstaining: count,
  minutes: safeString().trim().min(1, '请填写会议纪要').max(DELIBERATION_LIMITS.textMax),
  attachmentIds,
  /** The resolution only: by when the implementation result will be published. */
  implementationDue: dateOnly.optional(),
});
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

export const publishSchema = z.strictObject({
  noticeText: safeString().trim().min(1, '请填写公开内容').max(DELIBERATION_LIMITS.textMax),
  /** The last day the notice stays up (公示期). */
  noticeEndsOn: dateOnly,
  attachmentIds,
});
export type Publish = z.infer<typeof publishSchema>;

export const stageViewSchema = z.object({
  stage: z.enum(DELIBERATION_STAGES),
  status: z.enum(STAGE_STATUSES),
  body: z.enum(DELIBERATION_BODIES).nullable(),
  basis: z.enum(ROLL_BASES).nullable(),
  operation: z.enum(['convene', 'record', 'publish']).nullable(),
  heldAt: z.string().nullable(),
  place: z.string().nullable(),
  /** The frozen roll (while convened, for the attendance list; masked labels). */
  roll: z.array(z.object({ id: z.string(), label: z.string() })),
  expected: z.number().nullable(),
  present: z.number().nullable(),
  attendance: z.array(z.string()),
  inFavour: z.number().nullable(),
  against: z.number().nullable(),
  abstaining: z.number().nullable(),
  quorate: z.boolean().nullable(),
  passed: z.boolean().nullable(),
  minutes: z.string().nullable(),
  noticeText: z.string().nullable(),
  noticeEndsOn: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  dueAt: z.string().nullable(),
  light: z.enum(['green', 'yellow', 'red']).nullable(),
  concludedAt: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type StageView = z.infer<typeof stageViewSchema>;

export const matterViewSchema = z.object({
  id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(MATTER_KINDS),
  decidingBody: z.enum(DECIDING_BODIES),
  authorisation: z.string().nullable(),
  stage: z.enum(DELIBERATION_STAGES).nullable(),
  implementationDue: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  canManage: z.boolean(),
  stages: z.array(stageViewSchema),
});
export type MatterView = z.infer<typeof matterViewSchema>;

export const matterPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      villageName: z.string(),
      title: z.string(),
      kind: z.enum(MATTER_KINDS),
      decidingBody: z.enum(DECIDING_BODIES),
      stage: z.enum(DELIBERATION_STAGES).nullable(),
      /** The open publication stage's deadline and light (null while a meeting stage is current). */
      dueAt: z.string().nullable(),
      light: z.enum(['green', 'yellow', 'red']).nullable(),
      createdAt: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type MatterPage = z.infer<typeof matterPageSchema>;
