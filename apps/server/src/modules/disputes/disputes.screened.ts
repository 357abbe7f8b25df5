import { randomUUID } from 'node:crypto';
import {
  type DisputeRegistration,
  type ScreenedDispute,
  centrePathFor,
  disputeStageLimit,
  disputeTierOfPath,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { stageClock } from '../../platform/clocks/index.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { partyInvalid } from './disputes.errors.ts';
import { type PartyValues, protectParty } from './disputes.parties.ts';
import { type DisputeRow, appendDisputeEvent, insertParties, nextDisputeCode } from './disputes.repository.ts';
import { activeType } from './disputes.register.ts';
import type { DisputeTypeRow } from './mediation.repository.ts';

/*
 * Disputes found in a grid's 排查 and registered from its report (source grid_screening): the grid
 * worker takes them down, the township's centre accepts or declines them as any other registration.
 */

export type ScreenedDeps = { db: Db; clock: Clock; pii: PiiCipher };

/** A screened dispute checked and its parties protected, ready to write. */
export interface CheckedScreened {
  input: ScreenedDispute;
  type: DisputeTypeRow;
  parties: PartyValues[];
}

/** Checks each finding (an active type, valid parties) before anything is written: 400 with the field's path. */
export async function checkScreenedDisputes(
  deps: ScreenedDeps,
  items: readonly ScreenedDispute[],
  at = 'newDisputes',
): Promise<CheckedScreened[]> {
  const out: CheckedScreened[] = [];
  for (const [i, input] of items.entries()) {
    const errors: { path: string; message: string }[] = [];
    const parties = input.parties.map((p, j) => protectParty(deps, p, errors, `${at}.${i}.parties.${j}.`));
    if (errors.length) throw partyInvalid(errors);
    out.push({ input, type: await activeType(deps.db, input.typeCode), parties });
  }
  return out;
}

/**
 * Registers checked findings inside the caller's transaction (`deps.db`), at the grid's village or
 * community, registered by the grid worker, each with its acceptance clock; tells the centre
 * responsible (the township's for a village) that screening found them.
 */
export async function registerScreenedDisputes(
  deps: ScreenedDeps,
  ctx: RequestContext,
  actor: Actor,
  place: { regionPath: string; label: string },
  items: readonly CheckedScreened[],
): Promise<DisputeRow[]> {
  if (!items.length) return [];
  const now = deps.clock.now();
  const cal = await getWorkCalendar(deps);
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  const rows: DisputeRow[] = [];
  for (const { input, type, parties } of items) {
    const tier = disputeTierOfPath(place.regionPath);
    const registration: DisputeRegistration = {
      id: randomUUID(),
      code: await nextDisputeCode(deps.db, day),
      typeCode: type.code,
      summary: input.summary,
      regionPath: place.regionPath,
      address: input.address ?? null,
      tier,
      risk: input.risk,
      civilToCriminal: input.civilToCriminal,
      stabilityUserId: null,
      source: 'grid_screening',
      referringBody: null,
      externalRef: null,
      linkedCaseId: null,
      registeredBy: actor.id,
    };
    const row = await appendDisputeEvent(deps.db, null, {
      type: 'register',
      at: now,
      actor: { id: actor.id, name: actor.displayName },
      note: `${place.label}排查发现`,
      data: {
        dispute: registration,
        clock: stageClock('accept', now, disputeStageLimit('accept', type.limits), cal),
      },
    });
    await insertParties(
      deps.db,
      parties.map((p) => ({ ...p, disputeId: row.id, createdAt: now, updatedAt: now })),
    );
    await notify(deps.db, deps.clock, [{ regionPath: centrePathFor(row.regionPath, tier), role: 'dispatcher' }], {
      kind: 'dispute.screened',
      title: `${row.code}：网格排查发现${input.risk === 'serious' ? '较大' : ''}矛盾纠纷，待受理`,
      subject: { kind: 'dispute', id: row.id },
    });
    await recordAudit(deps.db, deps.clock, ctx, {
      action: 'dispute.register',
      targetType: 'dispute',
      targetId: row.id,
      regionPath: row.regionPath,
      detail: { code: row.code, typeCode: row.typeCode, source: row.source, risk: row.risk, parties: parties.length },
    });
    rows.push(row);
  }
  return rows;
}
