import { z } from 'zod';
import { INSPECTION_LIMITS as L, INSPECTION_PLACE_KINDS, INSPECTION_PLACE_TYPES } from './inspections.ts';
import { queryInt, safeString } from './text.ts';

/* The 隐患排查 routes' inputs and answers (server route schemas and the web; the phone imports inspections.ts only). */

/** A template's or an item's stable key. */
export const inspectionKeySchema = safeString().regex(/^[a-z][a-z0-9_]{1,39}$/, '检查项编码为小写字母、数字和下划线');
const finite = z.number().min(-1e9).max(1e9);

const answerTypeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pass_fail') }),
  z.strictObject({
    kind: z.literal('number'),
    unit: safeString().trim().min(1).max(20),
    min: finite.nullable(),
    max: finite.nullable(),
  }),
]);

export const inspectionItemSchema = z.strictObject({
  key: inspectionKeySchema,
  text: safeString().trim().min(2, '请填写检查内容').max(L.textMax),
  answer: answerTypeSchema,
  required: z.boolean(),
  photoOnFail: z.boolean(),
  caseItem: z.strictObject({
    code: safeString().regex(/^\d{5}$/, '事项编码应为 5 位数字'),
    fields: z
      .record(safeString().max(64), z.union([safeString().max(200), z.array(safeString().max(200)).max(20)]))
      .optional(),
  }),
  source: safeString().trim().min(1, '请注明依据（或"local practice"）').max(L.sourceMax),
});

/** An edit of a template: the whole new version (copy-on-write; the old version stays for its inspections). */
export const inspectionTemplateEditSchema = z.strictObject({
  name: safeString().trim().min(2).max(L.nameMax),
  placeTypes: z.array(z.enum(INSPECTION_PLACE_TYPES)).min(1).max(INSPECTION_PLACE_TYPES.length),
  items: z.array(inspectionItemSchema).min(1).max(L.itemsMax),
});
export type InspectionTemplateEdit = z.infer<typeof inspectionTemplateEditSchema>;

export const inspectionTemplateViewSchema = inspectionTemplateEditSchema.extend({
  id: z.string().uuid(),
  key: z.string(),
  version: z.number().int(),
  regionPath: z.string(),
  createdAt: z.string(),
});
export type InspectionTemplateView = z.infer<typeof inspectionTemplateViewSchema>;
export const inspectionTemplateListSchema = z.object({ items: z.array(inspectionTemplateViewSchema) });

const placeSchema = z.strictObject({ kind: z.enum(INSPECTION_PLACE_KINDS), id: z.string().uuid() });

export const inspectionAnswerSchema = z.strictObject({
  key: inspectionKeySchema,
  result: z.enum(['pass', 'fail', 'na']).optional(),
  value: finite.optional(),
  note: safeString().trim().max(L.noteMax).optional(),
  photoIds: z.array(z.string().uuid()).max(L.photosMax).default([]),
});

/** One inspection as the phone submits it (maybe hours later, from its outbox): `clientId` makes a retry harmless. */
export const inspectionCreateSchema = z.strictObject({
  clientId: z.string().uuid(),
  templateId: z.string().uuid(),
  place: placeSchema,
  placeType: z.enum(INSPECTION_PLACE_TYPES),
  location: z.strictObject({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).optional(),
  performedAt: z.string().datetime({ offset: true }),
  answers: z.array(inspectionAnswerSchema).max(L.itemsMax),
  note: safeString().trim().max(L.noteMax).optional(),
});
export type InspectionCreate = z.infer<typeof inspectionCreateSchema>;

const day = safeString()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, '日期无效');
export const inspectionListQuerySchema = z.strictObject({
  placeKind: z.enum(INSPECTION_PLACE_KINDS).optional(),
  placeId: z.string().uuid().optional(),
  templateKey: inspectionKeySchema.optional(),
  /** China days, both included (the figures' period). */
  from: day.optional(),
  to: day.optional(),
  failedOnly: z.enum(['true', 'false']).optional(),
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 100).default(20),
});

export const inspectionLastQuerySchema = z.strictObject({
  placeKind: z.enum(INSPECTION_PLACE_KINDS),
  placeId: z.string().uuid(),
  templateKey: inspectionKeySchema,
});

const answerViewSchema = z.object({
  key: z.string(),
  text: z.string(),
  result: z.enum(['pass', 'fail', 'na']),
  value: z.number().nullable(),
  note: z.string().nullable(),
  photoIds: z.array(z.string()),
  caseId: z.string().nullable(),
  caseCode: z.string().nullable(),
});

export const inspectionViewSchema = z.object({
  id: z.string().uuid(),
  templateId: z.string().uuid(),
  templateKey: z.string(),
  templateVersion: z.number().int(),
  templateName: z.string(),
  placeKind: z.enum(INSPECTION_PLACE_KINDS),
  placeId: z.string().uuid(),
  placeName: z.string(),
  placeType: z.enum(INSPECTION_PLACE_TYPES),
  gridId: z.string().nullable(),
  inspectorName: z.string(),
  performedAt: z.string(),
  failedCount: z.number().int(),
  note: z.string().nullable(),
  answers: z.array(answerViewSchema),
  createdAt: z.string(),
});
export type InspectionView = z.infer<typeof inspectionViewSchema>;

export const inspectionPageSchema = z.object({
  items: z.array(inspectionViewSchema.omit({ answers: true })),
  total: z.number().int(),
});

/** The place's last inspection with a template: each item's earlier answer (null: never inspected). */
export const inspectionLastSchema = z.object({ last: inspectionViewSchema.nullable() });

export const inspectionCaseResultSchema = z.object({
  caseId: z.string().uuid(),
  caseCode: z.string(),
  created: z.boolean(),
});

export const inspectionFiguresQuerySchema = z.strictObject({
  from: day,
  to: day,
  /** A region of the caller's area (default: all of it). */
  regionId: z.string().uuid().optional(),
});
export const inspectionFiguresSchema = z.object({
  inspections: z.number().int(),
  withFailures: z.number().int(),
  failedItems: z.number().int(),
  casesMade: z.number().int(),
  byTemplate: z.array(
    z.object({ templateKey: z.string(), inspections: z.number().int(), failedItems: z.number().int() }),
  ),
});
export type InspectionFigures = z.infer<typeof inspectionFiguresSchema>;
