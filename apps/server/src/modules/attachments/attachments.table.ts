import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Uploaded photos. The original stays private (staff only); `public_path` is a re-encoded copy
 * without EXIF/GPS metadata, shown to residents and public clients; `thumb_path` a small preview.
 * Paths are relative to the data directory.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    originalPath: text('original_path').notNull(),
    publicPath: text('public_path').notNull(),
    thumbPath: text('thumb_path').notNull(),
    fileName: text('file_name'),
    uploadedBy: uuid('uploaded_by'),
    /** The API key that uploaded it, for uploads by other systems. */
    apiKeyId: uuid('api_key_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // By age: the unlinked-photo purge walks it in (created_at, id) order from where it stopped.
  (t) => [index('attachments_uploader_idx').on(t.uploadedBy), index('attachments_created_idx').on(t.createdAt, t.id)],
);
