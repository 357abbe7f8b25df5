/**
 * The clock engine (时限引擎): stage deadlines on the working calendar or in natural time, their
 * yellow/red lights, the one sweep that tells people when a light changes, and supervision deadlines —
 * shared by every module that runs clocks (cases today; disputes, petitions, visit plans next).
 *
 * A module joins it in three steps:
 *
 * 1. Compute its clocks with the arithmetic here (`stageClock(stage, start, limit, calendar)`,
 *    `clockUntil`, `remainingMs` / `deadlineAfter` across a suspension) and store the clock's
 *    `deadline` and `warnAt` on its own row; show its light with `lightSql({ warnAt, deadline }, now)`
 *    and filter by it with `lightIsSql(light, …)` (the rule itself is `LIGHT_STARTS` / `lightAt` in
 *    @gewu/domain).
 * 2. Register each kind of clock once, in its own `<module>.clocks.ts`:
 *
 *        export const disputeStageClock = registerClock({
 *          name: 'dispute.stage',                 // stored in every pending row: never rename lightly
 *          lights: {
 *            red: {
 *              // CTE `due` holds the rows just taken (subject_id, stage, at): keep the subjects still late.
 *              subjects: (now) => sql`SELECT d.id, … FROM due JOIN disputes d ON d.id = due.subject_id
 *                                     AND d.stage = due.stage AND ${lightReachedSql('red', sql`d.deadline`, now)}`,
 *              // One SELECT over `s` yielding NOTICE_COLUMNS: who is told.
 *              notices: (now) => sql`SELECT NULL, s.unit_id, NULL, NULL, 'dispute.overdue', … FROM s`,
 *            },
 *            yellow: { … },
 *          },
 *        });
 *
 *    A light change that must do more than tell people (an owners' vote closing at its time) also
 *    gives `act(deps, subjectIds)`: the sweep calls it with the subjects still due, in the transaction
 *    that took their rows, and the module runs its own code (votes.clocks.ts runs the manual close).
 *
 *    The kind is registered when that file is loaded: the module's repository imports it (to schedule its
 *    clocks), so every process that builds the app — and therefore runs the sweep — has it; a script
 *    that sweeps without the app imports the file itself (see bench/sweep.ts).
 *
 * 3. Whenever a clock starts, restarts or stops, in the same transaction as the row it belongs to:
 *    `replaceDeadlines(tx, kind, subjectId, clockLights(before), clockLights(after))` (or
 *    `scheduleDeadlines` / `cancelDeadlines`). The pending light changes live in `clock_deadlines`.
 *
 * The sweep (`sweepDeadlines`, started by main.ts every GEWU_SWEEP_INTERVAL_MS) then takes, for every
 * registered kind, red then yellow, what is due — in batches, `DELETE … RETURNING` with
 * `FOR UPDATE SKIP LOCKED`, so on several instances each light change is taken and told exactly once —
 * and writes the notifications in the same statement. A module writes no sweep of its own.
 */
export { type RunningClock, clockUntil, deadlineAfter, remainingMs, stageClock } from './arithmetic.ts';
export { type ClockInstants, lightIsSql, lightReachedSql, lightSql } from './lights.ts';
export {
  type ClockKind,
  type DueLight,
  type LightChange,
  NOTICE_COLUMNS,
  registerClock,
  registeredClocks,
} from './registry.ts';
export { type PendingLight, cancelDeadlines, clockLights, replaceDeadlines, scheduleDeadlines } from './deadlines.ts';
export { sweepDeadlines } from './sweep.ts';
export { clockDeadlines } from './clocks.table.ts';
