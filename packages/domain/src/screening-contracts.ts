import { z } from 'zod';
import { intField, safeString } from './text.ts';
import { DISPUTE_RISKS, DISPUTE_STATES } from './disputes.ts';
import { disputeTypeCodeSchema, partyInputSchema } from './disputes-contracts.ts';
import { DISPUTE_LIMITS } from './disputes.ts';
import {
  MEETING_DECISION_KINDS,
  SCREENED_RISKS,
  SCREENING_MAX_GRACE_DAYS,
  SCREENING_PERIOD_KINDS,
  SCREENING_LIMITS,
  SCREENING_STATUSES,
} from './screening.ts';

/*
 * The 排查 and 风险研判 routes' inputs and answers (route schemas and the web client).
 */

const dateOnly = safeString().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const note = safeString().trim().max(SCREENING_LIMITS.noteMax);

/** A dispute found in screening and registered from the report (source grid_screening), awaiting the centre's acceptance. */
export const screenedDisputeSchema = z.strictObject({
  typeCode: disputeTypeCodeSchema,
  summary: safeString().trim().min(2, '请填写纠纷简要情况').max(DISPUTE_LIMITS.summaryMax),
  address: safeString().trim().max(200).optional(),
  risk: z.enum(SCREENED_RISKS).default('general'),
  civilToCriminal: z.boolean().default(false),
  parties: z.array(partyInputSchema).max(10).default([]),
});
export type ScreenedDispute = z.infer<typeof screenedDisputeSchema>;

const findings = {
  /** Registered disputes of the grid's village/community still found this period (by id). */
  disputeIds: z.array(z.string().uuid()).max(SCREENING_LIMITS.linkedMax).default([]),
  /** New disputes, registered from the report. */
  newDisputes: z.array(screenedDisputeSchema).max(SCREENING_LIMITS.findingsMax).default([]),
};

/**
 * A grid's report for a period: the disputes found, or `zero: true` with none (零报告). `period` is any
 * day of the period; a retry with the same idempotency key gives the report it made.
 */
export const screeningReportBodySchema = z.strictObject({
  gridId: z.string().uuid(),
  period: dateOnly,
  zero: z.boolean(),
  ...findings,
  note: note.optional(),
  idempotencyKey: safeString().trim().min(8).max(100),
});
export type ScreeningReportBody = z.infer<typeof screeningReportBodySchema>;

/** An amendment (补报): adds findings to a report, with the reason; a zero report so amended is one no more. */
export const screeningAmendBodySchema = z.strictObject({
  version: intField(1),
  note: note.min(1, '请说明补报理由'),
  ...findings,
});
export type ScreeningAmendBody = z.infer<typeof screeningAmendBodySchema>;

export const screeningScheduleBodySchema = z.strictObject({
  periodKind: z.enum(SCREENING_PERIOD_KINDS),
  graceDays: intField(0, SCREENING_MAX_GRACE_DAYS).default(0),
});
export type ScreeningScheduleBody = z.infer<typeof screeningScheduleBodySchema>;

export const screeningOverviewQuerySchema = z.strictObject({
  /** The township (its region id); a township centre's own by default. */
  regionId: z.string().uuid().optional(),
  /** Any day of the period; today by default. */
  day: dateOnly.optional(),
});
export type ScreeningOverviewQuery = z.infer<typeof screeningOverviewQuerySchema>;

export const myScreeningQuerySchema = z.strictObject({ day: dateOnly.optional() });

/** One decision of a 风险研判 meeting on one dispute it discussed. */
export const meetingDecisionSchema = z.strictObject({
  disputeId: z.string().uuid(),
  kind: z.enum(MEETING_DECISION_KINDS),
  /** What was said and decided (also the note of the dispute's action). */
  note: note.min(1, '请填写研判意见'),
  /** assess_risk: the new level, the 民转刑 flag, the 稳控责任人 (required for 重大). */
  risk: z.enum(DISPUTE_RISKS).optional(),
  civilToCriminal: z.boolean().optional(),
  stabilityUserId: z.string().uuid().nullable().optional(),
});
export type MeetingDecisionInput = z.infer<typeof meetingDecisionSchema>;

export const riskMeetingBodySchema = z.strictObject({
  heldAt: z.string().datetime({ offset: true }),
  /** The area the meeting covers (a region of the organiser's); the organiser's own by default. */
  regionId: z.string().uuid().optional(),
  topic: safeString().trim().min(2, '请填写会议主题').max(200),
  place: safeString().trim().max(200).optional(),
  /** Who attended (name and unit, as the minutes list them). */
  participants: z
    .array(safeString().trim().min(1).max(100))
    .min(1, '请填写参会人员')
    .max(SCREENING_LIMITS.participantsMax),
  minutes: safeString().trim().min(1, '请填写会议纪要').max(SCREENING_LIMITS.minutesMax),
  attachmentIds: z.array(z.string().uuid()).max(SCREENING_LIMITS.attachmentsMax).default([]),
  decisions: z.array(meetingDecisionSchema).min(1, '请至少研判一件纠纷').max(SCREENING_LIMITS.decisionsMax),
});
export type RiskMeetingBody = z.infer<typeof riskMeetingBodySchema>;

export const riskMeetingListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ---------------------------------------------------------------------------------------------
// Views

export const screeningPeriodViewSchema = z.object({
  kind: z.enum(SCREENING_PERIOD_KINDS),
  start: z.string(),
  end: z.string(),
  label: z.string(),
  dueAt: z.string(),
});

const foundDispute = z.object({
  id: z.string(),
  code: z.string(),
  typeName: z.string(),
  state: z.enum(DISPUTE_STATES),
  /** Registered from this report (else a dispute registered before, found again). */
  registeredHere: z.boolean(),
});

export const screeningReportViewSchema = z.object({
  id: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  period: screeningPeriodViewSchema,
  zero: z.boolean(),
  disputes: z.array(foundDispute),
  note: z.string().nullable(),
  reportedAt: z.string(),
  reporterName: z.string().nullable(),
  /** Filed after the period's report fell due. */
  late: z.boolean(),
  version: z.number(),
  amendments: z.array(z.object({ at: z.string(), byName: z.string().nullable(), note: z.string(), added: z.number() })),
});
export type ScreeningReportView = z.infer<typeof screeningReportViewSchema>;

export const screeningReportResultSchema = z.object({ created: z.boolean(), report: screeningReportViewSchema });

/** A grid worker's screening page: each grid they answer for, this period, its report if filed, the open disputes to link. */
export const myScreeningViewSchema = z.object({
  today: z.string(),
  /** The active dispute types (code and name), for the findings form. */
  types: z.array(z.object({ code: z.string(), name: z.string() })),
  grids: z.array(
    z.object({
      gridId: z.string(),
      gridCode: z.string(),
      gridName: z.string(),
      period: screeningPeriodViewSchema,
      report: screeningReportViewSchema.nullable(),
      /** Open disputes of the grid's village/community (code, type, summary) that a report may name again. */
      openDisputes: z.array(
        z.object({ id: z.string(), code: z.string(), typeName: z.string(), summary: z.string(), state: z.string() }),
      ),
    }),
  ),
});
export type MyScreeningView = z.infer<typeof myScreeningViewSchema>;

export const screeningOverviewSchema = z.object({
  township: z.object({ id: z.string(), name: z.string() }),
  period: screeningPeriodViewSchema,
  /** The period's report has fallen due: a grid still missing is overdue. */
  due: z.boolean(),
  schedule: z.object({
    periodKind: z.enum(SCREENING_PERIOD_KINDS),
    graceDays: z.number(),
    /** Set by the township (else the default, with its source). */
    own: z.boolean(),
    source: z.string(),
  }),
  counts: z.object({ grids: z.number(), reported: z.number(), zero: z.number(), missing: z.number() }),
  grids: z.array(
    z.object({
      gridId: z.string(),
      gridCode: z.string(),
      gridName: z.string(),
      villageName: z.string(),
      /** The grid workers responsible now (专职 first). */
      workers: z.array(z.string()),
      status: z.enum(SCREENING_STATUSES),
      disputeCount: z.number(),
      reportId: z.string().nullable(),
      reportedAt: z.string().nullable(),
      late: z.boolean(),
    }),
  ),
  /** The periods before and after (for paging), if laid out. */
  previousDay: z.string().nullable(),
  nextDay: z.string().nullable(),
});
export type ScreeningOverview = z.infer<typeof screeningOverviewSchema>;

export const screeningScheduleViewSchema = z.object({
  townshipId: z.string(),
  periodKind: z.enum(SCREENING_PERIOD_KINDS),
  graceDays: z.number(),
  /** The round now running (a change applies from the next one). */
  current: screeningPeriodViewSchema.nullable(),
  next: screeningPeriodViewSchema.nullable(),
});

export const meetingDecisionViewSchema = z.object({
  disputeId: z.string(),
  disputeCode: z.string(),
  kind: z.enum(MEETING_DECISION_KINDS),
  note: z.string(),
  risk: z.enum(DISPUTE_RISKS).nullable(),
  civilToCriminal: z.boolean().nullable(),
  stabilityUserName: z.string().nullable(),
  /** The dispute's event that carried the decision out (none for `watch`). */
  disputeEventSeq: z.number().nullable(),
});

export const riskMeetingViewSchema = z.object({
  id: z.string(),
  regionName: z.string(),
  heldAt: z.string(),
  topic: z.string(),
  place: z.string().nullable(),
  participants: z.array(z.string()),
  minutes: z.string(),
  attachmentIds: z.array(z.string()),
  organiserName: z.string().nullable(),
  createdAt: z.string(),
  decisions: z.array(meetingDecisionViewSchema),
});
export type RiskMeetingView = z.infer<typeof riskMeetingViewSchema>;

export const riskMeetingPageSchema = z.object({
  items: z.array(
    riskMeetingViewSchema.pick({ id: true, regionName: true, heldAt: true, topic: true, organiserName: true }).extend({
      disputeCount: z.number(),
      changed: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type RiskMeetingPage = z.infer<typeof riskMeetingPageSchema>;
