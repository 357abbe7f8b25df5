import {
  DEFAULT_INSPECTION_TEMPLATES,
  type InspectionTemplateEdit,
  type InspectionTemplateView,
  templateProblem,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, can, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { forbidden } from '../../platform/errors.ts';
import { checkFields, isUniqueViolation } from '../cases/cases.intake.ts';
import { getItemByCode } from '../items/items.repository.ts';
import { templateInvalid, templateItemUnknown, templateLevelTooLow, templateNotFound } from './inspections.errors.ts';
import {
  type TemplateRow,
  insertDefaultTemplates,
  insertTemplate,
  lastVersionOf,
  templateById,
  templatesAbove,
} from './inspections.repository.ts';

export type TemplateDeps = { db: Db; clock: Clock };

export function templateView(t: TemplateRow): InspectionTemplateView {
  return {
    id: t.id,
    key: t.key,
    version: t.version,
    regionPath: t.regionPath,
    name: t.name,
    placeTypes: t.placeTypes,
    items: t.items,
    createdAt: t.createdAt.toISOString(),
  };
}

/** The defaults go in once per database, as version 1 of each key for everywhere (region ''). */
const seeded = new WeakMap<Db, Promise<void>>();
export function ensureDefaultTemplates({ db, clock }: TemplateDeps): Promise<void> {
  let done = seeded.get(db);
  if (!done) {
    const now = clock.now();
    done = insertDefaultTemplates(
      db,
      DEFAULT_INSPECTION_TEMPLATES.map((t) => ({ ...t, version: 1, regionPath: '', createdBy: null, createdAt: now })),
    );
    seeded.set(db, done);
    done.catch(() => seeded.delete(db));
  }
  return done;
}

/** The version in force at `path` for each key: the nearest region's, then the latest. */
export function currentTemplates(rows: TemplateRow[]): TemplateRow[] {
  const best = new Map<string, TemplateRow>();
  for (const r of rows) {
    const b = best.get(r.key);
    if (
      !b ||
      r.regionPath.length > b.regionPath.length ||
      (r.regionPath.length === b.regionPath.length && r.version > b.version)
    )
      best.set(r.key, r);
  }
  return [...best.values()].sort((a, b) => a.key.localeCompare(b.key));
}

const readsTemplates = (actor: Actor) => can(actor, 'inspection.read') || can(actor, 'inspection.template_manage');

/** The templates in force in the actor's region (what a grid worker answers, what the centre edits). */
export async function listTemplates(
  deps: TemplateDeps,
  ctx: RequestContext,
): Promise<{ items: InspectionTemplateView[] }> {
  const actor = requireActor(ctx);
  if (!readsTemplates(actor)) throw forbidden();
  await ensureDefaultTemplates(deps);
  return { items: currentTemplates(await templatesAbove(deps.db, actor.regionPath)).map(templateView) };
}

/** One version, in force above the actor or made inside their area (an old inspection reads against it). */
export async function getTemplate(
  deps: TemplateDeps,
  ctx: RequestContext,
  id: string,
): Promise<InspectionTemplateView> {
  const actor = requireActor(ctx);
  if (!readsTemplates(actor)) throw forbidden();
  const t = await templateById(deps.db, id);
  if (!t || !(actor.regionPath.startsWith(t.regionPath) || t.regionPath.startsWith(actor.regionPath)))
    throw templateNotFound();
  return templateView(t);
}

/** The centre of a township (or higher) and a county (or higher) admin keep templates for their area. */
function mayEditHere(actor: Actor): boolean {
  const level = actor.regionLevel;
  if (actor.roles.includes('dispatcher') && level !== 'village') return true;
  return actor.roles.includes('admin') && (level === 'province' || level === 'city' || level === 'county');
}

/**
 * An edit: the next version of template `key` for the actor's region and below (copy-on-write; the
 * inspections answered with earlier versions keep them). Each failed item must map to an active
 * catalogue item with that item's required fields.
 */
export async function editTemplate(
  deps: TemplateDeps,
  ctx: RequestContext,
  key: string,
  body: InspectionTemplateEdit,
): Promise<InspectionTemplateView> {
  const actor = authorize(ctx, 'inspection.template_manage');
  if (!mayEditHere(actor)) throw templateLevelTooLow();
  const problem = templateProblem(body);
  if (problem) throw templateInvalid(problem);
  for (const i of body.items) {
    const item = await getItemByCode(deps.db, i.caseItem.code);
    if (!item || !item.active) throw templateItemUnknown(i.caseItem.code);
    checkFields(item, i.caseItem.fields ?? {});
  }
  await ensureDefaultTemplates(deps);
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await deps.db.transaction(async (tx) => {
        const version = (await lastVersionOf(tx, key)) + 1;
        const t = await insertTemplate(tx, {
          key,
          version,
          regionPath: actor.regionPath,
          name: body.name,
          placeTypes: body.placeTypes,
          items: body.items,
          createdBy: actor.id,
          createdAt: deps.clock.now(),
        });
        await recordAudit(tx, deps.clock, ctx, {
          action: 'inspection.template_edit',
          targetType: 'inspection_template',
          targetId: t.id,
          regionPath: actor.regionPath,
          detail: { key, version, items: body.items.length },
        });
        return t;
      });
      return templateView(row);
    } catch (e) {
      // Two editors at once: the second takes the next number.
      if (attempt < 2 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}
