import { setImmediate } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import { wakeStreams } from '../../modules/notifications/notifications.service.ts';
import { lightReachedSql } from './lights.ts';
import { type ClockKind, type DueLight, NOTICE_COLUMNS, registeredClocks } from './registry.ts';

/**
 * The due light changes of one kind and colour, oldest first, at most `limit`, locked for this sweep:
 * rows another instance's sweep holds are skipped (it takes them), so nobody waits and none is taken
 * twice. Red is due once its time has passed, yellow from its time on (the light rule).
 */
function dueRows(kind: string, light: DueLight, now: Date, limit: number) {
  return sql`SELECT ctid FROM clock_deadlines WHERE kind = ${kind} AND light = ${light} AND ${lightReachedSql(light, sql.raw('at'), now)} ORDER BY at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
}

/** One batch of one kind and colour: takes its due rows, keeps the subjects still due, notifies. */
function lightChanges(kind: ClockKind, light: DueLight, now: Date, limit: number) {
  const change = kind.lights[light];
  if (!change) throw new Error(`clock kind ${kind.name} has no ${light} light`);
  return sql`WITH due AS (
      DELETE FROM clock_deadlines WHERE ctid = ANY(ARRAY(${dueRows(kind.name, light, now, limit)})) RETURNING subject_id, stage, at
    ), s AS (${change.subjects(now)}
    ), n AS (
      INSERT INTO notifications (${sql.raw(NOTICE_COLUMNS.join(', '))})
      ${change.notices(now)}
      RETURNING 1
    ) SELECT (SELECT count(*)::int FROM due) AS taken, (SELECT count(*)::int FROM s) AS n${
      change.act ? sql`, ARRAY(SELECT s.id::text FROM s) AS ids` : sql``
    }`;
}

/** One batch; a kind that acts on its subjects (`act`) takes them and acts in one transaction. */
async function batchOf(deps: { db: Db; clock: Clock }, kind: ClockKind, light: DueLight, now: Date, limit: number) {
  const act = kind.lights[light]?.act;
  if (!act) return queryRows<{ taken: number; n: number }>(deps.db, lightChanges(kind, light, now, limit));
  return deps.db.transaction(async (tx) => {
    const rows = await queryRows<{ taken: number; n: number; ids: string[] }>(
      tx,
      lightChanges(kind, light, now, limit),
    );
    const ids = rows[0]?.ids ?? [];
    if (ids.length) await act({ db: tx, clock: deps.clock }, ids);
    return rows;
  });
}

/**
 * Runs one batch statement until a batch takes fewer rows than its limit, letting requests run
 * between batches (a catch-up after downtime is then many short statements, not one long one that
 * holds a core and the WAL for seconds). Returns the subjects the batches changed.
 */
async function inBatches(
  limit: number,
  batch: (limit: number) => Promise<{ taken: number; n: number }[]>,
): Promise<number> {
  let changed = 0;
  for (;;) {
    const [r] = await batch(limit);
    changed += r?.n ?? 0;
    if ((r?.taken ?? 0) < limit) return changed;
    await setImmediate();
  }
}

/**
 * One pass of the clock sweep over every registered kind. It takes the light changes now due from
 * `clock_deadlines` (a DELETE … RETURNING: on several server instances each row is taken once, so a
 * clock turns red — and its people are told — exactly once), keeps the subjects whose clock is still
 * the one the row was for, and writes the kind's notifications in the same statement, in batches of
 * `batchSize` light changes. Red (overdue) goes first, then yellow (the 80 % warning). The subjects'
 * rows are only read: their light follows from their clock's times. Returns how many subjects turned
 * red (`overdue`) and yellow (`warned`).
 */
export async function sweepDeadlines(
  deps: { db: Db; clock: Clock },
  batchSize = 2000,
  kinds: readonly ClockKind[] = registeredClocks(),
): Promise<{ overdue: number; warned: number }> {
  const now = deps.clock.now();
  const sweep = async (light: DueLight) => {
    let changed = 0;
    for (const kind of kinds)
      if (kind.lights[light]) changed += await inBatches(batchSize, (limit) => batchOf(deps, kind, light, now, limit));
    return changed;
  };
  const result = { overdue: await sweep('red'), warned: await sweep('yellow') };
  if (result.overdue || result.warned) wakeStreams();
  return result;
}
