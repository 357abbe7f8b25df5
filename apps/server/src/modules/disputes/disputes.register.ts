import { randomUUID } from 'node:crypto';
import {
  type DisputeRegistration,
  type RegisterDisputeBody,
  SOURCES_WITH_EXTERNAL_NUMBER,
  SOURCES_WITH_REFERRING_BODY,
  disputeStageLimit,
  disputeTierOfPath,
  riskProblem,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, isInScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { stageClock } from '../../platform/clocks/index.ts';
import { findRegionByCode, findRegionInScope } from '../regions/regions.repository.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { actOnCase } from '../cases/cases.actions.ts';
import { caseToConvert, lockCaseForConversion } from '../cases/cases.links.ts';
import { AppError } from '../../platform/errors.ts';
import { notify, wakeStreams } from '../notifications/notifications.service.ts';
import {
  caseOnlyForConversion,
  disputeRegionInvalid,
  disputeRegionRequired,
  disputeTypeUnknown,
  linkedCaseRequired,
  partyInvalid,
  referralNumberRequired,
  referringBodyRequired,
  stabilityRequired,
  stabilityUserInvalid,
} from './disputes.errors.ts';
import { protectParty } from './disputes.parties.ts';
import {
  type DisputeRow,
  appendDisputeEvent,
  disputeConvertedFrom,
  insertParties,
  nextDisputeCode,
} from './disputes.repository.ts';
import { type DisputeTypeRow, findDisputeType, mediatorAccount } from './mediation.repository.ts';

export type RegisterDeps = {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number };
};

/** YYYYMMDD in China time, for dispute codes. */
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');

/** An active type by code, or 400 dispute.type_unknown. */
export async function activeType(db: Db, code: string): Promise<DisputeTypeRow> {
  const type = await findDisputeType(db, code);
  if (!type || !type.active) throw disputeTypeUnknown(code);
  return type;
}

/**
 * The 稳控责任人 named for a dispute: an active staff account (not a resident) of the place — its
 * region holds the dispute's, or lies inside it (a village cadre for a township's dispute).
 */
export async function checkStabilityUser(db: Db, userId: string | null, regionPath: string): Promise<void> {
  if (!userId) return;
  const u = await mediatorAccount(db, userId);
  const staff = u && u.status === 'active' && u.roles.some((r) => r !== 'resident');
  if (!u || !staff || !(isInScope(u.regionPath, regionPath) || isInScope(regionPath, u.regionPath)))
    throw stabilityUserInvalid();
}

/** Where the dispute arose: a village/community, township or county in the actor's area. */
async function placeOf(db: Db, actor: Actor, regionId: string) {
  const region = await findRegionInScope(db, actor, regionId);
  if (!region || !['village', 'township', 'county'].includes(region.level)) throw disputeRegionInvalid();
  return region;
}

/** The village/community (or township) a case lies in: its path without the grid's own code. */
async function placeOfCase(db: Db, actor: Actor, casePath: string) {
  const code = casePath
    .split('/')
    .filter((c) => c && c.length <= 12)
    .at(-1);
  const region = code ? await findRegionByCode(db, code) : null;
  if (!region) throw disputeRegionRequired();
  return placeOf(db, actor, region.id);
}

/** A registration: the new dispute, or (`created: false`) the one a case already became. */
export type Registered = { row: DisputeRow; created: boolean };

/**
 * 登记: the centre takes a dispute down once — its type, place, risk (a 重大 one with its 稳控责任人),
 * its source with the referring body's own number, and its parties (protected as residents' data) —
 * gives it its code (一案一码) and starts the acceptance clock.
 *
 * 转矛盾纠纷 (source case_conversion) is this registration too: the case is checked by
 * CASE_LIFE.convert_to_dispute first (the centre, before dispatch, with a reason), locked, and given
 * its `convert_to_dispute` event in the same transaction — the case ends as `converted`, the dispute
 * names the case, both or neither. A case converted before gives its dispute back (`created: false`).
 */
export async function registerDispute(
  deps: RegisterDeps,
  ctx: RequestContext,
  body: RegisterDisputeBody,
): Promise<Registered> {
  const actor = authorize(ctx, 'dispute.centre');
  const converting = body.source === 'case_conversion';
  if (converting && !body.caseId) throw linkedCaseRequired();
  if (!converting && body.caseId) throw caseOnlyForConversion();
  const fromCase = converting
    ? await caseToConvert(deps.db, ctx, body.caseId as string, body.note).catch((e: unknown) =>
        Promise.reject(e instanceof AppError && e.code === 'case.not_found' ? linkedCaseRequired() : e),
      )
    : null;
  if (fromCase?.convertedDisputeId) return { row: await convertedBefore(deps.db, fromCase.row.id), created: false };
  const problem = riskProblem(body.risk, body.stabilityUserId);
  if (problem) throw stabilityRequired(problem);
  if (SOURCES_WITH_REFERRING_BODY.includes(body.source) && !body.referringBody) throw referringBodyRequired();
  if (SOURCES_WITH_EXTERNAL_NUMBER.includes(body.source) && !body.externalRef) throw referralNumberRequired();
  const errors: { path: string; message: string }[] = [];
  const parties = body.parties.map((p, i) => protectParty(deps, p, errors, `parties.${i}.`));
  if (errors.length) throw partyInvalid(errors);

  if (!body.regionId && !fromCase) throw disputeRegionRequired();
  const region = body.regionId
    ? await placeOf(deps.db, actor, body.regionId)
    : await placeOfCase(deps.db, actor, (fromCase as { row: { regionPath: string } }).row.regionPath);
  const type = await activeType(deps.db, body.typeCode);
  await checkStabilityUser(deps.db, body.stabilityUserId ?? null, region.path);

  const now = deps.clock.now();
  const cal = await getWorkCalendar(deps);
  const clock = stageClock('accept', now, disputeStageLimit('accept', type.limits), cal);
  try {
    return await deps.db.transaction(async (tx) => {
      // Two conversions of one case at once: the second waits here and gets the first one's dispute.
      const locked = fromCase ? await lockCaseForConversion(tx, fromCase.row.id) : undefined;
      if (locked?.convertedDisputeId) return { row: await convertedBefore(tx, locked.id), created: false };
      const registration: DisputeRegistration = {
        id: randomUUID(),
        code: await nextDisputeCode(tx, chinaDay(now)),
        typeCode: type.code,
        summary: body.summary,
        regionPath: region.path,
        address: body.address ?? null,
        tier: disputeTierOfPath(region.path),
        risk: body.risk,
        civilToCriminal: body.civilToCriminal,
        stabilityUserId: body.stabilityUserId ?? null,
        source: body.source,
        referringBody: body.referringBody ?? null,
        externalRef: body.externalRef ?? null,
        linkedCaseId: fromCase?.row.id ?? null,
        registeredBy: actor.id,
      };
      const row = await appendDisputeEvent(tx, null, {
        type: 'register',
        at: now,
        actor: { id: actor.id, name: actor.displayName },
        note: converting ? (body.note ?? null) : null,
        data: { dispute: registration, clock },
      });
      await insertParties(
        tx,
        parties.map((p) => ({ ...p, disputeId: row.id, createdAt: now, updatedAt: now })),
      );
      if (fromCase)
        await actOnCase(
          { ...deps, db: tx },
          ctx,
          fromCase.row.id,
          {
            action: 'convert_to_dispute',
            version: locked?.version ?? fromCase.row.version,
            note: body.note,
            attachmentIds: [],
          },
          { disputeId: row.id, disputeCode: row.code },
        );
      if (row.stabilityUserId && row.stabilityUserId !== actor.id)
        await notify(tx, deps.clock, [{ userId: row.stabilityUserId }], {
          kind: 'dispute.stability',
          title: `${row.code}：您被指定为稳控责任人`,
          subject: { kind: 'dispute', id: row.id },
        });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'dispute.register',
        targetType: 'dispute',
        targetId: row.id,
        regionPath: row.regionPath,
        detail: {
          code: row.code,
          typeCode: row.typeCode,
          source: row.source,
          risk: row.risk,
          parties: parties.length,
          ...(fromCase ? { caseCode: fromCase.row.code } : {}),
        },
      });
      return { row, created: true };
    });
  } finally {
    wakeStreams();
  }
}

/** The dispute a case was turned into before. */
async function convertedBefore(db: Db, caseId: string): Promise<DisputeRow> {
  const row = await disputeConvertedFrom(db, caseId);
  if (!row) throw new Error(`case ${caseId} is converted but its dispute is missing`);
  return row;
}
