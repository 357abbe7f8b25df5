import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { validateBoundary } from '@gewu/geo';
import { and, eq, inArray } from 'drizzle-orm';
import { DEDICATED_KINDS, GRID_KINDS, isSafeText, type GridKind } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/errors.ts';
import { type RegionRow, villagesInScopeByCode } from '../regions/regions.repository.ts';
import type { GridsDeps } from './grids.service.ts';
import { areaM2, assertInsideParent, bboxOf } from './grids.geometry.ts';
import * as repo from './grids.repository.ts';
import { grids } from './grids.table.ts';
import { gridBadParent } from './grids.errors.ts';

const GRID_CODE = /^\d{15}(\d{3})?$/;
/** The same bound as the create/update schemas (`households` is an int4 column). */
const MAX_HOUSEHOLDS = 100_000;

export interface FeatureError {
  index: number;
  code: string | null;
  field: string;
  message: string;
}

/** The grids in scope as a GeoJSON FeatureCollection (WGS84), attributes in `properties`. */
export async function exportGridsGeoJson(deps: GridsDeps, ctx: RequestContext): Promise<FeatureCollection> {
  const actor = authorize(ctx, 'grid.read');
  const rows = await repo.listGridsInScope(deps.db, actor, {});
  const codeOf = new Map(rows.map((r) => [r.grid.id, r.grid.code]));
  return {
    type: 'FeatureCollection',
    features: rows
      .filter((r) => r.boundary)
      .map((r) => ({
        type: 'Feature',
        geometry: (r.boundary as repo.BoundaryRow).geometry,
        properties: {
          code: r.grid.code,
          name: r.grid.name,
          kind: r.grid.kind,
          dedicatedKind: r.grid.dedicatedKind,
          households: r.grid.households,
          parentCode: r.grid.parentGridId ? codeOf.get(r.grid.parentGridId) : null,
          areaM2: Math.round((r.boundary as repo.BoundaryRow).areaM2),
        },
      })),
  };
}

interface Planned {
  index: number;
  code: string;
  name: string;
  kind: GridKind;
  dedicatedKind: string | null;
  households: number;
  geometry: Polygon | MultiPolygon;
  village: RegionRow;
  existing: repo.GridRow | null;
  parentCode: string | null;
}

/**
 * Imports grids from GeoJSON: each feature creates a grid (a new code) or redraws one (an existing
 * code: a new boundary version). Everything is checked first; with `commit` all of it is written in
 * one transaction, or — on any error — nothing.
 */
export async function importGridsGeoJson(
  deps: GridsDeps,
  ctx: RequestContext,
  input: { collection: FeatureCollection; commit: boolean },
) {
  const actor = authorize(ctx, 'grid.manage');
  const run = async (db: Db) => {
    const errors: FeatureError[] = [];
    const features = input.collection.features as Feature[];
    const codes = features.map((f) => String(f.properties?.code ?? ''));
    // Only well-formed codes reach the queries (a NUL or a lone surrogate would be a database error).
    const wellFormed = codes.filter((c) => GRID_CODE.test(c));
    const villageCodes = [...new Set(wellFormed.map((c) => c.slice(0, 12)))];
    const villages = new Map((await villagesInScopeByCode(db, actor, villageCodes)).map((v) => [v.code, v]));
    const existing = new Map(
      (
        await db
          .select()
          .from(grids)
          .where(and(inArray(grids.code, wellFormed.length ? wellFormed : ['-']), inScope(actor, grids.regionPath)))
      ).map((g) => [g.code, g]),
    );
    const planned: Planned[] = [];
    features.forEach((f, index) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const code = String(p.code ?? '');
      const err = (field: string, message: string) => errors.push({ index, code: code || null, field, message });
      if (!GRID_CODE.test(code)) return err('code', '网格编码应为 15 位（微网格 18 位）数字');
      if (codes.indexOf(code) !== index) return err('code', `编码 ${code} 在文件中重复`);
      const village = villages.get(code.slice(0, 12));
      if (!village) return err('code', `村（社区）${code.slice(0, 12)} 不存在或不在您的管辖范围内`);
      const kind = (p.kind ?? (code.length === 18 ? 'micro' : undefined)) as GridKind | undefined;
      if (!kind || !GRID_KINDS.includes(kind)) return err('kind', `类型应为 ${GRID_KINDS.join(' / ')}`);
      if ((kind === 'micro') !== (code.length === 18))
        return err('kind', '微网格使用 18 位编码，其他网格使用 15 位编码');
      const name = String(p.name ?? '').trim();
      if (!name) return err('name', '缺少名称');
      if (name.length > 100 || !isSafeText(name))
        return err('name', '名称最长 100 字，且不能含控制字符或无效的 Unicode 编码');
      const households = p.households === undefined || p.households === null ? 0 : Number(p.households);
      if (!Number.isInteger(households) || households < 0 || households > MAX_HOUSEHOLDS)
        return err('households', `户数应为 0–${MAX_HOUSEHOLDS} 的整数`);
      const dedicatedKind = p.dedicatedKind ? String(p.dedicatedKind) : null;
      if (dedicatedKind !== null && !(DEDICATED_KINDS as readonly string[]).includes(dedicatedKind))
        return err('dedicatedKind', `专属网格类型应为 ${DEDICATED_KINDS.join(' / ')}`);
      const v = validateBoundary(f.geometry);
      if (!v.ok) return v.errors.forEach((e) => err('geometry', e.message));
      planned.push({
        index,
        code,
        name,
        kind,
        dedicatedKind,
        households,
        geometry: v.geometry,
        village,
        existing: existing.get(code) ?? null,
        parentCode: code.length === 18 ? code.slice(0, 15) : null,
      });
    });
    for (const pl of planned) {
      try {
        const parentFeature = pl.parentCode ? planned.find((x) => x.code === pl.parentCode) : undefined;
        const parentGrid =
          pl.parentCode && !parentFeature
            ? ((await db.select().from(grids).where(eq(grids.code, pl.parentCode)))[0] ?? null)
            : null;
        if (pl.parentCode && !parentFeature && !parentGrid) throw gridBadParent();
        const parentGeometry =
          parentFeature?.geometry ??
          (parentGrid
            ? ((await repo.boundaryAt(db, parentGrid.id, deps.clock.now()))?.geometry ?? null)
            : (pl.village.boundary ?? null));
        assertInsideParent(pl.geometry, parentGeometry, parentFeature?.name ?? parentGrid?.name ?? pl.village.name);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        errors.push({ index: pl.index, code: pl.code, field: 'geometry', message: e.message });
      }
    }
    const summary = {
      features: features.length,
      create: planned.filter((p) => !p.existing).length,
      update: planned.filter((p) => p.existing).length,
      errors: errors.sort((a, b) => a.index - b.index),
    };
    if (!input.commit || errors.length) return { ...summary, committed: false };
    const now = deps.clock.now();
    const ids = new Map<string, string>();
    for (const pl of [...planned].sort((a, b) => a.code.length - b.code.length)) {
      let gridId = pl.existing?.id;
      if (!gridId) {
        const parentId = pl.parentCode
          ? (ids.get(pl.parentCode) ??
            (await db.select({ id: grids.id }).from(grids).where(eq(grids.code, pl.parentCode)))[0]?.id ??
            null)
          : null;
        const grid = await repo.insertGrid(db, {
          code: pl.code,
          name: pl.name,
          kind: pl.kind,
          dedicatedKind: pl.dedicatedKind,
          villageId: pl.village.id,
          parentGridId: parentId,
          regionPath: `${pl.village.path}${pl.code}/`,
          households: pl.households,
        });
        gridId = grid.id;
      } else {
        await repo.updateGrid(db, gridId, { name: pl.name, households: pl.households });
      }
      ids.set(pl.code, gridId);
      await repo.replaceBoundary(db, gridId, pl.geometry, bboxOf(pl.geometry), areaM2(pl.geometry), now, actor.id);
    }
    await repo.bumpChangeCounter(db, 'grids');
    await recordAudit(db, deps.clock, ctx, {
      action: 'grid.import',
      detail: { create: summary.create, update: summary.update },
    });
    return { ...summary, committed: true };
  };
  const result = input.commit ? await deps.db.transaction(run) : await run(deps.db);
  if (result.committed) deps.gridLocator.invalidate();
  return result;
}
