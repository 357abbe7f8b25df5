import { and, asc, eq } from 'drizzle-orm';
import { CHECKIN_RADIUS_LIMITS, checkinRadiusProblem } from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, authorizeAny, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { type PeopleDeps, resolvePlace } from './residents.service.ts';
import { buildings, keyPlaces, organisations } from './people.table.ts';
import { placeNotFound, radiusOutOfRange } from './people.errors.ts';

/**
 * Organisations, buildings and key places (组织、楼栋、重点场所): placed in a village (and
 * optionally a grid) of the caller's scope, listed within that scope.
 */
const TABLES = { organisations, buildings, keyPlaces } as const;
export type PlaceKind = keyof typeof TABLES;
type Row<K extends PlaceKind> = (typeof TABLES)[K]['$inferSelect'];

function view<K extends PlaceKind>(row: Row<K>) {
  const { regionPath: _path, ...rest } = row as Row<K> & { regionPath: string };
  return rest;
}

export async function listPlaces<K extends PlaceKind>(
  deps: PeopleDeps,
  ctx: RequestContext,
  kind: K,
  q: { villageId?: string; gridId?: string },
) {
  // Key places carry no personal data: whoever configures their check-in radius reads them as well.
  const actor = authorizeAny(ctx, kind === 'keyPlaces' ? ['person.read', 'key_place.configure'] : ['person.read']);
  // The three tables share the placement columns used here.
  const table = TABLES[kind] as unknown as typeof organisations;
  const rows = await deps.db
    .select()
    .from(table)
    .where(
      and(
        inScope(actor, table.regionPath),
        q.villageId ? eq(table.villageId, q.villageId) : undefined,
        q.gridId ? eq(table.gridId, q.gridId) : undefined,
      ),
    )
    .orderBy(asc(table.regionPath), asc(table.name))
    .limit(1000);
  return rows.map((r) => view<K>(r as Row<K>));
}

export async function createPlace<K extends PlaceKind>(
  deps: PeopleDeps,
  ctx: RequestContext,
  kind: K,
  input: { villageId: string; gridId?: string } & Record<string, unknown>,
) {
  const actor = authorize(ctx, 'person.manage');
  const table = TABLES[kind] as unknown as typeof organisations;
  return deps.db.transaction(async (tx) => {
    const { village, regionPath } = await resolvePlace(tx, actor, input.villageId, input.gridId);
    const { villageId: _v, gridId, ...rest } = input;
    const [row] = await tx
      .insert(table)
      .values({ ...rest, regionPath, villageId: village.id, gridId: gridId ?? null } as never)
      .returning();
    const created = row as Row<K>;
    await recordAudit(tx, deps.clock, ctx, {
      action: `${kind}.create`,
      targetType: kind,
      targetId: (created as { id: string }).id,
      regionPath,
    });
    return view<K>(created);
  });
}

/**
 * Sets a key place's patrol check-in radius (or clears it back to the kind's default): the township
 * centre or the county admin, for a place in their scope (else 404); out of CHECKIN_RADIUS_LIMITS → 422.
 */
export async function setKeyPlaceRadius(deps: PeopleDeps, ctx: RequestContext, id: string, radiusM: number | null) {
  const actor = authorize(ctx, 'key_place.configure');
  if (checkinRadiusProblem(radiusM)) throw radiusOutOfRange(CHECKIN_RADIUS_LIMITS.minM, CHECKIN_RADIUS_LIMITS.maxM);
  return deps.db.transaction(async (tx) => {
    const [place] = await tx
      .select()
      .from(keyPlaces)
      .where(and(eq(keyPlaces.id, id), inScope(actor, keyPlaces.regionPath)))
      .for('update');
    if (!place) throw placeNotFound();
    const [row] = await tx.update(keyPlaces).set({ radiusM }).where(eq(keyPlaces.id, id)).returning();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'keyPlaces.radius',
      targetType: 'keyPlaces',
      targetId: id,
      regionPath: place.regionPath,
      detail: { from: place.radiusM, to: radiusM },
    });
    return view<'keyPlaces'>(row as Row<'keyPlaces'>);
  });
}
