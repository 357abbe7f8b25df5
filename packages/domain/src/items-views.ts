import { z } from 'zod';
import { pageOf } from './contracts.ts';
import { admissionStateSchema, departmentKindSchema, itemFieldSchema, timeLimits } from './items.ts';

/**
 * What the item catalogue's routes answer — declared once, used by the routes' response schemas
 * and by the web client's types.
 */

/** An item of the catalogue (网格事项清单) with its category's and department's names. */
export const itemViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  filingCondition: z.string(),
  closingCondition: z.string(),
  limits: timeLimits,
  departmentKind: departmentKindSchema,
  departmentLabel: z.string(),
  gridEligible: z.boolean(),
  negativeList: z.boolean(),
  publicReport: z.boolean(),
  minor: z.boolean(),
  keywords: z.array(z.string()),
  /** Pinyin initials of the name, then of each keyword (computed on the server: the phone carries no dictionary). */
  initials: z.array(z.string()),
  unclassified: z.boolean(),
  claimable: z.boolean(),
  fields: z.array(itemFieldSchema),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type ItemView = z.infer<typeof itemViewSchema>;
export const itemsViewSchema = z.object({ items: z.array(itemViewSchema) });
export type ItemsView = z.infer<typeof itemsViewSchema>;

/** 准入: an item admitted to the grids of a region, from the proposal to the decision or the withdrawal. */
export const admissionViewSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  regionId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.string(),
  state: admissionStateSchema,
  stateLabel: z.string(),
  reason: z.string(),
  proposedByName: z.string().nullable(),
  proposedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});
export type AdmissionView = z.infer<typeof admissionViewSchema>;
export const admissionPageSchema = pageOf(admissionViewSchema);
export type AdmissionPage = z.infer<typeof admissionPageSchema>;
