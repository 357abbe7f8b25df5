import { z } from 'zod';
import { intField, safeString } from './text.ts';
import { creditCodeSchema } from './people.ts';
import { timeLimitSchema } from './calendar.ts';
import { reportBodySchema } from './cases-contracts.ts';
import {
  CONFIRMATION_RESULTS,
  DECLINE_CHANNELS,
  DISPUTE_LIMITS,
  DISPUTE_RISKS,
  DISPUTE_SOURCES,
  DISPUTE_STATES,
  DISPUTE_TIERS,
  DIVERSION_PATHS,
  GUIDED_PATHS,
  ORGANISATION_KINDS,
  PARTY_ROLES,
  PARTY_SIDES,
  PERFORMANCE_RESULTS,
  TYPE_EDITABLE_STAGES,
} from './disputes.ts';

/** The limits of the dispute forms, for the screens that check them before sending. */

const note = safeString().trim().max(DISPUTE_LIMITS.noteMax);
const datetime = z.string().datetime({ offset: true });
const dateOnly = safeString().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const attachmentIds = z.array(z.string().uuid()).max(DISPUTE_LIMITS.attachmentsMax).default([]);
export const disputeTypeCodeSchema = safeString().regex(/^[a-z][a-z0-9_]{1,39}$/, '类型编码应为小写字母、数字和下划线');

const partyBase = {
  side: z.enum(PARTY_SIDES),
  role: z.enum(PARTY_ROLES).default('principal'),
  name: safeString().trim().min(1, '请填写当事人名称').max(100),
  phone: safeString().trim().max(20).optional(),
  address: safeString().trim().max(200).optional(),
};

/**
 * A party (当事人): a person — whose name, identity number and phone are stored encrypted and shown
 * masked — or an organisation (its name and 统一社会信用代码 are not personal data).
 */
export const partyInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('person'), ...partyBase, idNumber: safeString().trim().max(18).optional() }),
  z.strictObject({ kind: z.literal('organisation'), ...partyBase, creditCode: creditCodeSchema.optional() }),
]);
export type PartyInput = z.infer<typeof partyInputSchema>;

/** A party's correction: the fields to change (its kind stays). */
export const partyPatchSchema = z
  .strictObject({
    side: z.enum(PARTY_SIDES).optional(),
    role: z.enum(PARTY_ROLES).optional(),
    name: safeString().trim().min(1).max(100).optional(),
    phone: safeString().trim().max(20).nullable().optional(),
    address: safeString().trim().max(200).nullable().optional(),
    idNumber: safeString().trim().max(18).nullable().optional(),
    creditCode: creditCodeSchema.nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '至少需要修改一个字段' });
export type PartyPatch = z.infer<typeof partyPatchSchema>;

/** 登记: what the desk takes down. */
export const registerDisputeBodySchema = z.strictObject({
  typeCode: disputeTypeCodeSchema,
  summary: safeString().trim().min(2, '请填写纠纷简要情况').max(DISPUTE_LIMITS.summaryMax),
  /** The village/community (or township) where the dispute arose; a converted case's own by default. */
  regionId: z.string().uuid().optional(),
  address: safeString().trim().max(200).optional(),
  risk: z.enum(DISPUTE_RISKS).default('general'),
  civilToCriminal: z.boolean().default(false),
  stabilityUserId: z.string().uuid().optional(),
  source: z.enum(DISPUTE_SOURCES),
  referringBody: safeString().trim().max(100).optional(),
  externalRef: safeString().trim().max(100).optional(),
  /** source case_conversion: the case turned into this dispute (转矛盾纠纷); only with that source. */
  caseId: z.string().uuid().optional(),
  /** source case_conversion: why the case is a dispute, recorded as the case's event (required then). */
  note: note.optional(),
  parties: z.array(partyInputSchema).max(DISPUTE_LIMITS.partiesMax).default([]),
});
export type RegisterDisputeBody = z.infer<typeof registerDisputeBodySchema>;

/**
 * 转案件: the matter for a department that mediation found, filed as a case in the centre's queue —
 * what it is (an item of the catalogue), where, and why (the note, recorded as the dispute's event).
 * Without a location the case is placed at the dispute's village/community.
 */
export const referCaseBodySchema = reportBodySchema
  .pick({ itemCode: true, description: true, location: true, address: true })
  .extend({
    version: intField(1),
    note: note.min(1, '请说明转案件的理由'),
  });
export type ReferCaseBody = z.infer<typeof referCaseBodySchema>;

const v = { version: intField(1) };
const term = z.strictObject({ text: safeString().trim().max(2000), dueDate: dateOnly.nullable().default(null) });

/** One action on a dispute, shaped by its kind. `version` is the version the actor saw: a stale one gets 409. */
export const disputeActionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), ...v, note: note.optional() }),
  z.strictObject({ action: z.literal('decline'), ...v, note: note.optional(), channel: z.enum(DECLINE_CHANNELS) }),
  z.strictObject({
    action: z.literal('divert'),
    ...v,
    path: z.enum(DIVERSION_PATHS),
    organisationId: z.string().uuid(),
    note: note.optional(),
  }),
  z.strictObject({ action: z.literal('assign'), ...v, mediatorUserId: z.string().uuid(), note: note.optional() }),
  z.strictObject({ action: z.literal('reassign'), ...v, mediatorUserId: z.string().uuid(), note: note.optional() }),
  z.strictObject({
    action: z.literal('record_session'),
    ...v,
    heldAt: datetime,
    place: safeString().trim().min(1, '请填写调解地点').max(200),
    /** The parties who attended (their names are shown from the party list, never copied into the record). */
    attendeePartyIds: z.array(z.string().uuid()).max(DISPUTE_LIMITS.attendeesMax).default([]),
    /** Others present: mediators, village cadres, witnesses (as the record names them). */
    otherAttendees: z.array(safeString().trim().min(1).max(100)).max(DISPUTE_LIMITS.attendeesMax).default([]),
    note: note.optional(),
    attachmentIds,
  }),
  z.strictObject({
    action: z.literal('agree'),
    ...v,
    partyIds: z.array(z.string().uuid()).max(DISPUTE_LIMITS.partiesMax).default([]),
    facts: safeString().trim().max(DISPUTE_LIMITS.summaryMax).default(''),
    terms: z.array(term).max(DISPUTE_LIMITS.termsMax).default([]),
    effectiveAt: datetime.optional(),
    note: note.optional(),
    attachmentIds,
  }),
  z.strictObject({ action: z.literal('fail'), ...v, guidedPath: z.enum(GUIDED_PATHS), note: note.optional() }),
  z.strictObject({ action: z.literal('escalate'), ...v, note: note.optional() }),
  z.strictObject({
    action: z.literal('apply_confirmation'),
    ...v,
    court: safeString().trim().min(2, '请填写受理申请的人民法院').max(100),
    appliedAt: datetime.optional(),
    note: note.optional(),
  }),
  z.strictObject({
    action: z.literal('record_confirmation'),
    ...v,
    result: z.enum(CONFIRMATION_RESULTS),
    decidedAt: datetime.optional(),
    rulingNo: safeString().trim().max(100).optional(),
    note: note.optional(),
  }),
  z.strictObject({ action: z.literal('waive_confirmation'), ...v, note: note.optional() }),
  z.strictObject({
    action: z.literal('follow_up'),
    ...v,
    performance: z.enum(PERFORMANCE_RESULTS),
    note: note.optional(),
    attachmentIds,
  }),
  z.strictObject({ action: z.literal('close'), ...v, note: note.optional() }),
  z.strictObject({
    action: z.literal('assess_risk'),
    ...v,
    risk: z.enum(DISPUTE_RISKS),
    civilToCriminal: z.boolean(),
    stabilityUserId: z.string().uuid().nullable().default(null),
    note: note.optional(),
  }),
  z.strictObject({
    action: z.literal('attach_signed_agreement'),
    ...v,
    /** The scans or photos of the signed 人民调解协议书 (uploaded first through /api/attachments). */
    attachmentIds: z
      .array(z.string().uuid())
      .min(1, '请上传已签署协议书的扫描件或照片')
      .max(DISPUTE_LIMITS.attachmentsMax),
    note: note.optional(),
  }),
]);
export type DisputeActionBody = z.infer<typeof disputeActionBodySchema>;

export const disputeListQuerySchema = z.strictObject({
  /** all: everything the actor sees; mine: what the mediator holds; queue: what waits on the centre. */
  view: z.enum(['all', 'mine', 'queue']).default('all'),
  state: z.union([z.enum(DISPUTE_STATES), z.array(z.enum(DISPUTE_STATES)).max(10)]).optional(),
  typeCode: disputeTypeCodeSchema.optional(),
  risk: z.enum(DISPUTE_RISKS).optional(),
  tier: z.enum(DISPUTE_TIERS).optional(),
  source: z.enum(DISPUTE_SOURCES).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  organisationId: z.string().uuid().optional(),
  civilToCriminal: z
    .enum(['true', 'false'])
    .transform((x) => x === 'true')
    .optional(),
  q: safeString().trim().max(50).optional(),
  sort: z.enum(['registered_desc', 'deadline_asc']).default('registered_desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DisputeListQuery = z.infer<typeof disputeListQuerySchema>;

export const proposalQuerySchema = z.strictObject({
  path: z.enum(DIVERSION_PATHS).optional(),
  tier: z.enum(DISPUTE_TIERS).optional(),
});
export type ProposalQuery = z.infer<typeof proposalQuerySchema>;

/** An organisation as the admin creates it: at a village/community, township or county, for some dispute types (none: all). */
export const mediationOrganisationInputSchema = z.strictObject({
  regionId: z.string().uuid(),
  name: safeString().trim().min(2).max(100),
  kind: z.enum(ORGANISATION_KINDS),
  typeCodes: z.array(disputeTypeCodeSchema).max(30).default([]),
});
export type MediationOrganisationInput = z.infer<typeof mediationOrganisationInputSchema>;

export const mediationOrganisationPatchSchema = z
  .strictObject({
    name: safeString().trim().min(2).max(100).optional(),
    typeCodes: z.array(disputeTypeCodeSchema).max(30).optional(),
    active: z.boolean().optional(),
  })
  .refine((x) => Object.values(x).some((y) => y !== undefined), { message: '至少需要修改一个字段' });
export type MediationOrganisationPatch = z.infer<typeof mediationOrganisationPatchSchema>;

export const mediatorLinkSchema = z.strictObject({
  organisationId: z.string().uuid(),
  title: safeString().trim().max(50).optional(),
});
export type MediatorLink = z.infer<typeof mediatorLinkSchema>;

/** A type's own limits by stage (TYPE_EDITABLE_STAGES); a stage left out keeps DEFAULT_DISPUTE_LIMITS. */
const typeLimits = z.strictObject({
  accept: timeLimitSchema.optional(),
  divert: timeLimitSchema.optional(),
  assign: timeLimitSchema.optional(),
  mediate: timeLimitSchema.optional(),
  follow_up: timeLimitSchema.optional(),
} satisfies Record<(typeof TYPE_EDITABLE_STAGES)[number], unknown>);

export const disputeTypeInputSchema = z.strictObject({
  code: disputeTypeCodeSchema,
  name: safeString().trim().min(2).max(50),
  limits: typeLimits.default({}),
});
export type DisputeTypeInput = z.infer<typeof disputeTypeInputSchema>;

export const disputeTypePatchSchema = z
  .strictObject({
    name: safeString().trim().min(2).max(50).optional(),
    limits: typeLimits.optional(),
    active: z.boolean().optional(),
    sort: intField(0, 1000).optional(),
  })
  .refine((x) => Object.values(x).some((y) => y !== undefined), { message: '至少需要修改一个字段' });
export type DisputeTypePatch = z.infer<typeof disputeTypePatchSchema>;
