import { type SQL, and, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { visibleNotices } from './notices.policy.ts';
import { notices } from './notices.table.ts';

/** Whether the actor reads a notice that carries this photo (staff of its area; residents of its village, once published). */
export async function seesNoticeWithAttachment(db: Db, actor: Actor, attachmentId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM ${notices} WHERE ${and(visibleNotices(actor), sql`${notices.attachmentIds} @> ${JSON.stringify([attachmentId])}::jsonb`) as SQL} LIMIT 1`,
  );
  return rows.length > 0;
}
