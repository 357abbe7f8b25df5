import { z } from 'zod';
import { safeString } from './text.ts';
import { CASE_STATES } from './cases.ts';
import { itemCodeSchema } from './items.ts';
import { SUPPLEMENT_LIMITS } from './cases-limits.ts';

/*
 * The report form's ways out of a dead end (issue 14): the categories most reported near the user
 * as large buttons, and the open reports of the same kind nearby ("已有人上报，是否补充？", as
 * FixMyStreet does) that a resident may add to (我也遇到) instead of filing the same thing again.
 */

/**
 * 已有人上报: an open case of the same item within `radiusM` of the pin, reported in the last `days`
 * days, shown before submitting (at most `max`, nearest first). 200 m is about one block: close
 * enough to be the same problem, wide enough for a pin placed by hand.
 */
export const NEARBY_REPORTS = { radiusM: 200, days: 14, max: 5 } as const;

/**
 * 常用类别: the items most reported in the user's area over the last `days` days (at most `max`);
 * with fewer than `minCases` reports there, the default list below (what residents report most
 * anywhere: rubbish, street lights, roads, trees, water, noise).
 */
export const COMMON_ITEMS = {
  days: 30,
  max: 6,
  minCases: 5,
  defaults: ['01001', '02002', '03001', '04002', '02007', '10002'],
} as const;

export { boxAround, metresBetween } from './geo-distance.ts';

/** A distance as shown to the public: to 10 m, never 0 (a exact figure says where someone stood). */
export function shownDistance(m: number): number {
  return Math.max(10, Math.round(m / 10) * 10);
}

export const nearbyQuerySchema = z.strictObject({
  itemCode: itemCodeSchema,
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});
export type NearbyQuery = z.infer<typeof nearbyQuerySchema>;

/**
 * An open report near the pin as anyone may see it: the item, the state, the day, the distance and
 * the text the centre published (null while unpublished). No reporter, no exact place, no time of day.
 */
export const nearbyReportSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  state: z.enum(CASE_STATES),
  reportedOn: z.string(),
  distanceM: z.number(),
  publicDescription: z.string().nullable(),
  supplements: z.number(),
});
export type NearbyReport = z.infer<typeof nearbyReportSchema>;
export const nearbyReportsViewSchema = z.object({
  items: z.array(nearbyReportSchema),
  radiusM: z.number(),
  days: z.number(),
});
export type NearbyReportsView = z.infer<typeof nearbyReportsViewSchema>;

export const commonItemsViewSchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), categoryName: z.string(), count: z.number() })),
  /** `usage`: counted in the user's area; `default`: too few reports there, the default list. */
  source: z.enum(['usage', 'default']),
});
export type CommonItemsView = z.infer<typeof commonItemsViewSchema>;

/** 我也遇到: what a resident adds to someone else's open report. The key makes a retry return the same supplement. */
export const supplementBodySchema = z.strictObject({
  note: safeString()
    .trim()
    .min(SUPPLEMENT_LIMITS.noteMin, '请简单说明您看到的情况')
    .max(SUPPLEMENT_LIMITS.noteMax, `补充说明不能超过 ${SUPPLEMENT_LIMITS.noteMax} 字`),
  attachmentIds: z
    .array(z.string().uuid())
    .max(SUPPLEMENT_LIMITS.photosMax, `最多 ${SUPPLEMENT_LIMITS.photosMax} 张照片`)
    .default([]),
  idempotencyKey: safeString().trim().min(8).max(100),
});
export type SupplementBody = z.infer<typeof supplementBodySchema>;

/**
 * A supplement as shown: who added it goes where the case's reporter name goes (reporterView: to the
 * centre and to the author, never to the handling unit); its author sees `mine`.
 */
export const supplementViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  note: z.string(),
  attachmentIds: z.array(z.string()),
  authorName: z.string().nullable(),
  mine: z.boolean(),
  createdAt: z.string(),
});
export type SupplementView = z.infer<typeof supplementViewSchema>;
export const supplementsViewSchema = z.object({ items: z.array(supplementViewSchema) });
export type SupplementsView = z.infer<typeof supplementsViewSchema>;
export const supplementResultSchema = supplementViewSchema.extend({ created: z.boolean() });
