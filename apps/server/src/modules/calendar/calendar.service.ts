import {
  type TimeLimit,
  type WorkCalendar,
  addLimit,
  defaultWorkCalendar,
  timeLimitSchema,
  workCalendarSchema,
} from '@gewu/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { FreshCache } from '../../platform/fresh-cache.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { assertOwnsSetting, authorize, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { forbidden } from '../../platform/errors.ts';
import { userDisplayName } from '../users/users.repository.ts';
import { workCalendars } from './calendar.table.ts';
import { calendarInvalid, calendarInvalidLimit, calendarNoWorkingTime } from './calendar.errors.ts';

export type CalendarDeps = { db: Db; clock: Clock };

const CALENDAR_ID = 'default';
/** How long a process trusts its copy before looking at the row's updatedAt again (a FreshCache). */
const CACHE_TTL_MS = 30_000;

interface CacheEntry {
  calendar: WorkCalendar;
  /** The row's updatedAt (ms), or null for the built-in default (no row). */
  updatedAt: number | null;
  updatedBy: string | null;
}

/** The calendar as last read (kept across refreshes while its row is unchanged). */
let last: CacheEntry | null = null;
const cache = new FreshCache<typeof CALENDAR_ID, CacheEntry>(CACHE_TTL_MS);

/** Forgets the cached calendar, so the next read goes to the database (after an update, in tests). */
export function invalidateCalendarCache(): void {
  last = null;
  cache.clear();
}

function loadCalendar({ db, clock }: CalendarDeps): Promise<CacheEntry> {
  return cache.get(clock, CALENDAR_ID, async () => {
    const [row] = await db.select().from(workCalendars).where(eq(workCalendars.id, CALENDAR_ID)).limit(1);
    const updatedAt = row ? row.updatedAt.getTime() : null;
    // Same version as before: keep the same object, so deadline arithmetic keeps its compiled form.
    if (last?.updatedAt !== updatedAt)
      last = {
        calendar: row ? row.calendar : defaultWorkCalendar(),
        updatedAt,
        updatedBy: row?.updatedBy ?? null,
      };
    return last;
  });
}

/**
 * The working calendar deadlines are counted on: the `default` row, or the built-in township
 * calendar when there is none. Cached per process; a change shows up here within 30 s on `deps.clock`
 * (at once in the process that made it). Treat the result as immutable.
 */
export async function getWorkCalendar(deps: CalendarDeps): Promise<WorkCalendar> {
  return (await loadCalendar(deps)).calendar;
}

function requireStaff(ctx: RequestContext): Actor {
  const actor = requireActor(ctx);
  if (!actor.roles.some((r) => r !== 'resident')) throw forbidden();
  return actor;
}

export interface CalendarView {
  calendar: WorkCalendar;
  isDefault: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

/** The calendar with who changed it last; any staff account may read it. */
export async function readWorkCalendar(deps: CalendarDeps, ctx: RequestContext): Promise<CalendarView> {
  requireStaff(ctx);
  const entry = await loadCalendar(deps);
  const updatedByName = entry.updatedBy ? await userDisplayName(deps.db, entry.updatedBy) : null;
  return {
    calendar: entry.calendar,
    isDefault: entry.updatedAt === null,
    updatedAt: entry.updatedAt === null ? null : new Date(entry.updatedAt).toISOString(),
    updatedByName,
  };
}

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Replaces the working calendar (working hours, weekdays, holidays, 调休). Admin only; audited. */
export async function updateWorkCalendar(
  deps: CalendarDeps,
  ctx: RequestContext,
  calendar: unknown,
): Promise<CalendarView> {
  const actor = authorize(ctx, 'calendar.manage');
  await assertOwnsSetting(deps.db, actor, 'work_calendar');
  const parsed = workCalendarSchema.safeParse(calendar);
  if (!parsed.success) {
    const details = issuesOf(parsed.error);
    throw calendarInvalid(details);
  }
  const value = parsed.data;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(workCalendars)
      .values({ id: CALENDAR_ID, calendar: value, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: workCalendars.id, set: { calendar: value, updatedAt: now, updatedBy: actor.id } });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'calendar.update',
      targetType: 'work_calendar',
      targetId: CALENDAR_ID,
      detail: {
        workingHours: value.workingHours,
        workingWeekdays: value.workingWeekdays,
        holidays: value.holidays.length,
        adjustedWorkdays: value.adjustedWorkdays.length,
        utcOffsetMinutes: value.utcOffsetMinutes,
      },
    });
  });
  invalidateCalendarCache();
  return readWorkCalendar(deps, ctx);
}

/** Preview of a deadline on the current calendar (for the admin screen and the item editor). */
export async function previewDeadline(deps: CalendarDeps, ctx: RequestContext, q: { start: Date; limit: TimeLimit }) {
  requireStaff(ctx);
  const parsed = timeLimitSchema.safeParse(q.limit);
  if (!parsed.success) throw calendarInvalidLimit(issuesOf(parsed.error));
  const calendar = await getWorkCalendar(deps);
  let deadline: Date;
  try {
    deadline = addLimit(q.start, parsed.data, calendar);
  } catch {
    throw calendarNoWorkingTime();
  }
  return {
    start: q.start.toISOString(),
    amount: parsed.data.amount,
    unit: parsed.data.unit,
    deadline: deadline.toISOString(),
  };
}
