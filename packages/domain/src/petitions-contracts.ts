import { z } from 'zod';
import { localDateSchema } from './calendar.ts';
import { DOCUMENT_LIMITS, PETITION_OPINION_STAGES } from './documents.ts';
import { PETITION_LIMITS, petitionExtensionSchema } from './petitions.ts';
import { PETITION_CHANNELS, PETITION_MATTER_TYPES, PETITION_STATES, REVIEW_OUTCOMES } from './petitions-terms.ts';
import { intField, safeString } from './text.ts';

/** The limits of the petition forms, for the screens that check them before sending. */
export const PETITION_FORM_LIMITS = {
  summaryMax: 4000,
  noteMax: 2000,
  textMax: DOCUMENT_LIMITS.textMax,
  petitionersMax: DOCUMENT_LIMITS.petitionersMax,
  headcountMax: 10_000,
} as const;

const note = safeString().trim().max(PETITION_FORM_LIMITS.noteMax);
const datetime = z.string().datetime({ offset: true });
const longText = (what: string) =>
  safeString()
    .trim()
    .min(1, `请填写${what}`)
    .max(PETITION_FORM_LIMITS.textMax, `${what}不能超过${PETITION_FORM_LIMITS.textMax}个字`);
const bodyName = (what: string) => safeString().trim().min(2, `请填写${what}`).max(100);

/** A petitioner (信访人): name, identity number and phone are stored encrypted and shown masked. */
export const petitionerInputSchema = z.strictObject({
  name: safeString().trim().min(1, '请填写信访人姓名').max(50),
  gender: z.enum(['male', 'female']).optional(),
  idNumber: safeString().trim().max(18).optional(),
  phone: safeString().trim().max(20).optional(),
  address: safeString().trim().max(200).optional(),
});
export type PetitionerInput = z.infer<typeof petitionerInputSchema>;

/** 登记: what the centre takes down for a letter, a visit, an online or a phone petition. */
export const registerPetitionBodySchema = z
  .strictObject({
    channel: z.enum(PETITION_CHANNELS),
    /** The village/community or township the matter concerns (in the actor's area). */
    regionId: z.string().uuid(),
    summary: safeString().trim().min(2, '请填写信访事项（诉求及理由）').max(PETITION_FORM_LIMITS.summaryMax),
    matterType: z.enum(PETITION_MATTER_TYPES),
    /** 被反映对象: the body or person complained about. */
    respondent: safeString().trim().min(1, '请填写被反映对象').max(100),
    /** The matter's object: a parcel, an address, a decision number. */
    subjectObject: safeString().trim().min(1, '请填写信访事项涉及的具体对象').max(200),
    /** How many people came (a visit) or signed (a letter). */
    headcount: intField(1, PETITION_FORM_LIMITS.headcountMax).default(1),
    /** When the petition was received (default: now); the 15 days count from the next day. */
    receivedAt: datetime.optional(),
    petitioners: z
      .array(petitionerInputSchema)
      .min(1, '请至少登记一名信访人')
      .max(PETITION_FORM_LIMITS.petitionersMax, `一次最多登记${PETITION_FORM_LIMITS.petitionersMax}名信访人`),
    /** The earlier petition on the same matter this one repeats (重复信访). */
    repeatOfId: z.string().uuid().optional(),
    /** Staff found new facts or reasons: a petition after 复核 is then not the same matter. */
    newFactsOrReasons: z.boolean().default(false),
    /** The reception desk's receipt number, when the visitor came through it. */
    receiptNo: safeString().trim().max(40).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.headcount < b.petitioners.length)
      ctx.addIssue({ code: 'custom', path: ['headcount'], message: '人数不能少于登记的信访人数' });
  });
export type RegisterPetitionBody = z.infer<typeof registerPetitionBodySchema>;
export type RegisterPetitionInput = z.input<typeof registerPetitionBodySchema>;

/** What staff establish about the matter at intake (PetitionMatterNature): the route follows from it. */
export const petitionFindingsSchema = z.strictObject({
  refiledAfterReexamination: z.boolean().optional(),
  lawRelated: z.boolean().optional(),
  belongsToArbitration: z.boolean().optional(),
  belongsToAdministrativeReview: z.boolean().optional(),
  belongsToLitigation: z.boolean().optional(),
  disciplinaryComplaint: z.boolean().optional(),
  outsideCompetence: z.boolean().optional(),
});
export type PetitionFindings = z.infer<typeof petitionFindingsSchema>;

const v = { version: intField(1) };
const extension = petitionExtensionSchema(PETITION_LIMITS).shape;
const opinionText = {
  facts: longText('调查核实的情况'),
  opinion: longText('处理意见'),
  basis: longText('处理依据'),
};
/** The issuing body and its 机关代字, when not the centre's own (default: from the centre's name); the opinion's date. */
const issuer = {
  /** The day the opinion is dated (default: today). */
  date: localDateSchema.optional(),
  body: bodyName('办理机关名称').optional(),
  agency: safeString()
    .trim()
    .regex(/^[\p{Script=Han}A-Za-z]{1,10}$/u, '机关代字应为1至10个汉字或字母')
    .optional(),
};

/** One action on a petition, shaped by its kind. `version` is the version the actor saw: a stale one gets 409. */
export const petitionActionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('intake'),
    ...v,
    findings: petitionFindingsSchema.default({}),
    /** The body a petition outside the centre's duties goes to (转送 …), or a named political-legal / discipline organ. */
    destination: safeString().trim().min(2).max(100).optional(),
    /** Required when the intake is decided after its 15 days. */
    lateReason: note.optional(),
    note: note.optional(),
  }),
  z.strictObject({
    action: z.literal('extend'),
    ...v,
    /**
     * The days asked for. The cap is the limit in force (national 30, or a province's shorter one), checked
     * by the rule (extensionWithinLimit) against the extensions already granted, with its own code.
     */
    days: intField(1, 365),
    reason: extension.reason,
    /** The leader who approved it (负责人批准); a leader extending approves it themselves. */
    approverUserId: z.string().uuid().optional(),
    note: note.optional(),
  }),
  z.strictObject({
    action: z.literal('record_hearing'),
    ...v,
    start: datetime,
    end: datetime,
    place: safeString().trim().min(1, '请填写听证地点').max(200),
    note: note.optional(),
  }),
  z.strictObject({
    action: z.literal('reply'),
    ...v,
    ...opinionText,
    ...issuer,
    /** The body 复查 may be requested of (default: the next higher body). */
    reviewBody: bodyName('受理复查的机关').optional(),
    /** The day the petitioner received the reply (default: its date): the 30-day 复查 window counts from it. */
    deliveredOn: localDateSchema.optional(),
    note: note.optional(),
  }),
  z.strictObject({
    action: z.literal('request_review'),
    ...v,
    /** The day the 复查 request was received (default: today). */
    receivedOn: localDateSchema.optional(),
    note: note.optional(),
  }),
  z.strictObject({
    action: z.literal('decide_review'),
    ...v,
    outcome: z.enum(REVIEW_OUTCOMES),
    ...opinionText,
    ...issuer,
    reviewBody: bodyName('受理复核的机关').optional(),
    deliveredOn: localDateSchema.optional(),
    note: note.optional(),
  }),
  z.strictObject({
    action: z.literal('request_reexamination'),
    ...v,
    receivedOn: localDateSchema.optional(),
    note: note.optional(),
  }),
  z.strictObject({
    action: z.literal('decide_reexamination'),
    ...v,
    outcome: z.enum(REVIEW_OUTCOMES),
    ...opinionText,
    ...issuer,
    deliveredOn: localDateSchema.optional(),
    note: note.optional(),
  }),
  z.strictObject({ action: z.literal('take'), ...v, note: note.optional() }),
  z.strictObject({ action: z.literal('supervise'), ...v, note: note.optional() }),
]);
export type PetitionActionBody = z.infer<typeof petitionActionBodySchema>;

const flag = z
  .enum(['true', 'false'])
  .transform((x) => x === 'true')
  .optional();

export const petitionListQuerySchema = z.strictObject({
  /** all: what the actor sees; queue: waiting on the centre (clock running); led: the leader's 包案; overdue: past a limit. */
  view: z.enum(['all', 'queue', 'led', 'overdue']).default('all'),
  state: z.union([z.enum(PETITION_STATES), z.array(z.enum(PETITION_STATES)).max(10)]).optional(),
  channel: z.enum(PETITION_CHANNELS).optional(),
  matterType: z.enum(PETITION_MATTER_TYPES).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  collective: flag,
  repeat: flag,
  q: safeString().trim().max(50).optional(),
  sort: z.enum(['registered_desc', 'deadline_asc']).default('registered_desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PetitionListQuery = z.infer<typeof petitionListQuerySchema>;

/** The opinion printed as a PDF: the reply (处理意见书), the 复查意见书 or the 复核意见书. */
export const petitionDocumentQuerySchema = z.strictObject({
  stage: z.enum(PETITION_OPINION_STAGES).default('handling'),
});

export const petitionFiguresQuerySchema = z.strictObject({
  from: datetime,
  to: datetime,
  /** Per township (the centre handling them) or per village/community (where the matter arose). */
  by: z.enum(['township', 'village']).default('township'),
});
export type PetitionFiguresQuery = z.infer<typeof petitionFiguresQuerySchema>;
