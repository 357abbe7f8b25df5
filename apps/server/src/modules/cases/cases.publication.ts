import {
  type CasePublication,
  type CasePublicationBody,
  type PublicationDecision,
  filedThroughOpen311,
  isPublished,
  publicCopy,
} from '@gewu/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { forbidden } from '../../platform/errors.ts';
import { itemTakesPublicReports } from '../items/items.repository.ts';
import { visibleCase } from './cases.actions.ts';
import { relationsTo } from './cases.policy.ts';
import type { CaseRow } from './cases.repository.ts';
import { casePublications } from './cases.table.ts';
import { casePublicationNotPublicItem } from './cases.errors.ts';

type DecisionRow = typeof casePublications.$inferSelect;

export async function publicationDecision(db: Db, caseId: string): Promise<DecisionRow | null> {
  const [row] = await db.select().from(casePublications).where(eq(casePublications.caseId, caseId));
  return row ?? null;
}

/** Whether and how the case is on the public feed, with what Open311 shows of it now. */
export function publicationView(c: CaseRow, d: DecisionRow | null): CasePublication {
  const decision: PublicationDecision | null = d
    ? { published: d.published, publicDescription: d.publicDescription, descriptionHidden: d.descriptionHidden }
    : null;
  const published = isPublished(c, decision);
  return {
    consent: c.publicConsent,
    viaOpen311: filedThroughOpen311(c),
    decided: !!d,
    published,
    publicDescription: d?.publicDescription ?? null,
    descriptionHidden: d?.descriptionHidden ?? false,
    moderatedAt: d?.moderatedAt.toISOString() ?? null,
    shown: published ? publicCopy(c, decision) : null,
  };
}

/**
 * The centre publishes or withdraws a case from the public feed and reviews its public text
 * (replaces or hides it; the reporter's description is kept as it was). Only the centre over the
 * case, only for items open to public reports; audited.
 */
export async function setPublication(
  deps: { db: Db; clock: Clock },
  ctx: RequestContext,
  id: string,
  body: CasePublicationBody,
): Promise<CasePublication> {
  const actor = requireActor(ctx);
  const row = await visibleCase(deps.db, ctx, id);
  if (!relationsTo(actor, row, []).includes('centre')) throw forbidden('只有负责该案件的受理派遣中心可以决定是否公开');
  if (!(await itemTakesPublicReports(deps.db, row.itemId))) throw casePublicationNotPublicItem();
  const now = deps.clock.now();
  const values = {
    caseId: row.id,
    published: body.published,
    publicDescription: body.publicDescription ?? null,
    descriptionHidden: body.hideDescription,
    moderatedBy: actor.id,
    moderatedAt: now,
  };
  const saved = await deps.db.transaction(async (tx) => {
    const [d] = await tx
      .insert(casePublications)
      .values(values)
      .onConflictDoUpdate({ target: casePublications.caseId, set: values })
      .returning();
    await recordAudit(tx, deps.clock, ctx, {
      action: 'case.publication',
      targetType: 'case',
      targetId: row.id,
      regionPath: row.regionPath,
      detail: {
        code: row.code,
        published: body.published,
        edited: values.publicDescription !== null,
        hidden: body.hideDescription,
      },
    });
    return d as DecisionRow;
  });
  return publicationView(row, saved);
}
