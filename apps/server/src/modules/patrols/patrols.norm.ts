import {
  CUSTOM_NORM_ID,
  DUTY_NORM_FIELDS,
  DUTY_NORM_LEVELS,
  DUTY_NORM_LIMITS,
  DUTY_NORMS,
  type DutyNormFigures,
  type DutyNormSetting,
  type PatrolNormSettingBody,
  dutyNormProblem,
  normAt,
} from '@gewu/domain';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, can, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { forbidden } from '../../platform/errors.ts';
import { normLevel, normNameRequired, normOutOfRange, normUnknown } from './patrols.errors.ts';
import type { PatrolDeps } from './patrols.service.ts';
import { patrolNormSettings } from './patrols.table.ts';

/*
 * 巡查履职标准 per region (patrols-norm.ts): the admin of a province, city or county picks a defined norm
 * or sets the area's own figures; the nearest ancestor's setting applies (none: 7362). The week scores
 * (GET /api/patrols/norm) read the norm in force at the worker's region.
 */

/** A stored setting as the domain reads it (DutyNormSetting). */
const SETTING_COLUMNS = {
  regionPath: patrolNormSettings.regionPath,
  normId: patrolNormSettings.normId,
  name: patrolNormSettings.name,
  daysPerWeek: patrolNormSettings.daysPerWeek,
  patrolsPerDay: patrolNormSettings.patrolsPerDay,
  hoursPerDay: patrolNormSettings.hoursPerDay,
  reportsPerDay: patrolNormSettings.reportsPerDay,
};

/** The settings of `regionPath` and its ancestors (at most one per level). */
async function settingsAbove(db: Db, regionPath: string): Promise<DutyNormSetting[]> {
  return db
    .select(SETTING_COLUMNS)
    .from(patrolNormSettings)
    .where(sql`${regionPath} LIKE ${patrolNormSettings.regionPath} || '%'`);
}

/** The norms in force at each worker's region (for the figures of an area: one query for the settings). */
export async function normsOfWorkers(db: Db, areaPath: string, workerPaths: ReadonlyMap<string, string>) {
  const settings = await db
    .select(SETTING_COLUMNS)
    .from(patrolNormSettings)
    .where(
      sql`${areaPath} LIKE ${patrolNormSettings.regionPath} || '%' OR ${patrolNormSettings.regionPath} LIKE ${areaPath} || '%'`,
    );
  return new Map([...workerPaths].map(([id, path]) => [id, normAt(settings, path).norm]));
}

/** The norm in force at `regionPath` and where it is set (null: the default). */
export async function normInForce(db: Db, regionPath: string) {
  return normAt(await settingsAbove(db, regionPath), regionPath);
}

async function view(db: Db, regionPath: string) {
  const { norm, setAt } = await normInForce(db, regionPath);
  return { regionPath, setAt, norm, norms: [...DUTY_NORMS], limits: DUTY_NORM_LIMITS };
}

/** The norm in force at the caller's region: those who read patrols, and the admins who set norms. */
export async function getNormSetting(deps: PatrolDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (!can(actor, 'patrol.read') && !can(actor, 'patrol.norm_manage')) throw forbidden();
  return view(deps.db, actor.regionPath);
}

/**
 * Sets the caller's region's norm (a defined one, its own figures, or `inherit` to drop its setting):
 * only at province, city or county level (403 otherwise); figures out of DUTY_NORM_LIMITS → 422.
 */
export async function putNormSetting(deps: PatrolDeps, ctx: RequestContext, body: PatrolNormSettingBody) {
  const actor = authorize(ctx, 'patrol.norm_manage');
  if (!(DUTY_NORM_LEVELS as readonly string[]).includes(actor.regionLevel)) throw normLevel();
  const regionPath = actor.regionPath;
  const now = deps.clock.now();
  const values = settingOf(body);
  await deps.db.transaction(async (tx) => {
    if (!values) await tx.delete(patrolNormSettings).where(eq(patrolNormSettings.regionPath, regionPath));
    else
      await tx
        .insert(patrolNormSettings)
        .values({ regionPath, ...values, updatedBy: actor.id, updatedAt: now })
        .onConflictDoUpdate({
          target: patrolNormSettings.regionPath,
          set: { ...values, updatedBy: actor.id, updatedAt: now },
        });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'patrol_norm.update',
      regionPath,
      detail: { setting: values ?? 'inherit' },
    });
  });
  return view(deps.db, regionPath);
}

/** The row a body stands for (null: inherit), refused with a code when it names no norm or breaks a bound. */
function settingOf(body: PatrolNormSettingBody): (Omit<DutyNormSetting, 'regionPath'> & DutyNormFigures) | null {
  if (body.normId === 'inherit') return null;
  if (body.normId !== CUSTOM_NORM_ID) {
    const norm = DUTY_NORMS.find((n) => n.id === body.normId);
    if (!norm) throw normUnknown();
    const { id, name, daysPerWeek, patrolsPerDay, hoursPerDay, reportsPerDay } = norm;
    return { normId: id, name, daysPerWeek, patrolsPerDay, hoursPerDay, reportsPerDay };
  }
  if (!body.name) throw normNameRequired();
  const figures = Object.fromEntries(DUTY_NORM_FIELDS.map((k) => [k, body[k] ?? Number.NaN])) as DutyNormFigures;
  const bad = dutyNormProblem(figures);
  if (bad) {
    const { min, max, step } = DUTY_NORM_LIMITS[bad];
    throw normOutOfRange(bad, min, max, step);
  }
  return { normId: CUSTOM_NORM_ID, name: body.name, ...figures };
}
