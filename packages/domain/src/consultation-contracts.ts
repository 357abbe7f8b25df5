import { z } from 'zod';
import {
  SUPPORT_THRESHOLD_RANGE,
  TOPIC_LIMITS,
  TOPIC_OUTCOMES,
  TOPIC_PARTICIPANT_KINDS,
  TOPIC_REFERRALS,
  TOPIC_RESPONSE_DAYS_RANGE,
  TOPIC_SOURCES,
  TOPIC_STATES,
} from './consultation.ts';
import { DELIBERATION_BODIES } from './deliberation.ts';
import { intField, safeString, text } from './text.ts';

/* 议事协商: the routes' inputs and answers, for the route schemas and the web client (not the phone). */

const L = TOPIC_LIMITS;
const dateOnly = safeString().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const key = text(8, 100);
const attachmentIds = z.array(z.string().uuid()).max(L.attachmentsMax).default([]);

export const topicRaiseSchema = z.strictObject({
  /** Staff raising for a village/community of their area; a resident's topic is their own village's. */
  villageId: z.string().uuid().optional(),
  /** Defaults from the raiser's role (a deputy's topic is entered by a cadre or grid worker with source `deputy`). */
  source: z.enum(TOPIC_SOURCES).optional(),
  title: text(L.titleMin, L.titleMax),
  description: text(L.descriptionMin, L.descriptionMax),
  attachmentIds,
  anonymous: z.boolean().default(false),
  idempotencyKey: key,
});
export type TopicRaise = z.infer<typeof topicRaiseSchema>;

export const topicListQuerySchema = z.strictObject({
  state: z.enum(TOPIC_STATES).optional(),
  villageId: z.string().uuid().optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  thresholdReached: z.enum(['true', 'false']).optional(),
});

export const topicTakeUpSchema = z.strictObject({
  council: z.enum(DELIBERATION_BODIES).default('residents_council'),
  plannedMeetingOn: dateOnly,
  note: text(0, L.reasonMax).optional(),
});
export type TopicTakeUp = z.infer<typeof topicTakeUpSchema>;

export const topicDeclineSchema = z.strictObject({ reason: text(L.reasonMin, L.reasonMax) });

const count = intField(0, L.participantsMax);

export const topicMeetingSchema = z
  .strictObject({
    heldAt: z.string().datetime({ offset: true }),
    place: text(1, L.placeMax),
    participants: z
      .array(z.strictObject({ kind: z.enum(TOPIC_PARTICIPANT_KINDS), count: intField(1, L.participantsMax) }))
      .min(1, '至少填写一类参会人员')
      .max(TOPIC_PARTICIPANT_KINDS.length),
    headcount: count,
    minutes: text(2, L.textMax),
    outcome: z.enum(TOPIC_OUTCOMES),
    referral: z.strictObject({ kind: z.enum(TOPIC_REFERRALS), ref: text(1, 100) }).optional(),
    plan: z.strictObject({ what: text(2, L.textMax), unit: text(1, L.placeMax), dueOn: dateOnly }).optional(),
  })
  .superRefine((m, ctx) => {
    if (new Set(m.participants.map((p) => p.kind)).size !== m.participants.length)
      ctx.addIssue({ code: 'custom', path: ['participants'], message: '参会人员类别不能重复' });
    if (m.outcome === 'agreed' && !m.plan)
      ctx.addIssue({ code: 'custom', path: ['plan'], message: '议定事项须填写实施方案（内容、责任单位、完成日期）' });
    if (m.outcome !== 'agreed' && m.plan)
      ctx.addIssue({ code: 'custom', path: ['plan'], message: '只有议定的事项才有实施方案' });
    if (m.outcome === 'referred' && !m.referral)
      ctx.addIssue({ code: 'custom', path: ['referral'], message: '转办须填写转至的事件或村务决策事项编号' });
    if (m.outcome !== 'referred' && m.referral)
      ctx.addIssue({ code: 'custom', path: ['referral'], message: '只有转办的事项才填写转办去向' });
  });
export type TopicMeeting = z.infer<typeof topicMeetingSchema>;

export const topicImplementationSchema = z.strictObject({ result: text(2, L.textMax), attachmentIds });
export type TopicImplementation = z.infer<typeof topicImplementationSchema>;

export const topicSettingsSchema = z.strictObject({
  supportThreshold: intField(SUPPORT_THRESHOLD_RANGE.min, SUPPORT_THRESHOLD_RANGE.max),
  responseDays: intField(TOPIC_RESPONSE_DAYS_RANGE.min, TOPIC_RESPONSE_DAYS_RANGE.max),
});
export type TopicSettings = z.infer<typeof topicSettingsSchema>;

const light = z.enum(['green', 'yellow', 'red']).nullable();

export const topicSummarySchema = z.object({
  id: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  title: z.string(),
  source: z.enum(TOPIC_SOURCES),
  state: z.enum(TOPIC_STATES),
  /** 王** / 匿名 / 我. */
  raiser: z.string(),
  anonymous: z.boolean(),
  mine: z.boolean(),
  supports: z.number(),
  supportedByMe: z.boolean(),
  threshold: z.number(),
  thresholdReached: z.boolean(),
  raisedAt: z.string(),
  /** The running clock (response while raised, implementation while implementing), else null. */
  deadline: z.string().nullable(),
  light,
});
export type TopicSummary = z.infer<typeof topicSummarySchema>;

export const topicDetailSchema = topicSummarySchema.extend({
  description: z.string(),
  attachmentIds: z.array(z.string()),
  takenUp: z
    .object({
      council: z.enum(DELIBERATION_BODIES),
      plannedMeetingOn: z.string(),
      note: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  declined: z.object({ reason: z.string(), at: z.string() }).nullable(),
  meeting: z
    .object({
      heldAt: z.string(),
      place: z.string(),
      participants: z.array(z.object({ kind: z.enum(TOPIC_PARTICIPANT_KINDS), count: z.number() })),
      headcount: z.number(),
      minutes: z.string(),
      outcome: z.enum(TOPIC_OUTCOMES),
      referral: z.object({ kind: z.enum(TOPIC_REFERRALS), ref: z.string() }).nullable(),
      plan: z.object({ what: z.string(), unit: z.string(), dueOn: z.string() }).nullable(),
    })
    .nullable(),
  implementation: z.object({ result: z.string(), attachmentIds: z.array(z.string()), at: z.string() }).nullable(),
  /** The notices published from it (决议, 实施结果). */
  noticeIds: z.array(z.string()),
  canManage: z.boolean(),
});
export type TopicDetail = z.infer<typeof topicDetailSchema>;

export const topicListSchema = z.object({
  items: z.array(topicSummarySchema),
  settings: z.array(
    z.object({
      villageId: z.string(),
      villageName: z.string(),
      supportThreshold: z.number(),
      responseDays: z.number(),
    }),
  ),
});
export type TopicList = z.infer<typeof topicListSchema>;
