import { DISPUTE_STATE_LABELS, type RecordLink, type ReferCaseBody, checkDisputeTransition } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { can, requireActor } from '../../platform/access.ts';
import { linkView, registerLinkTarget } from '../../platform/links.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { wakeStreams } from '../notifications/notifications.service.ts';
import type { GridLocator } from '../grids/grids.index.ts';
import { fileCaseFromDispute } from '../cases/cases.referral.ts';
import { actOnDispute } from './disputes.actions.ts';
import { loadDispute, relationsOf } from './disputes.access.ts';
import { disputeRefused } from './disputes.errors.ts';
import { disputeFacts, visibleDisputes } from './disputes.policy.ts';
import { DisputeConflict, findDisputeForUpdate, findDisputeWhere } from './disputes.repository.ts';

/*
 * A dispute at the other end of a link, and 转案件: the case filed from a dispute for a department's
 * matter (DISPUTE_LIFE.refer_case), written with the dispute's event in one transaction.
 */

/** How a dispute shows on a case's detail: to those who may see the dispute (visibleDisputes), else as a bare link. */
registerLinkTarget('dispute', async (db, actor, id) => {
  if (!can(actor, 'dispute.read')) return null;
  const row = await findDisputeWhere(db, id, visibleDisputes(actor));
  return row ? { id: row.id, code: row.code, state: row.state, stateLabel: DISPUTE_STATE_LABELS[row.state] } : null;
});

export type ReferDeps = {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  gridLocator: GridLocator;
  config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number };
};

/**
 * 转案件: files the matter for a department that mediation found as a case in the centre's queue, and
 * records it on the dispute (refer_case: who works the dispute, while it is open, with a reason; the
 * dispute goes on). Once per dispute: asked again — even at once, by two people — it gives the case
 * filed first (`created: false`). The answer names the case as the actor may see it (the link).
 */
export async function referCase(
  deps: ReferDeps,
  ctx: RequestContext,
  id: string,
  body: ReferCaseBody,
): Promise<{ created: boolean; disputeVersion: number; case: RecordLink }> {
  const actor = requireActor(ctx);
  const row = await loadDispute(deps.db, actor, id);
  const filedBefore = async (caseId: string, version: number) => ({
    created: false,
    disputeVersion: version,
    case: await linkView(deps.db, actor, 'referred_to', 'case', caseId),
  });
  if (row.referredCaseId) return filedBefore(row.referredCaseId, row.version);
  if (body.version !== row.version) throw new DisputeConflict(row);
  const refusal = checkDisputeTransition(disputeFacts(row), 'refer_case', await relationsOf(deps.db, actor, row), {
    note: body.note,
  });
  if (refusal) throw disputeRefused(refusal);
  try {
    const result = await deps.db.transaction(async (tx) => {
      const locked = await findDisputeForUpdate(tx, id);
      if (!locked) throw new DisputeConflict(undefined);
      if (locked.referredCaseId) return { filed: null, before: locked };
      const filed = await fileCaseFromDispute({ ...deps, db: tx }, ctx, {
        disputeId: locked.id,
        disputeCode: locked.code,
        fallbackPath: locked.regionPath,
        body: { ...body, fields: {} },
      });
      const after = await actOnDispute(
        { ...deps, db: tx },
        ctx,
        id,
        { action: 'refer_case', version: locked.version, note: body.note },
        { caseId: filed.id, caseCode: filed.code },
      );
      return { filed, before: after };
    });
    if (!result.filed) return filedBefore(result.before.referredCaseId as string, result.before.version);
    return {
      created: true,
      disputeVersion: result.before.version,
      case: await linkView(deps.db, actor, 'referred_to', 'case', result.filed.id),
    };
  } finally {
    wakeStreams();
  }
}
