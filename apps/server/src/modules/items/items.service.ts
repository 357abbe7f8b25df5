import {
  type CatalogueItem,
  type DepartmentKind,
  DEPARTMENT_KIND_LABELS,
  catalogueItemSchema,
  itemCategoryName,
  roleCan,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { assertOwnsSetting, authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import * as repo from './items.repository.ts';
import { itemInitials } from './items.initials.ts';
import { itemCodeMismatch, itemCodeTaken, itemInvalid, itemNotFound } from './items.errors.ts';

export { getItemByCode, isItemAdmitted, type ItemRow } from './items.repository.ts';

export type ItemsDeps = { db: Db; clock: Clock };

export type ItemView = CatalogueItem & {
  id: string;
  initials: string[];
  categoryName: string;
  departmentLabel: string;
  active: boolean;
  updatedAt: string;
};

export function toItemView(row: repo.ItemRow): ItemView {
  return {
    id: row.id,
    code: row.code,
    categoryCode: row.categoryCode,
    categoryName: itemCategoryName(row.categoryCode) ?? row.categoryCode,
    name: row.name,
    legalBasis: row.legalBasis,
    filingCondition: row.filingCondition,
    closingCondition: row.closingCondition,
    limits: row.limits,
    departmentKind: row.departmentKind as DepartmentKind,
    departmentLabel: DEPARTMENT_KIND_LABELS[row.departmentKind as DepartmentKind] ?? row.departmentKind,
    gridEligible: row.gridEligible,
    negativeList: row.negativeList,
    publicReport: row.publicReport,
    minor: row.minor,
    keywords: row.keywords,
    initials: itemInitials(row),
    unclassified: row.unclassified,
    claimable: row.claimable,
    fields: row.fields,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Who sees what of the catalogue: residents only what they may report themselves (publicReport),
 * everyone but the catalogue's keepers only active items.
 */
function readerOf(ctx: RequestContext) {
  const actor = authorize(ctx, 'item.read');
  const manager = roleCan(actor.roles, 'item.manage');
  const residentOnly = actor.roles.every((r) => r === 'resident');
  return { actor, manager, residentOnly };
}

/** The item catalogue, searchable by name, keyword or code. */
export async function listItems(
  deps: ItemsDeps,
  ctx: RequestContext,
  q: { q?: string; categoryCode?: string; publicOnly?: boolean; gridEligible?: boolean },
): Promise<ItemView[]> {
  const { manager, residentOnly } = readerOf(ctx);
  const rows = await repo.listItems(deps.db, {
    q: q.q?.trim() || undefined,
    categoryCode: q.categoryCode,
    publicOnly: q.publicOnly || residentOnly,
    gridEligible: q.gridEligible,
    activeOnly: !manager,
  });
  return rows.map(toItemView);
}

export async function getItem(deps: ItemsDeps, ctx: RequestContext, code: string): Promise<ItemView> {
  const { manager, residentOnly } = readerOf(ctx);
  const row = await repo.getItemByCode(deps.db, code);
  if (!row || (residentOnly && !row.publicReport) || (!manager && !row.active)) throw itemNotFound();
  return toItemView(row);
}

function validItem(input: unknown): CatalogueItem {
  const parsed = catalogueItemSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw itemInvalid(details);
}

function columnsOf(item: CatalogueItem, now: Date) {
  const { code: _code, ...rest } = item;
  return { ...rest, updatedAt: now };
}

/** Adds an item to the catalogue (系统管理员). */
export async function createItem(deps: ItemsDeps, ctx: RequestContext, input: unknown): Promise<ItemView> {
  await assertOwnsSetting(deps.db, authorize(ctx, 'item.manage'), 'item_catalogue');
  const item = validItem(input);
  try {
    return await deps.db.transaction(async (tx) => {
      if (await repo.getItemByCode(tx, item.code)) throw itemCodeTaken(item.code);
      const row = await repo.insertItem(tx, { code: item.code, ...columnsOf(item, deps.clock.now()) });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'item.create',
        targetType: 'item',
        targetId: row.id,
        detail: {
          code: row.code,
          name: row.name,
          departmentKind: row.departmentKind,
          gridEligible: row.gridEligible,
          negativeList: row.negativeList,
        },
      });
      return toItemView(row);
    });
  } catch (e) {
    if (repo.isUniqueViolation(e)) throw itemCodeTaken(item.code);
    throw e;
  }
}

const TRACKED: (keyof CatalogueItem)[] = [
  'categoryCode',
  'name',
  'legalBasis',
  'filingCondition',
  'closingCondition',
  'limits',
  'departmentKind',
  'gridEligible',
  'negativeList',
  'publicReport',
  'minor',
  'keywords',
  'fields',
  'unclassified',
  'claimable',
];

/**
 * Replaces an item's definition (the code stays). An item that stops being admissible to grids
 * (moved to the negative list or made ineligible) takes its live admissions with it: pending
 * proposals are turned down and active admissions withdrawn, in the same transaction.
 */
export async function updateItem(
  deps: ItemsDeps,
  ctx: RequestContext,
  code: string,
  input: unknown,
): Promise<ItemView> {
  const actor = authorize(ctx, 'item.manage');
  await assertOwnsSetting(deps.db, actor, 'item_catalogue');
  const { active, ...rest } = (input ?? {}) as { active?: unknown };
  if (active !== undefined && typeof active !== 'boolean')
    throw itemInvalid([{ path: 'active', message: '应为布尔值' }]);
  const item = validItem(rest);
  if (item.code !== code) throw itemCodeMismatch(code);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await repo.getItemByCode(tx, code);
    if (!before) throw itemNotFound();
    const row = await repo.updateItem(tx, before.id, {
      ...columnsOf(item, now),
      ...(active === undefined ? {} : { active }),
    });
    const changed = [...TRACKED, 'active' as const].filter(
      (k) =>
        JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((row as Record<string, unknown>)[k]),
    );
    let ended = 0;
    if (!row.gridEligible || row.negativeList) {
      for (const a of await repo.liveAdmissionsOfItem(tx, row.id)) {
        const moved =
          a.state === 'proposed'
            ? await repo.moveAdmission(tx, a.id, 'proposed', {
                state: 'rejected',
                decidedBy: actor.id,
                decidedAt: now,
                decisionNote: '事项已调整为不得下沉网格，申请自动终止',
              })
            : await repo.moveAdmission(tx, a.id, 'active', {
                state: 'withdrawn',
                withdrawnBy: actor.id,
                withdrawnAt: now,
              });
        if (moved) ended += 1;
      }
    }
    await recordAudit(tx, deps.clock, ctx, {
      action: 'item.update',
      targetType: 'item',
      targetId: row.id,
      detail: { code, changed, admissionsEnded: ended },
    });
    return toItemView(row);
  });
}
