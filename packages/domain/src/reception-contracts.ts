import { z } from 'zod';
import { intField, queryInt, safeString } from './text.ts';
import { reportBodySchema } from './cases-contracts.ts';
import { disputeTypeCodeSchema, partyInputSchema } from './disputes-contracts.ts';
import { DISPUTE_LIMITS } from './disputes.ts';
import { DISPUTE_RISKS } from './disputes.ts';
import { PETITION_MATTER_TYPES } from './petitions-terms.ts';
import {
  ADVISER_KINDS,
  RECEPTION_TRACKS,
  REFERRAL_BODY_KINDS,
  VISIT_CATEGORIES,
  VISITOR_FIELDS,
  RECEIPT_DIGITS,
} from './reception.ts';

/** The limits of the reception forms, for the screens that check them before sending. */
export const RECEPTION_LIMITS = {
  matterMin: 2,
  matterMax: 2000,
  answerMax: 4000,
  headcountMax: 500,
  otherPartiesMax: DISPUTE_LIMITS.partiesMax - 1,
} as const;

/**
 * The visitor (来访人): a person — name, phone (the lookup's second factor, so required) and optionally
 * the identity number from the card shown at the window, all three stored encrypted and shown masked —
 * or anonymous (only for legal advice, RECEPTION_TRACK_RULES).
 */
export const visitorInputSchema = z.discriminatedUnion('anonymous', [
  z.strictObject({ anonymous: z.literal(true) }),
  z.strictObject({
    anonymous: z.literal(false),
    name: safeString().trim().min(1, '请填写来访人姓名').max(64),
    phone: safeString().trim().min(1, '请填写来访人手机号（用于查询办理进度）').max(20),
    idNumber: safeString().trim().max(18).optional(),
  }),
]);
export type VisitorInput = z.infer<typeof visitorInputSchema>;

const report = reportBodySchema.shape;

/** Where the visit goes, with the fields that track needs. */
export const visitRouteSchema = z.discriminatedUnion('track', [
  /** A case: the item (事项) and the place; the description is the visit's matter. */
  z.strictObject({
    track: z.literal('case'),
    itemCode: report.itemCode,
    address: safeString().trim().min(2, '请填写问题发生地点').max(200),
    location: report.location,
    fields: report.fields,
  }),
  /** A dispute: its type, where it arose, its risk, and the other parties (the visitor is the applicant, 申请方). */
  z.strictObject({
    track: z.literal('dispute'),
    typeCode: disputeTypeCodeSchema,
    regionId: z.string().uuid(),
    address: safeString().trim().max(200).optional(),
    risk: z.enum(DISPUTE_RISKS).default('general'),
    civilToCriminal: z.boolean().default(false),
    stabilityUserId: z.string().uuid().optional(),
    otherParties: z.array(partyInputSchema).max(RECEPTION_LIMITS.otherPartiesMax).default([]),
  }),
  /**
   * A petition (信访) of a visit (走访): where the matter lies, its kind, whom it is about and its object;
   * the visitor is the petitioner, the visit's matter its summary and headcount its headcount. The
   * petitions module checks the rest (registerPetition).
   */
  z.strictObject({
    track: z.literal('petition'),
    regionId: z.string().uuid(),
    matterType: z.enum(PETITION_MATTER_TYPES),
    respondent: safeString().trim().min(1, '请填写被反映对象').max(100),
    subjectObject: safeString().trim().min(1, '请填写信访事项涉及的具体对象').max(200),
  }),
  /** 法律服务: who answered and what they answered. */
  z.strictObject({
    track: z.literal('legal_advice'),
    adviserKind: z.enum(ADVISER_KINDS),
    adviserName: safeString().trim().min(1, '请填写解答的律师或法律顾问').max(64),
    answer: safeString().trim().min(2, '请填写解答意见').max(RECEPTION_LIMITS.answerMax),
  }),
  /** 转介: to which kind of body, which one, and what was handed over. */
  z.strictObject({
    track: z.literal('referral'),
    bodyKind: z.enum(REFERRAL_BODY_KINDS),
    bodyName: safeString().trim().min(2, '请填写接收机构名称').max(100),
    note: safeString().trim().max(RECEPTION_LIMITS.answerMax).optional(),
  }),
]);
export type VisitRoute = z.infer<typeof visitRouteSchema>;

/** 来访登记 and its routing, in one request. A retry with the same idempotency key gets the same receipt. */
export const registerVisitBodySchema = z.strictObject({
  idempotencyKey: safeString().trim().min(8).max(100),
  visitor: visitorInputSchema,
  headcount: intField(1, RECEPTION_LIMITS.headcountMax).default(1),
  category: z.enum(VISIT_CATEGORIES),
  matter: safeString().trim().min(RECEPTION_LIMITS.matterMin, '请填写来访事由').max(RECEPTION_LIMITS.matterMax),
  route: visitRouteSchema,
});
export type RegisterVisitBody = z.infer<typeof registerVisitBodySchema>;
export type RegisterVisitInput = z.input<typeof registerVisitBodySchema>;

export const visitListQuerySchema = z.strictObject({
  track: z.enum(RECEPTION_TRACKS).optional(),
  category: z.enum(VISIT_CATEGORIES).optional(),
  /** A receipt number (with or without its dashes), or part of one. */
  q: safeString().trim().max(20).optional(),
  /** Visits from/to these days (China time), inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: queryInt(1, 10_000).default(1),
  pageSize: queryInt(1, 100).default(20),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

export const visitorRevealBodySchema = z.strictObject({
  field: z.enum(VISITOR_FIELDS),
  reason: safeString().trim().min(2, '请填写查看原因').max(200),
});
export type VisitorRevealBody = z.infer<typeof visitorRevealBodySchema>;

/**
 * The public lookup (and a resident's claim): the receipt number as printed (dashes and spaces allowed)
 * and the last four digits of the phone given at the window. In the body, never in the URL: URLs end
 * up in logs and proxies.
 */
export const progressLookupBodySchema = z.strictObject({
  receiptNumber: safeString()
    .trim()
    .min(1, '请输入回执编号')
    .max(RECEIPT_DIGITS + 8),
  phoneLast4: safeString().regex(/^\d{4}$/, '请输入手机号后四位数字'),
});
export type ProgressLookupBody = z.infer<typeof progressLookupBodySchema>;
