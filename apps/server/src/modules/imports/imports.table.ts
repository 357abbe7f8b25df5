import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_STATUSES, type ImportError } from '@gewu/domain';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Bulk imports: the uploaded file is validated in full (dry run) before anything is written; commit is all-or-nothing. */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
  format: text('format', { enum: IMPORT_FORMATS }).notNull(),
  status: text('status', { enum: IMPORT_STATUSES }).notNull(),
  fileName: text('file_name'),
  filePath: text('file_path').notNull(),
  actorId: uuid('actor_id').notNull(),
  regionPath: text('region_path').notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  validRows: integer('valid_rows').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  /** The first errors, each with its row, column and a Chinese reason. */
  errors: jsonb('errors').$type<ImportError[]>().notNull().default([]),
  failure: text('failure'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
