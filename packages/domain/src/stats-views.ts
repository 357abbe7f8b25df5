import { z } from 'zod';
import { riskLevelSchema } from './people.ts';

/**
 * 一表通 (GET /api/stats/tallies): derived from the base data, never typed in again — declared once,
 * used by the route's response schema and by the web client's types.
 */
export const talliesViewSchema = z.object({
  elderlyAlonePerVillage: z.array(
    z.object({ villageId: z.string(), villageCode: z.string(), villageName: z.string(), count: z.number() }),
  ),
  rentalsPerGrid: z.array(
    z.object({
      gridId: z.string(),
      gridCode: z.string(),
      gridName: z.string(),
      rentalHouses: z.number(),
      tenants: z.number(),
    }),
  ),
  /** One row per township and risk level; the id is null when the township's code names no region. */
  specialPerRiskPerTownship: z.array(
    z.object({
      townshipId: z.string().nullable(),
      townshipCode: z.string(),
      townshipName: z.string(),
      riskLevel: riskLevelSchema,
      count: z.number(),
    }),
  ),
});
export type TalliesView = z.infer<typeof talliesViewSchema>;
