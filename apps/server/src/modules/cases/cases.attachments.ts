import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { visibleCases } from './cases.policy.ts';

/**
 * Whether the actor may see a case whose history carries this photo: a photo is part of its case,
 * so it is seen by whoever sees the case (its reporter, its handlers, the centre over its area) — a
 * photo added to the case by someone else (我也遇到, case_supplements) too.
 */
export async function seesCaseWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`SELECT 1 AS ok FROM case_events e JOIN cases ON cases.id = e.case_id
      WHERE e.attachment_ids <> '{}'::uuid[] AND e.attachment_ids @> ARRAY[${attachmentId}::uuid] AND ${visibleCases(actor)}
      UNION ALL
      SELECT 1 AS ok FROM case_supplements s JOIN cases ON cases.id = s.case_id
      WHERE s.attachment_ids <> '{}'::uuid[] AND s.attachment_ids @> ARRAY[${attachmentId}::uuid] AND ${visibleCases(actor)}
      LIMIT 1`,
  );
  return rows.length > 0;
}
