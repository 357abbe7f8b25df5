import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { type PeopleDeps, loadResident, resolvePlace } from './residents.service.ts';
import { houses, residentHouses, residents } from './people.table.ts';
import { houseNotFound } from './people.errors.ts';

type Usage = (typeof houses.$inferSelect)['usage'];

async function withOccupants(deps: PeopleDeps, rows: (typeof houses.$inferSelect)[]) {
  const ids = rows.map((h) => h.id);
  const links = ids.length
    ? await deps.db
        .select({
          houseId: residentHouses.houseId,
          residentId: residentHouses.residentId,
          relation: residentHouses.relation,
          name: residents.name,
        })
        .from(residentHouses)
        .innerJoin(residents, eq(residents.id, residentHouses.residentId))
        .where(inArray(residentHouses.houseId, ids))
    : [];
  return rows.map((h) => ({
    id: h.id,
    villageId: h.villageId,
    gridId: h.gridId,
    address: h.address,
    usage: h.usage,
    areaM2: h.areaM2,
    occupants: links
      .filter((l) => l.houseId === h.id)
      .map((l) => ({ residentId: l.residentId, name: l.name, relation: l.relation })),
  }));
}

export async function listHouses(
  deps: PeopleDeps,
  ctx: RequestContext,
  q: { villageId?: string; gridId?: string; usage?: Usage; page: number; pageSize: number },
) {
  const actor = authorize(ctx, 'person.read');
  const where = and(
    inScope(actor, houses.regionPath),
    q.villageId ? eq(houses.villageId, q.villageId) : undefined,
    q.gridId ? eq(houses.gridId, q.gridId) : undefined,
    q.usage ? eq(houses.usage, q.usage) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(houses)
      .where(where)
      .orderBy(asc(houses.regionPath), asc(houses.address), asc(houses.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db.select({ n: count() }).from(houses).where(where),
  ]);
  return { items: await withOccupants(deps, rows), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function createHouse(
  deps: PeopleDeps,
  ctx: RequestContext,
  input: { villageId: string; gridId?: string; address: string; usage: Usage; areaM2?: number },
) {
  const actor = authorize(ctx, 'person.manage');
  return deps.db.transaction(async (tx) => {
    const { village, regionPath } = await resolvePlace(tx, actor, input.villageId, input.gridId);
    const [h] = await tx
      .insert(houses)
      .values({
        regionPath,
        villageId: village.id,
        gridId: input.gridId ?? null,
        address: input.address,
        usage: input.usage,
        areaM2: input.areaM2 ?? null,
      })
      .returning();
    const row = h as typeof houses.$inferSelect;
    await recordAudit(tx, deps.clock, ctx, {
      action: 'house.create',
      targetType: 'house',
      targetId: row.id,
      regionPath,
    });
    const [view] = await withOccupants({ ...deps, db: tx }, [row]);
    return view as NonNullable<typeof view>;
  });
}

/** Links a person to a house (人房关联): owner, family member or tenant. */
export async function linkResidentToHouse(
  deps: PeopleDeps,
  ctx: RequestContext,
  houseId: string,
  input: { residentId: string; relation: 'owner' | 'family' | 'tenant'; since?: string },
) {
  const actor = authorize(ctx, 'person.manage');
  return deps.db.transaction(async (tx) => {
    const [house] = await tx
      .select()
      .from(houses)
      .where(and(eq(houses.id, houseId), inScope(actor, houses.regionPath)));
    if (!house) throw houseNotFound();
    await loadResident(tx, actor, input.residentId);
    await tx
      .insert(residentHouses)
      .values({ houseId, residentId: input.residentId, relation: input.relation, since: input.since ?? null })
      .onConflictDoUpdate({
        target: [residentHouses.residentId, residentHouses.houseId],
        set: { relation: input.relation, since: input.since ?? null },
      });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'house.link',
      targetType: 'house',
      targetId: houseId,
      regionPath: house.regionPath,
      detail: { residentId: input.residentId, relation: input.relation },
    });
    const [view] = await withOccupants({ ...deps, db: tx }, [house]);
    return view as NonNullable<typeof view>;
  });
}
