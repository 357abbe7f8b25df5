import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { visibleCases } from './cases.policy.ts';

/**
 * Whether the actor may see a case whose history carries this photo: a photo is part of its case,
 * so it is seen by whoever sees the case (its reporter, its handlers, the centre over its area).
 */
export async function seesCaseWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`SELECT 1 AS ok FROM case_events e JOIN cases ON cases.id = e.case_id
      WHERE e.attachment_ids <> '{}'::uuid[] AND e.attachment_ids @> ARRAY[${attachmentId}::uuid] AND ${visibleCases(actor)}
      LIMIT 1`,
  );
  return rows.length > 0;
}
