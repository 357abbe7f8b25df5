import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../clock.ts';

/** The light changes the sweep takes: a clock's 80 % point (yellow) and its deadline (red). */
export type DueLight = 'yellow' | 'red';

/**
 * What one light change of a kind means, as two SELECTs the sweep puts into one statement (after the
 * CTE `due` holding the rows it just took: `subject_id`, `stage`, `at`):
 * - `subjects`: the subjects still due, as the CTE `s` — joined from `due` to the kind's own table,
 *   keeping only those whose clock still is the one the row was for (a stage that moved on is left alone);
 * - `notices`: the notifications to write, one SELECT over `s` whose columns are NOTICE_COLUMNS in order.
 * `now` is the sweep's instant (an ISO string to bind as `::timestamptz`).
 */
export interface LightChange {
  subjects(now: Date): SQL;
  notices(now: Date): SQL;
  /**
   * What the light change does beyond telling people, when it does more (a vote closing on its clock
   * runs the module's own close): called with the ids of the subjects still due (`s` must then yield
   * an `id` column), in the transaction that took their rows — if it throws, the rows stay for the next
   * sweep. It must leave a subject already dealt with alone (a manual close came first, say).
   */
  act?(deps: { db: Db; clock: Clock }, subjectIds: string[]): Promise<void>;
}

/** A kind of clock a module registers: its stable name (stored in every pending row) and its light changes. */
export interface ClockKind {
  readonly name: string;
  readonly lights: Readonly<Partial<Record<DueLight, LightChange>>>;
}

/** The notification columns a kind's `notices` SELECT yields, in this order. */
export const NOTICE_COLUMNS = [
  'user_id',
  'unit_id',
  'region_path',
  'role',
  'kind',
  'title',
  'case_id',
  'data',
  'created_at',
  // What the notice is about, for any module (a case's notices name the case here too).
  'subject_kind',
  'subject_id',
] as const;

const kinds = new Map<string, ClockKind>();

/**
 * Registers a clock kind with the sweep (once per process, from the module's own `<module>.clocks.ts`).
 * Returns the kind, which the module passes to `scheduleDeadlines` / `cancelDeadlines`.
 */
export function registerClock<K extends ClockKind>(kind: K): K {
  if (kinds.has(kind.name)) throw new Error(`clock kind ${kind.name} is registered twice`);
  kinds.set(kind.name, kind);
  return kind;
}

/** Every registered kind, in registration order. */
export function registeredClocks(): readonly ClockKind[] {
  return [...kinds.values()];
}
