import {
  type Action,
  type Role,
  type Setting,
  SETTING_OWNER_LEVEL,
  levelMayChangeSetting,
  roleCan,
  settingOwnerProblem,
} from '@gewu/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { countRegionsOutside } from '../modules/regions/regions.repository.ts';
import type { Actor, RequestContext } from './context.ts';
import { AppError, forbidden, unauthenticated } from './errors.ts';

/**
 * The one place that answers "may this actor do this action on something in this region?".
 * A target region path is inside the actor's scope when it starts with the actor's own path.
 */
export function can(
  actor: Pick<Actor, 'roles' | 'regionPath'>,
  action: Action,
  targetRegionPath?: string | null,
): boolean {
  if (!roleCan(actor.roles, action)) return false;
  if (targetRegionPath === undefined) return true;
  return targetRegionPath !== null && isInScope(actor.regionPath, targetRegionPath);
}

export function isInScope(scopePath: string, targetPath: string): boolean {
  return targetPath.startsWith(scopePath);
}

/**
 * Throws 403 `setting.level_not_owner` unless the actor's region covers every region `setting`
 * applies to: `setting` is stored once for the deployment, so the actor must sit at or above its
 * level (`SETTING_OWNER_LEVEL`) with no region of that level outside their subtree — the county
 * admin of a single-county deployment may, a county admin of a province deployment may not.
 */
export async function assertOwnsSetting(
  db: Db,
  actor: Pick<Actor, 'regionLevel' | 'regionPath'>,
  setting: Setting,
): Promise<void> {
  const outside = levelMayChangeSetting(actor.regionLevel, setting)
    ? await countRegionsOutside(db, SETTING_OWNER_LEVEL[setting], actor.regionPath)
    : 0;
  const problem = settingOwnerProblem(setting, actor.regionLevel, outside);
  if (problem) throw new AppError(403, 'setting.level_not_owner', problem);
}

/** Returns the actor or throws 401. */
export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/** Throws 401 without a session, 403 unless the actor may do at least one of `actions` (a read open to two kinds of reader). */
export function authorizeAny(ctx: RequestContext, actions: readonly Action[]): Actor {
  const actor = requireActor(ctx);
  if (!actions.some((a) => can(actor, a))) throw forbidden();
  return actor;
}

/** Throws 401 without a session, 403 when the role or the region scope does not allow the action. */
export function authorize(ctx: RequestContext, action: Action, targetRegionPath?: string | null): Actor {
  const actor = requireActor(ctx);
  if (!can(actor, action, targetRegionPath)) throw forbidden();
  return actor;
}

/** The SQL condition that limits a query to rows whose region path lies in the actor's subtree. */
export function inScope(actor: Pick<Actor, 'regionPath'>, pathColumn: AnyPgColumn | SQL): SQL {
  return sql`${pathColumn} LIKE ${escapeLike(actor.regionPath) + '%'}`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function hasRole(actor: Pick<Actor, 'roles'>, role: Role): boolean {
  return actor.roles.includes(role);
}

export const mustChangePasswordError = () => new AppError(403, 'auth.must_change_password', '请先修改初始密码');
