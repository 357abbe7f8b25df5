import { z } from 'zod';
import {
  CONFIRMATION_RESULTS,
  DECLINE_CHANNELS,
  DISPUTE_RISKS,
  DISPUTE_SOURCES,
  DISPUTE_STAGES,
  DISPUTE_STATES,
  DISPUTE_TIERS,
  DIVERSION_PATHS,
  GUIDED_PATHS,
  ORGANISATION_KINDS,
  PARTY_KINDS,
  PARTY_ROLES,
  PARTY_SIDES,
  PERFORMANCE_RESULTS,
} from './disputes.ts';
import { DISPUTE_ACTIONS } from './disputes-life.ts';
import { TIME_LIMIT_UNITS } from './calendar.ts';
import { recordLinkSchema } from './links-views.ts';

/*
 * What the dispute routes answer (used by the routes' response schemas, which strip anything else,
 * and by the web client). A person's name, identity number and phone appear only masked, except the
 * name to the people mediating the dispute (its centre and organisation).
 */

const light = z.enum(['green', 'yellow', 'red']);

/** A party as every list shows it: masked. */
export const partyBriefSchema = z.object({
  id: z.string(),
  kind: z.enum(PARTY_KINDS),
  side: z.enum(PARTY_SIDES),
  role: z.enum(PARTY_ROLES),
  /** An organisation's name; a person's name masked (张*). */
  nameMasked: z.string(),
  phoneMasked: z.string().nullable(),
  idMasked: z.string().nullable(),
});
export type PartyBrief = z.infer<typeof partyBriefSchema>;

/** A party in the dispute's detail: the full name only for those mediating it (null for others). */
export const partyViewSchema = partyBriefSchema.extend({
  name: z.string().nullable(),
  creditCode: z.string().nullable(),
  address: z.string().nullable(),
});
export type PartyView = z.infer<typeof partyViewSchema>;

export const disputeSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  summary: z.string(),
  state: z.enum(DISPUTE_STATES),
  tier: z.enum(DISPUTE_TIERS),
  risk: z.enum(DISPUTE_RISKS),
  civilToCriminal: z.boolean(),
  source: z.enum(DISPUTE_SOURCES),
  externalRef: z.string().nullable(),
  regionPath: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  path: z.enum(DIVERSION_PATHS).nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  mediatorUserId: z.string().nullable(),
  mediatorName: z.string().nullable(),
  stage: z.enum(DISPUTE_STAGES).nullable(),
  stageDeadline: z.string().nullable(),
  light: light.nullable(),
  parties: z.array(partyBriefSchema),
  registeredAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type DisputeSummary = z.infer<typeof disputeSummarySchema>;

export const disputePageSchema = z.object({
  items: z.array(disputeSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type DisputePage = z.infer<typeof disputePageSchema>;

export const disputeEventViewSchema = z.object({
  seq: z.number(),
  type: z.string(),
  label: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  data: z.record(z.string(), z.unknown()),
});
export type DisputeEventView = z.infer<typeof disputeEventViewSchema>;

const agreementView = z.object({
  partyIds: z.array(z.string()),
  facts: z.string(),
  terms: z.array(z.object({ text: z.string(), dueDate: z.string().nullable() })),
  effectiveAt: z.string(),
});

export const disputeDetailSchema = disputeSummarySchema.extend({
  referringBody: z.string().nullable(),
  linkedCaseId: z.string().nullable(),
  stabilityUser: z.object({ id: z.string(), name: z.string() }).nullable(),
  stageStartedAt: z.string().nullable(),
  parties: z.array(partyViewSchema),
  agreement: agreementView.nullable(),
  confirmationDeadline: z.string().nullable(),
  confirmationResult: z.enum(CONFIRMATION_RESULTS).nullable(),
  performance: z.enum(PERFORMANCE_RESULTS).nullable(),
  guidedPath: z.enum(GUIDED_PATHS).nullable(),
  declineChannel: z.enum(DECLINE_CHANNELS).nullable(),
  counters: z.object({ sessions: z.number(), followUps: z.number(), escalations: z.number() }),
  endedAt: z.string().nullable(),
  events: z.array(disputeEventViewSchema),
  /** 已签署协议书扫描件: the signed agreement's scans uploaded back (attach_signed_agreement events), oldest first. */
  signedScans: z.array(z.object({ attachmentId: z.string(), at: z.string(), actorName: z.string().nullable() })),
  /** What the viewer may do now (DISPUTE_LIFE), and whether they may edit the parties. */
  actions: z.array(z.enum(DISPUTE_ACTIONS)),
  canEditParties: z.boolean(),
  /**
   * The case it was turned from, the case filed from it (转案件) and the visit at the centre's window
   * that opened it (received_at), scope-checked (recordLinkSchema).
   * `linkedCaseId` above is the first one's id, null when the viewer may not open that case.
   */
  links: z.array(recordLinkSchema),
  /** The viewer may download the 人民调解协议书 (GET /api/disputes/:id/agreement.pdf): agreed, and theirs to print. */
  canPrintAgreement: z.boolean(),
});
export type DisputeDetail = z.infer<typeof disputeDetailSchema>;

export const registeredDisputeSchema = z.object({
  id: z.string(),
  code: z.string(),
  state: z.enum(DISPUTE_STATES),
  version: z.number(),
  /** false: a case already turned into a dispute gives that dispute again (转矛盾纠纷 twice, one dispute). */
  created: z.boolean(),
});

/** 转案件's answer: the case filed from the dispute (or the one filed before: once per dispute), as the actor may see it. */
export const referredCaseSchema = z.object({
  created: z.boolean(),
  /** The dispute's version after it (for the next action). */
  disputeVersion: z.number(),
  case: recordLinkSchema,
});
export type ReferredCase = z.infer<typeof referredCaseSchema>;

export const mediatorViewSchema = z.object({
  userId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  /** Disputes the mediator holds now (MEDIATOR_HOLDING_STATES). */
  openLoad: z.number(),
});
export type MediatorView = z.infer<typeof mediatorViewSchema>;

export const mediationOrganisationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  tier: z.enum(DISPUTE_TIERS),
  regionId: z.string(),
  regionName: z.string(),
  typeCodes: z.array(z.string()),
  active: z.boolean(),
  mediators: z.array(mediatorViewSchema),
  /** Disputes diverted to it and not ended. */
  openLoad: z.number(),
});
export type MediationOrganisationView = z.infer<typeof mediationOrganisationViewSchema>;
export const mediationOrganisationListSchema = z.object({ items: z.array(mediationOrganisationViewSchema) });

export const mediationProposalSchema = z.object({
  /** The tier the dispute is at now: the lowest it may be diverted to. */
  tier: z.enum(DISPUTE_TIERS),
  organisations: z.array(
    mediationOrganisationViewSchema.extend({
      /** It names the dispute's type among those it takes (an organisation naming none takes all). */
      handlesType: z.boolean(),
      /** It sits at the dispute's tier (no reason needed to choose it). */
      atTier: z.boolean(),
    }),
  ),
});
export type MediationProposal = z.infer<typeof mediationProposalSchema>;

export const mediatorLinkedSchema = z.object({
  userId: z.string(),
  organisationId: z.string(),
  title: z.string().nullable(),
});

const limitView = z.object({ amount: z.number(), unit: z.enum(TIME_LIMIT_UNITS) });
export const disputeTypeViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  sort: z.number(),
  /** The limit of each stage for this type (its own where set, else the default), with its source. */
  limits: z.record(z.string(), limitView.extend({ source: z.string(), own: z.boolean() })),
});
export type DisputeTypeView = z.infer<typeof disputeTypeViewSchema>;
export const disputeTypeListSchema = z.object({ items: z.array(disputeTypeViewSchema) });
