import {
  CASE_LEVELS,
  CASE_TIER_OF_REGION,
  type CaseFacts,
  type CaseLevel,
  type RegionLevel,
  type Relation,
} from '@gewu/domain';
import { type SQL, and, eq, or, sql } from 'drizzle-orm';
import { can, inScope, isInScope } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { cases } from './cases.table.ts';

/** The tier an actor's centre works at (a city or province centre both act as the top tier). */
export function tierOf(actor: Pick<Actor, 'regionLevel'>): CaseLevel {
  return CASE_TIER_OF_REGION[actor.regionLevel as RegionLevel] ?? 'township';
}

export function levelRank(level: CaseLevel): number {
  return CASE_LEVELS.indexOf(level);
}

type CaseRow = typeof cases.$inferSelect;

/** How the actor stands to the case; the pure rules decide what each relation may do. */
export function relationsTo(
  actor: Actor,
  c: Pick<
    CaseRow,
    | 'regionPath'
    | 'level'
    | 'assigneeUnitId'
    | 'assigneeUserId'
    | 'verifierUserId'
    | 'reporterUserId'
    | 'claimantUserId'
  >,
  coUnitIds: readonly string[],
): Relation[] {
  const r: Relation[] = [];
  // A centre acts on cases in its area at its own tier or below: a county centre takes over what a township escalated.
  if (can(actor, 'case.centre', c.regionPath) && levelRank(tierOf(actor)) >= levelRank(c.level as CaseLevel))
    r.push('centre');
  if (
    can(actor, 'case.handle') &&
    ((actor.unitId && c.assigneeUnitId === actor.unitId) || c.assigneeUserId === actor.id)
  )
    r.push('assignee');
  if (actor.unitId && can(actor, 'case.handle') && coUnitIds.includes(actor.unitId)) r.push('coUnit');
  if (c.verifierUserId === actor.id) r.push('verifier');
  if (c.reporterUserId === actor.id) r.push('reporter');
  if (c.claimantUserId === actor.id) r.push('claimant');
  if (can(actor, 'case.supervise', c.regionPath) && actor.roles.includes('leader')) r.push('supervisor');
  return r;
}

/** The facts of a case its actions' rules (CASE_LIFE's guards) look at. */
export function caseFacts(c: Pick<CaseRow, 'state' | 'pending' | 'rating' | 'level' | 'assigneeUserId'>): CaseFacts {
  return {
    state: c.state,
    pendingKind: c.pending?.kind ?? null,
    rated: !!c.rating,
    level: c.level,
    assignedToGridWorker: !!c.assigneeUserId,
  };
}

/**
 * Which cases the actor may see at all: residents their own reports; handlers what their unit
 * was given (lead or co-handling); grid workers what they report, hold or verify, plus their
 * area's cases; centres and leaders everything located in their region.
 */
export function visibleCases(actor: Actor): SQL {
  const own = [
    eq(cases.reporterUserId, actor.id),
    eq(cases.assigneeUserId, actor.id),
    eq(cases.verifierUserId, actor.id),
  ];
  if (actor.roles.some((r) => r === 'dispatcher' || r === 'leader' || r === 'grid_worker'))
    own.push(inScope(actor, cases.regionPath));
  if (actor.unitId && actor.roles.includes('handler')) {
    own.push(eq(cases.assigneeUnitId, actor.unitId));
    own.push(sql`EXISTS (SELECT 1 FROM case_units cu WHERE cu.case_id = ${cases.id} AND cu.unit_id = ${actor.unitId})`);
  }
  return or(...own) ?? sql`false`;
}

/** Whether a located case lies in the actor's area (reports by staff must be inside it). */
export function coversPath(actor: Pick<Actor, 'regionPath'>, path: string): boolean {
  return isInScope(actor.regionPath, path);
}

export const andAll = (...conds: (SQL | undefined)[]) => and(...conds.filter((c): c is SQL => !!c));
