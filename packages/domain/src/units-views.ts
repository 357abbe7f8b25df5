import { z } from 'zod';
import { departmentKindSchema } from './items.ts';
import { nonEmptyPatch, safeString } from './text.ts';

/**
 * 处置单位 (the units cases are dispatched to): what the units routes answer and take — declared
 * once, used by the routes' schemas and by the web client's types.
 */
export const unitViewSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.string(),
  kind: z.string(),
  /** The kind's Chinese name (the kind itself when it is not a known department kind). */
  kindLabel: z.string(),
  name: z.string(),
  /** Handler accounts that belong to the unit. */
  members: z.number(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export type UnitView = z.infer<typeof unitViewSchema>;
export const unitListSchema = z.object({ items: z.array(unitViewSchema) });
export type UnitList = z.infer<typeof unitListSchema>;

/** A handler account and the unit it belongs to (null: none). */
export const userUnitViewSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type UserUnitView = z.infer<typeof userUnitViewSchema>;

const unitName = safeString().trim().min(1).max(60);
export const createUnitBodySchema = z.strictObject({
  regionId: z.string().uuid(),
  kind: departmentKindSchema,
  name: unitName,
});
export type CreateUnitBody = z.input<typeof createUnitBodySchema>;
export const updateUnitBodySchema = nonEmptyPatch(
  z.strictObject({ name: unitName.optional(), kind: departmentKindSchema.optional() }),
);
export type UpdateUnitBody = z.input<typeof updateUnitBodySchema>;
/** PUT /api/users/:id/unit: null takes the account out of its unit. */
export const setUserUnitBodySchema = z.strictObject({ unitId: z.string().uuid().nullable() });
export type SetUserUnitBody = z.input<typeof setUserUnitBodySchema>;
