import { z } from 'zod';
import { pageOf } from './contracts.ts';
import { ADVISER_KINDS, RECEPTION_TRACKS, REFERRAL_BODY_KINDS, VISIT_CATEGORIES, VISITOR_FIELDS } from './reception.ts';

/*
 * What the reception routes answer. Staff views show the visitor masked (the full name, phone or
 * identity number only through the audited reveal). The public progress view shows only what
 * RECEPTION_TRACK_RULES lets a visitor see: the track, a public state label, the steps and dates —
 * no staff name, no party, no note, no number but the receipt's own.
 */

const outcome = z.enum(['open', 'done', 'stopped']);

export const publicProgressSchema = z.object({ label: z.string(), step: z.number(), outcome });

/** The visitor as staff lists show them: masked, or anonymous. */
export const visitorBriefSchema = z.object({
  anonymous: z.boolean(),
  nameMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  idMasked: z.string().nullable(),
});

export const visitSummarySchema = z.object({
  id: z.string(),
  /** As printed: 1234-5678-9012. */
  receiptNumber: z.string(),
  visitedAt: z.string(),
  category: z.enum(VISIT_CATEGORIES),
  matter: z.string(),
  headcount: z.number(),
  track: z.enum(RECEPTION_TRACKS),
  /** The record the track opened (a case's or dispute's id and code); null for advice and referrals. */
  trackRecordId: z.string().nullable(),
  trackCode: z.string().nullable(),
  visitor: visitorBriefSchema,
  /** The record's internal state and what the visitor sees of it. */
  state: z.string(),
  progress: publicProgressSchema,
  registeredByName: z.string(),
});
export type VisitSummary = z.infer<typeof visitSummarySchema>;
export const visitPageSchema = pageOf(visitSummarySchema);
export type VisitPage = z.infer<typeof visitPageSchema>;

export const visitDetailsSchema = z.union([
  z.object({
    kind: z.literal('legal_advice'),
    adviserKind: z.enum(ADVISER_KINDS),
    adviserName: z.string(),
    answer: z.string(),
  }),
  z.object({
    kind: z.literal('referral'),
    bodyKind: z.enum(REFERRAL_BODY_KINDS),
    bodyName: z.string(),
    note: z.string().nullable(),
  }),
]);
export type VisitDetails = z.infer<typeof visitDetailsSchema>;

export const visitDetailSchema = visitSummarySchema.extend({
  centreName: z.string(),
  steps: z.array(z.string()),
  details: visitDetailsSchema.nullable(),
});
export type VisitDetail = z.infer<typeof visitDetailSchema>;

/** What the desk gets back: the receipt (the same one for a retry with the same idempotency key). */
export const registeredVisitSchema = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  /** False when this was a retry of a visit already registered. */
  created: z.boolean(),
  track: z.enum(RECEPTION_TRACKS),
  trackRecordId: z.string().nullable(),
  trackCode: z.string().nullable(),
});
export type RegisteredVisit = z.infer<typeof registeredVisitSchema>;

export const visitorRevealedSchema = z.object({ field: z.enum(VISITOR_FIELDS), value: z.string() });

/** The public progress of one visit: nothing unmasked, nothing about anyone else. */
export const visitProgressSchema = z.object({
  receiptNumber: z.string(),
  /** The day of the visit (YYYY-MM-DD, China time). */
  visitedOn: z.string(),
  /** The centre that received the visitor (a region's name: 格物街道综治中心). */
  centreName: z.string(),
  track: z.enum(RECEPTION_TRACKS),
  trackLabel: z.string(),
  steps: z.array(z.string()),
  progress: publicProgressSchema,
  /** When the record last moved, and when it ended (null while open). */
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  /** The visitor's name masked (张*), so they recognise their own visit. */
  visitorMasked: z.string().nullable(),
  /** A referral: the kind of body the visitor was referred to (法律援助机构), never a person. */
  referredTo: z.string().nullable(),
});
export type VisitProgress = z.infer<typeof visitProgressSchema>;

export const myVisitsSchema = z.object({ items: z.array(visitProgressSchema) });
export type MyVisits = z.infer<typeof myVisitsSchema>;
