import fs from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { type SQL, sql } from 'drizzle-orm';
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

export type RetentionDeps = {
  db: Db;
  clock: Clock;
  config: { dataDir: string; GEWU_ATTACHMENT_UNLINKED_DAYS: number };
};

const MARK = 'attachments.unlinked';

/** How a column holds attachment ids: a uuid array, a JSON array of strings, or one uuid. */
type LinkShape = 'uuid[]' | 'jsonb' | 'uuid';

/**
 * Every column that links photos (and scans) to a record: the purge keeps any photo one of them names.
 * A module that stores attachment ids adds its column here; `attachments.retention.test.ts` compares
 * this list with the database's columns whose name speaks of attachments, photos or scans, so a new one
 * cannot be missed.
 */
export const ATTACHMENT_LINKS: readonly { table: string; column: string; shape: LinkShape }[] = [
  { table: 'case_events', column: 'attachment_ids', shape: 'uuid[]' },
  { table: 'case_supplements', column: 'attachment_ids', shape: 'uuid[]' },
  { table: 'dispute_events', column: 'attachment_ids', shape: 'uuid[]' },
  { table: 'risk_meetings', column: 'attachment_ids', shape: 'uuid[]' },
  { table: 'deliberation_stages', column: 'attachment_ids', shape: 'uuid[]' },
  { table: 'notices', column: 'attachment_ids', shape: 'jsonb' },
  { table: 'owner_vote_ballots', column: 'scan_attachment_id', shape: 'uuid' },
  { table: 'consultation_topics', column: 'attachment_ids', shape: 'jsonb' },
  { table: 'consultation_topics', column: 'implementation_attachment_ids', shape: 'jsonb' },
  { table: 'micro_projects', column: 'photo_ids', shape: 'uuid[]' },
  { table: 'micro_projects', column: 'before_photo_ids', shape: 'uuid[]' },
  { table: 'micro_projects', column: 'after_photo_ids', shape: 'uuid[]' },
  { table: 'inspection_answers', column: 'photo_ids', shape: 'uuid[]' },
  { table: 'visits', column: 'photo_ids', shape: 'uuid[]' },
];

/** Whether any linking column names the photo `a`. */
function linkedSql(): SQL {
  const tests = ATTACHMENT_LINKS.map(({ table, column, shape }) => {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    if (shape === 'uuid[]')
      return sql`EXISTS (SELECT 1 FROM ${t} l WHERE l.${c} <> '{}'::uuid[] AND l.${c} @> ARRAY[a.id])`;
    if (shape === 'jsonb') return sql`EXISTS (SELECT 1 FROM ${t} l WHERE l.${c} @> jsonb_build_array(a.id::text))`;
    return sql`EXISTS (SELECT 1 FROM ${t} l WHERE l.${c} = a.id)`;
  });
  return sql`(${sql.join(tests, sql` OR `)})`;
}

/**
 * Deletes photos uploaded more than `GEWU_ATTACHMENT_UNLINKED_DAYS` ago that no record links to (a
 * report abandoned after its photo went up, say): the rows first, with one audit entry per batch
 * naming them, then their three files. Photos are personal data (faces, plates, the place where
 * they were taken) and are kept only for the record they belong to: the columns in ATTACHMENT_LINKS.
 *
 * Each photo is looked at once, when it comes of age: the run walks `attachments` in (created_at,
 * id) order from the mark the last run left in `job_marks`. A photo linked then stays linked (events
 * are never deleted), so the hourly work follows the photos uploaded in an hour, not all there
 * are. The mark's row is locked by the batch that moves it: on several instances one walks while
 * the others wait, then find nothing left. Returns how many photos were purged.
 */
export async function purgeUnlinkedAttachments(deps: RetentionDeps, batchSize = 500): Promise<number> {
  const cutoff = new Date(
    deps.clock.now().getTime() - deps.config.GEWU_ATTACHMENT_UNLINKED_DAYS * DAY_MS,
  ).toISOString();
  let purged = 0;
  for (;;) {
    const batch = await deps.db.transaction(async (tx) => {
      await tx.execute(
        sql`INSERT INTO job_marks (name, position, updated_at) VALUES (${MARK}, '{}'::jsonb, now()) ON CONFLICT (name) DO NOTHING`,
      );
      const [mark] = await queryRows<{ at: string | null; id: string | null }>(
        tx,
        sql`SELECT position->>'at' AS at, position->>'id' AS id FROM job_marks WHERE name = ${MARK} FOR UPDATE`,
      );
      // The timestamp travels as PostgreSQL's own text, so the mark keeps its microseconds.
      const seen = await queryRows<{
        id: string;
        at: string;
        linked: boolean;
        original_path: string;
        public_path: string;
        thumb_path: string;
      }>(
        tx,
        sql`SELECT a.id, a.created_at::text AS at, a.original_path, a.public_path, a.thumb_path,
                   ${linkedSql()} AS linked
              FROM attachments a
             WHERE (a.created_at, a.id) > (${mark?.at ?? '-infinity'}::timestamptz, ${mark?.id ?? '00000000-0000-0000-0000-000000000000'}::uuid)
               AND a.created_at < ${cutoff}::timestamptz
             ORDER BY a.created_at, a.id LIMIT ${batchSize}`,
      );
      const last = seen.at(-1);
      if (!last) return { seen: 0, purged: 0, files: [] };
      const doomed = seen.filter((r) => !r.linked);
      if (doomed.length) {
        await tx.execute(
          sql`DELETE FROM attachments WHERE id = ANY(${`{${doomed.map((r) => r.id).join(',')}}`}::uuid[])`,
        );
        await recordAudit(tx, deps.clock, systemContext(), {
          action: 'attachment.purge_unlinked',
          targetType: 'attachment',
          detail: { count: doomed.length, ids: doomed.map((r) => r.id), uploadedBefore: cutoff },
        });
      }
      await tx.execute(
        sql`UPDATE job_marks SET position = jsonb_build_object('at', ${last.at}::text, 'id', ${last.id}::text), updated_at = now() WHERE name = ${MARK}`,
      );
      return {
        seen: seen.length,
        purged: doomed.length,
        files: doomed.flatMap((r) => [r.original_path, r.public_path, r.thumb_path]),
      };
    });
    // The rows are gone for good; a file left behind by a failed removal is referenced by nothing.
    await Promise.all(batch.files.map((rel) => fs.promises.rm(path.join(deps.config.dataDir, rel), { force: true })));
    purged += batch.purged;
    if (batch.seen < batchSize) return purged;
    await setImmediate();
  }
}
