import { z } from 'zod';
import { recordLinkSchema } from './links-views.ts';
import { PETITION_COMMANDS } from './petitions-life.ts';
import {
  PETITION_CHANNELS,
  PETITION_MATTER_TYPES,
  PETITION_STAGES,
  PETITION_STATES,
  REVIEW_OUTCOMES,
} from './petitions-terms.ts';

/*
 * What the petition routes answer (the routes' response schemas strip anything else; the web client
 * reads the same types). A petitioner's name, identity number and phone appear only masked, except the
 * name to the centre handling the petition; leaders see them masked.
 */

const light = z.enum(['green', 'yellow', 'red']);

export const petitionerBriefSchema = z.object({
  id: z.string(),
  /** 张* */
  nameMasked: z.string(),
  phoneMasked: z.string().nullable(),
  idMasked: z.string().nullable(),
});
export type PetitionerBrief = z.infer<typeof petitionerBriefSchema>;

export const petitionerViewSchema = petitionerBriefSchema.extend({
  /** The full name, only for the centre handling the petition (null for others). */
  name: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  address: z.string().nullable(),
});
export type PetitionerView = z.infer<typeof petitionerViewSchema>;

const userRef = z.object({ id: z.string(), name: z.string() });

export const petitionSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  channel: z.enum(PETITION_CHANNELS),
  summary: z.string(),
  matterType: z.enum(PETITION_MATTER_TYPES),
  state: z.enum(PETITION_STATES),
  stage: z.enum(PETITION_STAGES).nullable(),
  /** The statutory last day of the running stage (YYYY-MM-DD) and the instant it ends (24:00). */
  stageLastDay: z.string().nullable(),
  stageDeadline: z.string().nullable(),
  light: light.nullable(),
  /** The last day the petitioner may ask for 复查 / 复核 (answered / reviewed). */
  windowLastDay: z.string().nullable(),
  collective: z.boolean(),
  headcount: z.number(),
  repeatOfId: z.string().nullable(),
  /** A refiling after 复核 was detected at registration and the refusal is proposed. */
  refilingProposed: z.boolean(),
  regionPath: z.string(),
  regionName: z.string().nullable(),
  leader: userRef.nullable(),
  extensionDays: z.number(),
  supervisionCount: z.number(),
  petitioners: z.array(petitionerBriefSchema),
  receivedAt: z.string(),
  registeredAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type PetitionSummary = z.infer<typeof petitionSummarySchema>;

export const petitionPageSchema = z.object({
  items: z.array(petitionSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type PetitionPage = z.infer<typeof petitionPageSchema>;

export const petitionEventViewSchema = z.object({
  seq: z.number(),
  type: z.string(),
  label: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type PetitionEventView = z.infer<typeof petitionEventViewSchema>;

export const petitionNoticeViewSchema = z.object({
  seq: z.number(),
  kind: z.enum(['intake', 'extension']),
  noticeKey: z.string(),
  issuedOn: z.string(),
  destination: z.string().nullable(),
  reason: z.string(),
  days: z.number().nullable(),
  newLastDay: z.string().nullable(),
  /** Who approved it (an extension). */
  approvedBy: z.string().nullable(),
});
export type PetitionNoticeView = z.infer<typeof petitionNoticeViewSchema>;

export const petitionOpinionViewSchema = z.object({
  body: z.string(),
  reviewBody: z.string(),
  number: z.string(),
  facts: z.string(),
  opinion: z.string(),
  basis: z.string(),
  outcome: z.enum(REVIEW_OUTCOMES).nullable(),
  date: z.string(),
  deliveredOn: z.string(),
});
export type PetitionOpinionView = z.infer<typeof petitionOpinionViewSchema>;

export const petitionDetailSchema = petitionSummarySchema.extend({
  respondent: z.string(),
  subjectObject: z.string(),
  receiptNo: z.string().nullable(),
  /** The visit at the centre's window that registered it (received_at), scope-checked (recordLinkSchema). */
  links: z.array(recordLinkSchema),
  newFactsOrReasons: z.boolean(),
  petitioners: z.array(petitionerViewSchema),
  stageStartedAt: z.string().nullable(),
  /** Hearing days left out of the running stage's count. */
  excludedDays: z.array(z.string()),
  /** The limit the running stage counts, with its source (PETITION_LIMITS). */
  stageLimit: z.object({ amount: z.number(), unit: z.string(), source: z.string() }).nullable(),
  refilingBar: z
    .object({
      priorPetitionId: z.string(),
      priorCode: z.string(),
      matchedBy: z.enum(['matter_id', 'subject_key']),
      reexaminationDecidedAt: z.string(),
      noticeKey: z.string(),
    })
    .nullable(),
  /** The petitions on the same matter (the first and its repeats), this one left out. */
  sameMatter: z.array(
    z.object({ id: z.string(), code: z.string(), state: z.enum(PETITION_STATES), registeredAt: z.string() }),
  ),
  intake: z
    .object({
      route: z.string(),
      rule: z.string(),
      basis: z.string(),
      destination: z.string().nullable(),
      lateReason: z.string().nullable(),
      late: z.boolean(),
    })
    .nullable(),
  hearings: z.array(
    z.object({ stage: z.enum(PETITION_STAGES), start: z.string(), end: z.string(), place: z.string() }),
  ),
  notices: z.array(petitionNoticeViewSchema),
  reply: petitionOpinionViewSchema.nullable(),
  review: petitionOpinionViewSchema.nullable(),
  reexamination: petitionOpinionViewSchema.nullable(),
  reviewRequestedOn: z.string().nullable(),
  reexaminationRequestedOn: z.string().nullable(),
  leaderTakenAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Which written opinions can be printed (as PDF) by this viewer. */
  documents: z.object({ handling: z.boolean(), review: z.boolean(), reexamination: z.boolean() }),
  events: z.array(petitionEventViewSchema),
  /** What the viewer may do now (PETITION_LIFE). */
  actions: z.array(z.enum(PETITION_COMMANDS)),
  /** The leaders over the petition's region who may approve an extension (for the centre, while it may extend). */
  approvers: z.array(userRef),
});
export type PetitionDetail = z.infer<typeof petitionDetailSchema>;

export const registeredPetitionSchema = z.object({
  id: z.string(),
  code: z.string(),
  state: z.enum(PETITION_STATES),
  version: z.number(),
  collective: z.boolean(),
  repeatOfId: z.string().nullable(),
  refilingProposed: z.boolean(),
});
export type RegisteredPetition = z.infer<typeof registeredPetitionSchema>;

/** A rate with the counts it is made of; null when nothing was due (a small area is not ranked on noise). */
export const petitionRateSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  rate: z.number().nullable(),
});
export type PetitionRate = z.infer<typeof petitionRateSchema>;

export const PETITION_RATE_KEYS = [
  'intakeOnTime',
  'handledOnTime',
  'resolvedFirstTime',
  'repeat',
  'review',
  'reexamination',
] as const;
export type PetitionRateKey = (typeof PETITION_RATE_KEYS)[number];

export const petitionFigureRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  counts: z.object({
    registered: z.number(),
    collective: z.number(),
    accepted: z.number(),
    answered: z.number(),
    reviewRequested: z.number(),
    reexaminationRequested: z.number(),
    taken: z.number(),
    supervised: z.number(),
  }),
  rates: z.object({
    /** 按期受理率: intake decided within its limit / intake decided in the period + undecided past the limit at its end. */
    intakeOnTime: petitionRateSchema,
    /** 按期办结率: answered within the (extended) limit / answered in the period + accepted and unanswered past the limit. */
    handledOnTime: petitionRateSchema,
    /** 一次性化解率: answered in the period with no 复查 asked and no repeat petition since / answered in the period. */
    resolvedFirstTime: petitionRateSchema,
    /** 重复信访率: registered in the period as a repeat of an earlier petition / registered in the period. */
    repeat: petitionRateSchema,
    /** 复查率: answered in the period whose 复查 was asked / answered in the period. */
    review: petitionRateSchema,
    /** 复核率: 复查 decided in the period whose 复核 was asked / 复查 decided in the period. */
    reexamination: petitionRateSchema,
  }),
});
export type PetitionFigureRow = z.infer<typeof petitionFigureRowSchema>;

export const petitionFiguresViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['township', 'village']),
  items: z.array(petitionFigureRowSchema),
  total: petitionFigureRowSchema,
});
export type PetitionFiguresView = z.infer<typeof petitionFiguresViewSchema>;
