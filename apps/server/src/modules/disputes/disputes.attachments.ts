import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { visibleDisputes } from './disputes.policy.ts';

/**
 * Whether the actor may see a dispute whose record carries this photo (a session's photo, a signed
 * agreement's scan): it is part of its dispute, so whoever sees the dispute sees it.
 */
export async function seesDisputeWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`SELECT 1 AS ok FROM dispute_events e JOIN disputes ON disputes.id = e.dispute_id
      WHERE e.attachment_ids <> '{}'::uuid[] AND e.attachment_ids @> ARRAY[${attachmentId}::uuid] AND ${visibleDisputes(actor)}
      LIMIT 1`,
  );
  return rows.length > 0;
}
