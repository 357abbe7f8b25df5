import { EventEmitter } from 'node:events';
import { type SQL, and, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { notificationReads, notifications } from './notifications.table.ts';

/** Who a notification is for: one person, everyone of a unit, or the centre (a role at one region node). */
export type NotifyTarget = { userId: string } | { unitId: string } | { regionPath: string; role: string };

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string | null;
  /** A case's notification: its subject is the case (and the case chain's `case_id` is set). */
  caseId?: string | null;
  /** Any other module's subject (a dispute, a petition …). */
  subject?: NotificationSubject | null;
  data?: Record<string, unknown>;
}

/** What a notification is about: a kind of record and its id. */
export interface NotificationSubject {
  kind: string;
  id: string;
}

/** Wakes this instance's live streams after a commit; other instances find the rows by polling. */
export const notificationBus = new EventEmitter();
notificationBus.setMaxListeners(0);

/** Writes notifications inside the caller's transaction (they commit with the change they announce). */
export async function notify(
  db: Db,
  clock: Clock,
  targets: readonly (NotifyTarget | null | undefined)[],
  n: NotificationInput,
): Promise<void> {
  const rows = notificationRows(clock, targets, n);
  if (rows.length) await db.insert(notifications).values(rows);
}

/** The inbox rows for a notification, one per distinct target (for callers that write them themselves). */
export function notificationRows(
  clock: Clock,
  targets: readonly (NotifyTarget | null | undefined)[],
  n: NotificationInput,
): (typeof notifications.$inferInsert)[] {
  return uniqueTargets(targets).map((t) => ({
    userId: 'userId' in t ? t.userId : null,
    unitId: 'unitId' in t ? t.unitId : null,
    regionPath: 'regionPath' in t ? t.regionPath : null,
    role: 'role' in t ? t.role : null,
    kind: n.kind,
    title: n.title,
    body: n.body ?? null,
    caseId: n.caseId ?? null,
    subjectKind: n.subject?.kind ?? (n.caseId ? 'case' : null),
    subjectId: n.subject?.id ?? n.caseId ?? null,
    data: n.data ?? null,
    createdAt: clock.now(),
  }));
}

/** Tells local streams to look now (call after the transaction commits). */
export function wakeStreams(): void {
  notificationBus.emit('new');
}

function uniqueTargets(targets: readonly (NotifyTarget | null | undefined)[]): NotifyTarget[] {
  const seen = new Set<string>();
  return targets.filter((t): t is NotifyTarget => {
    if (!t) return false;
    const key = JSON.stringify(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Recipient {
  id: string;
  roles: readonly string[];
  regionPath: string;
  unitId: string | null;
}

/** The notifications addressed to this person, directly, through their unit, or to their centre. */
export function addressedTo(me: Recipient): SQL {
  const conds: SQL[] = [
    eq(notifications.userId, me.id),
    and(inArray(notifications.role, [...me.roles]), eq(notifications.regionPath, me.regionPath)) as SQL,
  ];
  if (me.unitId) conds.push(eq(notifications.unitId, me.unitId));
  return or(...conds) as SQL;
}

export async function listInbox(db: Db, me: Recipient, opts: { before?: number; limit: number; unreadOnly?: boolean }) {
  const rows = await db
    .select({ n: notifications, readAt: notificationReads.readAt })
    .from(notifications)
    .leftJoin(
      notificationReads,
      and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, me.id)),
    )
    .where(
      and(
        addressedTo(me),
        opts.before ? lt(notifications.id, opts.before) : undefined,
        opts.unreadOnly ? isNull(notificationReads.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(opts.limit);
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .leftJoin(
      notificationReads,
      and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, me.id)),
    )
    .where(and(addressedTo(me), isNull(notificationReads.readAt)));
  return { items: rows.map((r) => toView(r.n, r.readAt)), unread: unread?.n ?? 0 };
}

/** New notifications after `afterId` (the live stream's poll). */
export async function newSince(db: Db, me: Recipient, afterId: number) {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(addressedTo(me), gt(notifications.id, afterId)))
    .orderBy(notifications.id)
    .limit(100);
  return rows.map((n) => toView(n, null));
}

export async function latestId(db: Db, me: Recipient): Promise<number> {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(addressedTo(me))
    .orderBy(desc(notifications.id))
    .limit(1);
  return row?.id ?? 0;
}

/** Marks notifications read (only ones addressed to the person; others are ignored). */
export async function markRead(db: Db, clock: Clock, me: Recipient, ids: number[] | 'all'): Promise<number> {
  const mine = await db
    .select({ id: notifications.id })
    .from(notifications)
    .leftJoin(
      notificationReads,
      and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, me.id)),
    )
    .where(
      and(
        addressedTo(me),
        isNull(notificationReads.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids.length ? ids : [-1]),
      ),
    );
  if (mine.length)
    await db
      .insert(notificationReads)
      .values(mine.map((m) => ({ notificationId: m.id, userId: me.id, readAt: clock.now() })));
  return mine.length;
}

function toView(n: typeof notifications.$inferSelect, readAt: Date | null) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    caseId: n.caseId,
    subject: n.subjectKind && n.subjectId ? { kind: n.subjectKind, id: n.subjectId } : null,
    data: n.data ?? {},
    createdAt: n.createdAt.toISOString(),
    read: !!readAt,
  };
}
export type NotificationView = ReturnType<typeof toView>;
