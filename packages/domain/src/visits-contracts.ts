import { z } from 'zod';
import { queryInt, safeString } from './text.ts';
import { riskLevelSchema, specialKindSchema } from './people.ts';
import { VISIT_KINDS, VISIT_LIMITS } from './visit-plans.ts';
import { registerDisputeBodySchema } from './disputes-contracts.ts';

/* 走访 and special-population visit plans: the HTTP contracts (the rules are in visit-plans.ts, zod-free). */

const text = (max: number = VISIT_LIMITS.textMax) => safeString().trim().max(max);

export const visitInputSchema = z.strictObject({
  /** Client-generated: a retry from the phone's outbox returns the visit it already made. */
  clientId: z.string().uuid().optional(),
  kind: z.enum(VISIT_KINDS).optional(),
  residentId: z.string().uuid().optional(),
  houseId: z.string().uuid().optional(),
  organisationId: z.string().uuid().optional(),
  specialPopulationId: z.string().uuid().optional(),
  visitedAt: z.iso.datetime({ offset: true }).optional(),
  purpose: text().optional(),
  note: text().min(1, '请填写走访情况'),
  findings: text().optional(),
  photoIds: z.array(z.string().uuid()).max(VISIT_LIMITS.photosMax).default([]),
  /** Why a visit to an overdue plan is recorded only now (required then). */
  lateReason: text(VISIT_LIMITS.reasonMax).min(VISIT_LIMITS.reasonMin).optional(),
});
export type VisitInput = z.input<typeof visitInputSchema>;

/** 走访记录 of a resident, oldest first. */
export const visitViewSchema = z.object({
  id: z.string(),
  kind: z.enum(VISIT_KINDS),
  visitedAt: z.string(),
  purpose: z.string().nullable(),
  note: z.string(),
  findings: z.string().nullable(),
  photoIds: z.array(z.string()),
  visitorId: z.string(),
  visitorName: z.string().nullable(),
  specialPopulationId: z.string().nullable(),
  counted: z.enum(['on_time', 'late']).nullable(),
  lateReason: z.string().nullable(),
  caseId: z.string().nullable(),
  disputeId: z.string().nullable(),
});
export type VisitView = z.infer<typeof visitViewSchema>;
export const visitListSchema = z.object({ items: z.array(visitViewSchema) });
export type VisitList = z.infer<typeof visitListSchema>;

/** The area's visits (走访台账) for the centre's desk: any kind, newest first. */
export const fieldVisitQuerySchema = z.strictObject({
  kind: z.enum(VISIT_KINDS).optional(),
  gridId: z.string().uuid().optional(),
  /** The caller's own visits only (the phone's 已发送 list). */
  mine: z.enum(['true', 'false']).optional(),
  /** Only visits with findings (what may still become a case). */
  withFindings: z.enum(['true', 'false']).optional(),
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 100).default(20),
});
export type FieldVisitQuery = z.infer<typeof fieldVisitQuerySchema>;
/** A visit with whom or what it visited: the resident's name, the house's address, the organisation's name. */
export const fieldVisitRowSchema = visitViewSchema.extend({
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  houseId: z.string().nullable(),
  houseAddress: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  gridId: z.string().nullable(),
});
export type FieldVisitRow = z.infer<typeof fieldVisitRowSchema>;
export const fieldVisitPageSchema = z.object({ items: z.array(fieldVisitRowSchema), total: z.number().int() });
export type FieldVisitPage = z.infer<typeof fieldVisitPageSchema>;
export const visitRecordedSchema = z.object({
  id: z.string(),
  visitedAt: z.string(),
  counted: z.enum(['on_time', 'late']).nullable(),
  nextVisitDue: z.string().nullable(),
});
export type VisitRecorded = z.infer<typeof visitRecordedSchema>;

/** A finding becomes a case: the item and what to report (the visit's findings by default). */
export const visitCaseBodySchema = z.strictObject({
  itemCode: safeString().regex(/^\d{5}$/, '事项编码应为 5 位数字'),
  description: text(2000).min(5).optional(),
  location: z.strictObject({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).optional(),
  address: text(200).optional(),
});
export type VisitCaseBody = z.input<typeof visitCaseBodySchema>;
export const visitLinkedSchema = z.object({ visitId: z.string(), caseId: z.string(), code: z.string() });
export type VisitLinked = z.infer<typeof visitLinkedSchema>;

// Bounded only to fit the database: the range and the risk order are `intervalsProblem`'s (one home).
const days = () => z.number().int().min(-100_000).max(100_000);
/**
 * A finding becomes a dispute (矛盾纠纷), registered by the centre as found in the field (排查): the
 * registration's own fields, the summary the visit's findings by default, at the visit's village.
 */
export const visitDisputeBodySchema = registerDisputeBodySchema
  .pick({ typeCode: true, address: true, risk: true, civilToCriminal: true, stabilityUserId: true, parties: true })
  .extend({ summary: registerDisputeBodySchema.shape.summary.optional() });
export type VisitDisputeBody = z.infer<typeof visitDisputeBodySchema>;
export const visitDisputeLinkedSchema = z.object({ visitId: z.string(), disputeId: z.string(), code: z.string() });

const intervalRow = z.strictObject({ high: days(), medium: days(), low: days() });
/** A county's visit intervals by kind and risk (days); the server refuses them by `intervalsProblem`. */
export const visitIntervalsSchema = z.strictObject({
  community_correction: intervalRow,
  released_prisoner: intervalRow,
  drug_user: intervalRow,
  severe_mental_disorder: intervalRow,
});
export type VisitIntervalsBody = z.infer<typeof visitIntervalsSchema>;
export const visitIntervalsViewSchema = z.object({ countyPath: z.string(), intervals: visitIntervalsSchema });
/** After an edit: also how many of the county's plans took the new interval (their due day re-timed). */
export const visitIntervalsUpdatedSchema = visitIntervalsViewSchema.extend({ retimedPlans: z.number().int() });

const light = z.enum(['green', 'yellow', 'red']);
export const visitPlanQuerySchema = z.strictObject({
  light: light.optional(),
  kind: specialKindSchema.optional(),
  gridId: z.string().uuid().optional(),
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 500).default(100),
});
export type VisitPlanQuery = Omit<z.input<typeof visitPlanQuerySchema>, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
};
export const visitPlanViewSchema = z.object({
  specialPopulationId: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  gridId: z.string().nullable(),
  kind: specialKindSchema,
  riskLevel: riskLevelSchema,
  visitIntervalDays: z.number(),
  nextVisitDue: z.string(),
  lastVisitedAt: z.string().nullable(),
  light,
});
export type VisitPlanView = z.infer<typeof visitPlanViewSchema>;
export const visitPlanPageSchema = z.object({
  items: z.array(visitPlanViewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const dateString = z.iso.date();
export const visitFiguresQuerySchema = z.strictObject({
  from: dateString,
  to: dateString,
  /** A region of the caller's area (default: all of it). */
  regionId: z.string().uuid().optional(),
});
/** Special-population visits for a period and region: done (on time / late) and plans due / overdue. */
export const visitFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  regionPath: z.string(),
  done: z.number(),
  onTime: z.number(),
  late: z.number(),
  due: z.number(),
  overdue: z.number(),
});
export type VisitFigures = z.infer<typeof visitFiguresSchema>;
