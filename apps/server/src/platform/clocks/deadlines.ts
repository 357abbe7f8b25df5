import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { clockDeadlines } from './clocks.table.ts';
import type { ClockKind, DueLight } from './registry.ts';

/** One light change to come: at `at`, the clock (for `stage`) turns `light`. */
export interface PendingLight {
  stage: string;
  light: DueLight;
  at: Date;
}

/** The light changes a running clock has to come: yellow at its 80 % point, red at its deadline (none when stopped). */
export function clockLights(
  clock: { stage: string | null; warnAt: Date | null; deadline: Date | null } | null,
): PendingLight[] {
  const stage = clock?.stage;
  if (!stage) return [];
  return [
    ...(clock.warnAt ? [{ stage, light: 'yellow' as const, at: clock.warnAt }] : []),
    ...(clock.deadline ? [{ stage, light: 'red' as const, at: clock.deadline }] : []),
  ];
}

/** Leaves the light changes for the sweep to take when they fall due. */
export async function scheduleDeadlines(
  db: Db,
  kind: ClockKind,
  subjectId: string,
  lights: readonly PendingLight[],
): Promise<void> {
  if (!lights.length) return;
  await db.insert(clockDeadlines).values(lights.map((l) => ({ kind: kind.name, subjectId, ...l })));
}

/**
 * Takes back light changes not yet swept, found by the times the caller knows (the index is by time,
 * not by subject). Rows the sweep has already taken are simply gone.
 */
export async function cancelDeadlines(
  db: Db,
  kind: ClockKind,
  subjectId: string,
  lights: readonly Pick<PendingLight, 'light' | 'at'>[],
): Promise<void> {
  if (!lights.length) return;
  await db
    .delete(clockDeadlines)
    .where(
      and(
        eq(clockDeadlines.kind, kind.name),
        or(...lights.map((l) => and(eq(clockDeadlines.light, l.light), eq(clockDeadlines.at, l.at)))),
        eq(clockDeadlines.subjectId, subjectId),
      ),
    );
}

/** A clock restarted or stopped: the old clock's light changes go, the new one's come. */
export async function replaceDeadlines(
  db: Db,
  kind: ClockKind,
  subjectId: string,
  before: readonly PendingLight[],
  after: readonly PendingLight[],
): Promise<void> {
  await cancelDeadlines(db, kind, subjectId, before);
  await scheduleDeadlines(db, kind, subjectId, after);
}
