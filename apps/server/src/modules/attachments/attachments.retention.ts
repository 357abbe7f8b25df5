import fs from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { systemContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';

const DAY_MS = 86_400_000;

/**
 * A photo may be linked to a record until one day before it can be purged. A report that passed
 * that check commits within seconds, so the purge (a day later at the earliest) always sees the
 * link and keeps the photo: no record ever points at a purged photo.
 */
export function attachmentsLinkableSince(now: Date, unlinkedDays: number): Date {
  return new Date(now.getTime() - (unlinkedDays - 1) * DAY_MS);
}

export type RetentionDeps = { db: Db; clock: Clock; config: { dataDir: string; GEWU_ATTACHMENT_UNLINKED_DAYS: number } };

/**
 * Deletes photos uploaded more than `GEWU_ATTACHMENT_UNLINKED_DAYS` ago that no record links to (a
 * report abandoned after its photo went up, say): the rows first, with one audit entry per batch
 * naming them, then their three files. Photos are personal data (faces, plates, the place where
 * they were taken) and are kept only for the record they belong to. Only `case_events` links photos
 * today; a module that links them elsewhere must be added to the NOT EXISTS below.
 * Safe on several instances at once: each row is locked by the batch that takes it (SKIP LOCKED).
 * Returns how many photos were purged.
 */
export async function purgeUnlinkedAttachments(deps: RetentionDeps, batchSize = 500): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.GEWU_ATTACHMENT_UNLINKED_DAYS * DAY_MS);
  let purged = 0;
  for (;;) {
    const files = await deps.db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; original_path: string; public_path: string; thumb_path: string }>(
        tx,
        sql`DELETE FROM attachments WHERE id IN (
          SELECT a.id FROM attachments a
           WHERE a.created_at < ${cutoff.toISOString()}::timestamptz
             AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.attachment_ids <> '{}'::uuid[] AND e.attachment_ids @> ARRAY[a.id])
           ORDER BY a.created_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
        RETURNING id, original_path, public_path, thumb_path`,
      );
      if (rows.length) {
        await recordAudit(tx, deps.clock, systemContext(), {
          action: 'attachment.purge_unlinked',
          targetType: 'attachment',
          detail: { count: rows.length, ids: rows.map((r) => r.id), uploadedBefore: cutoff.toISOString() },
        });
      }
      return rows.flatMap((r) => [r.original_path, r.public_path, r.thumb_path]);
    });
    // The rows are gone for good; a file left behind by a failed removal is referenced by nothing.
    await Promise.all(files.map((rel) => fs.promises.rm(path.join(deps.config.dataDir, rel), { force: true })));
    purged += files.length / 3;
    if (files.length / 3 < batchSize) return purged;
    await setImmediate();
  }
}
