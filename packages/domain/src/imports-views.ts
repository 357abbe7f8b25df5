import { z } from 'zod';
import type { Action } from './roles.ts';

/**
 * Bulk imports (导入): what may be imported, in which file formats, and the job the server answers
 * while it validates and commits — declared once, used by the routes, the import table and the web client.
 */
export const IMPORT_KINDS = ['residents', 'houses', 'organisations', 'grids'] as const;
export const importKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof importKindSchema>;

/**
 * What each kind of import needs beyond `base.import`: the action that manages what it writes (the
 * centre manages people, houses and organisations; the administrator the grids). The import page
 * offers only the kinds its user may import, and the server refuses the others (403
 * `import.kind_forbidden`) for templates, uploads and commits alike.
 */
export const IMPORT_KIND_ACTION: Record<ImportKind, Action> = {
  residents: 'person.manage',
  houses: 'person.manage',
  organisations: 'person.manage',
  grids: 'grid.manage',
};

/** The kinds of import a user with these permissions may run, in the catalogue's order. */
export function importableKinds(can: (action: Action) => boolean): ImportKind[] {
  return can('base.import') ? IMPORT_KINDS.filter((k) => can(IMPORT_KIND_ACTION[k])) : [];
}

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const importFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** validating → validated | invalid (dry run); committing → committed | failed (all or nothing). */
export const IMPORT_STATUSES = ['validating', 'validated', 'invalid', 'committing', 'committed', 'failed'] as const;
export const importStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof importStatusSchema>;

/** One refused cell: its row, its column header and a Chinese reason. */
export const importErrorSchema = z.object({ row: z.number(), column: z.string(), message: z.string() });
export type ImportError = z.infer<typeof importErrorSchema>;

export const importJobSchema = z.object({
  id: z.string(),
  kind: importKindSchema,
  format: importFormatSchema,
  status: importStatusSchema,
  fileName: z.string().nullable(),
  totalRows: z.number(),
  processedRows: z.number(),
  validRows: z.number(),
  /** All errors found; `errors` holds only the first ones. */
  errorCount: z.number(),
  errors: z.array(importErrorSchema),
  /** Why a commit failed (status 'failed'), else null. */
  failure: z.string().nullable(),
  createdAt: z.string(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
