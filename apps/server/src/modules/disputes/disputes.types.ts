import {
  DEFAULT_DISPUTE_LIMITS,
  DISPUTE_STAGES,
  type DisputeTypeInput,
  type DisputeTypePatch,
  type DisputeTypeView,
  TYPE_EDITABLE_STAGES,
  disputeStageLimit,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { assertOwnsSetting, authorize, can, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { disputeTypeNotFound, disputeTypeTaken } from './disputes.errors.ts';
import {
  type DisputeTypeRow,
  findDisputeType,
  insertDisputeType,
  listDisputeTypes,
  updateDisputeType,
} from './mediation.repository.ts';

export type TypeDeps = { db: Db; clock: Clock };

/** A type with the limit of every stage for it: its own where it sets one, else the default with its source. */
export function toTypeView(t: DisputeTypeRow): DisputeTypeView {
  const editable = TYPE_EDITABLE_STAGES as readonly string[];
  return {
    code: t.code,
    name: t.name,
    active: t.active,
    sort: t.sort,
    limits: Object.fromEntries(
      DISPUTE_STAGES.map((stage) => {
        const own = editable.includes(stage) && !!t.limits[stage as (typeof TYPE_EDITABLE_STAGES)[number]];
        return [
          stage,
          {
            ...disputeStageLimit(stage, t.limits),
            own,
            source: own ? '本类型设定' : DEFAULT_DISPUTE_LIMITS[stage].source,
          },
        ];
      }),
    ),
  };
}

/** The dispute types; the keepers of the list (admins) see stopped ones too. */
export async function listTypes(deps: TypeDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const rows = await listDisputeTypes(deps.db, !can(actor, 'dispute.manage'));
  return { items: rows.map(toTypeView) };
}

/** Adds a type. Stored once for the deployment, like the item catalogue: a county-level admin's (SETTING_OWNER_LEVEL). */
export async function createType(deps: TypeDeps, ctx: RequestContext, input: DisputeTypeInput) {
  const actor = authorize(ctx, 'dispute.manage');
  await assertOwnsSetting(deps.db, actor, 'dispute_types');
  return deps.db.transaction(async (tx) => {
    const row = await insertDisputeType(tx, { code: input.code, name: input.name, limits: input.limits, sort: 500 });
    if (!row) throw disputeTypeTaken();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'dispute.type_create',
      targetType: 'dispute_type',
      targetId: row.code,
      detail: { name: row.name, limits: row.limits },
    });
    return toTypeView(row);
  });
}

/** Renames a type, sets its own limits (a stage left out returns to the default), stops or restarts it. */
export async function patchType(deps: TypeDeps, ctx: RequestContext, code: string, patch: DisputeTypePatch) {
  const actor = authorize(ctx, 'dispute.manage');
  await assertOwnsSetting(deps.db, actor, 'dispute_types');
  const found = await findDisputeType(deps.db, code);
  if (!found) throw disputeTypeNotFound();
  return deps.db.transaction(async (tx) => {
    const row = await updateDisputeType(tx, code, {
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.limits ? { limits: patch.limits } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
    });
    if (!row) throw disputeTypeNotFound();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'dispute.type_update',
      targetType: 'dispute_type',
      targetId: code,
      detail: { before: { name: found.name, limits: found.limits, active: found.active }, fields: Object.keys(patch) },
    });
    return toTypeView(row);
  });
}
