import { ACTION_LABELS, CLAIM_EXPIRED_NOTE, CLAIM_HOLD, centrePathFor, claimExpiresAt } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { systemContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { type PendingLight, registerClock, stageClock } from '../../platform/clocks/index.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { itemByCode } from './cases.intake.ts';
import { appendEvent, findCaseForUpdate } from './cases.repository.ts';

/*
 * 认领时限 on the clock engine (platform/clocks) as the kind `case.claim`: subject the case, stage 'claim',
 * one light change — red when the claim's hold (CLAIM_HOLD, forces.ts) has run out. The sweep then
 * releases the case as the volunteer's own 放弃认领 would (an `unclaim` event, here without an actor and
 * marked `expired`): back to the centre's intake with its acceptance clock, the volunteer and the centre
 * told, audited. Its `notices` are empty because the release tells people. A row whose claim has ended
 * (closed, released) or was claimed again since is left alone: the subjects keep only cases still claimed
 * by the claim the row was for (its last claim event, at the row's time less the hold).
 */

const STAGE = 'claim';

export const caseClaimClock = registerClock({
  name: 'case.claim',
  lights: {
    red: {
      subjects: () =>
        sql`SELECT cases.id FROM due JOIN cases ON cases.id = due.subject_id AND cases.state = 'claimed'
              AND due.at = (SELECT e.at FROM case_events e WHERE e.case_id = cases.id AND e.type = 'claim'
                             ORDER BY e.seq DESC LIMIT 1) + make_interval(hours => ${CLAIM_HOLD.hours}::int)`,
      notices: () =>
        sql`SELECT NULL::uuid, NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::text, NULL::uuid, NULL::jsonb, NULL::timestamptz, NULL::text, NULL::uuid FROM s WHERE false`,
      act: (deps, ids) => releaseExpiredClaims(deps, ids),
    },
  },
});

/** The claim's pending light change: red when its hold runs out. */
export const claimLights = (claimedAt: Date): PendingLight[] => [
  { stage: STAGE, light: 'red', at: claimExpiresAt(claimedAt) },
];

/**
 * Releases claims whose hold ran out (the sweep's `act`, in its transaction): each case still claimed
 * goes back to 待受理 with the acceptance stage's clock, as 放弃认领 does; the volunteer and the centre
 * are told. A case the volunteer closed or released meanwhile is left alone.
 */
export async function releaseExpiredClaims(deps: { db: Db; clock: Clock }, ids: readonly string[]): Promise<void> {
  const now = deps.clock.now();
  const cal = await getWorkCalendar(deps);
  for (const id of ids) {
    const row = await findCaseForUpdate(deps.db, id);
    if (!row || row.state !== 'claimed') continue;
    const item = await itemByCode(deps, row.itemCode);
    const next = await appendEvent(deps.db, row, {
      type: 'unclaim',
      at: now,
      actor: null,
      note: CLAIM_EXPIRED_NOTE,
      data: { clock: stageClock('accept', now, item.limits.accept, cal), expired: true },
      attachmentIds: [],
    });
    await notify(
      deps.db,
      deps.clock,
      [
        row.claimantUserId ? { userId: row.claimantUserId } : null,
        { regionPath: centrePathFor(row.regionPath, row.level), role: 'dispatcher' },
      ],
      {
        kind: 'case.claim_expired',
        title: `${next.code}：认领超时，已退回`,
        body: CLAIM_EXPIRED_NOTE,
        caseId: next.id,
      },
    );
    await recordAudit(deps.db, deps.clock, systemContext(), {
      action: 'case.claim_expired',
      targetType: 'case',
      targetId: next.id,
      regionPath: next.regionPath,
      detail: { code: next.code, from: row.state, to: next.state, action: ACTION_LABELS.unclaim },
    });
  }
}
