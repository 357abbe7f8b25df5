import { type CaseLevel, type ReportBody, type ReportFacts, centrePathFor } from '@gewu/domain';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { stageClock } from '../../platform/clocks/index.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { type IntakeDeps, checkFields, chinaDay, itemByCode, placeOf } from './cases.intake.ts';
import { coversPath } from './cases.policy.ts';
import { type CaseRow, appendEvent, nextCaseCode } from './cases.repository.ts';
import { caseOutsideScope } from './cases.errors.ts';

/** What mediation found for a department, as the dispute's 转案件 gives it. */
export interface ReferredMatter {
  /** The dispute it comes from (one case per dispute: the caller checks it has none yet). */
  disputeId: string;
  disputeCode: string;
  /** Where the case goes without a location: the dispute's village/community. */
  fallbackPath: string;
  body: Pick<ReportBody, 'itemCode' | 'description' | 'location' | 'address' | 'fields'>;
}

/**
 * 转案件: files the matter as a case in the centre's queue (state reported, the acceptance clock
 * running), on channel `dispute` with the dispute it came from; the staff member who files it is its
 * reporter and first contact (首接负责制), so they follow it. Runs inside the caller's transaction
 * (`deps.db`), which also writes the dispute's event: both or neither.
 */
export async function fileCaseFromDispute(
  deps: IntakeDeps,
  ctx: RequestContext,
  matter: ReferredMatter,
): Promise<CaseRow> {
  const actor = requireActor(ctx);
  const item = await itemByCode(deps, matter.body.itemCode);
  checkFields(item, matter.body.fields);
  const place = await placeOf(deps, matter.body, matter.fallbackPath);
  if (!coversPath(actor, place.regionPath)) throw caseOutsideScope();
  const now = deps.clock.now();
  const cal = await getWorkCalendar(deps);
  const level: CaseLevel = 'township';
  const report: ReportFacts = {
    id: uuidv7(),
    code: await nextCaseCode(deps.db, chinaDay(now)),
    itemId: item.id,
    itemCode: item.code,
    level,
    regionPath: place.regionPath,
    gridId: place.gridId,
    lon: place.lon,
    lat: place.lat,
    address: matter.body.address ?? null,
    description: matter.body.description,
    channel: 'dispute',
    source: null,
    externalRef: null,
    mediaUrl: null,
    reporterUserId: actor.id,
    reporterApiKeyId: null,
    reporterName: actor.displayName,
    reporterPhoneEnc: null,
    reporterPhoneHash: null,
    reporterPhoneMasked: null,
    anonymous: false,
    publicConsent: false,
    reporterKey: `u:${actor.id}`,
    idempotencyKey: `dispute:${matter.disputeId}`,
    sourceDisputeId: matter.disputeId,
  };
  const row = await appendEvent(deps.db as Db, null, {
    type: 'report',
    at: now,
    actor: { id: actor.id, name: actor.displayName, unitId: actor.unitId },
    note: `矛盾纠纷 ${matter.disputeCode} 调处中发现，转案件办理`,
    data: { report, clock: stageClock('accept', now, item.limits.accept, cal), fields: matter.body.fields },
    attachmentIds: [],
  });
  await notify(deps.db, deps.clock, [{ regionPath: centrePathFor(row.regionPath, level), role: 'dispatcher' }], {
    kind: 'case.reported',
    title: `新上报：${item.name}（矛盾纠纷 ${matter.disputeCode} 转案件）`,
    body: matter.body.description.slice(0, 100),
    caseId: row.id,
  });
  await recordAudit(deps.db, deps.clock, ctx, {
    action: 'case.report',
    targetType: 'case',
    targetId: row.id,
    regionPath: row.regionPath,
    detail: { code: row.code, itemCode: item.code, channel: 'dispute', disputeCode: matter.disputeCode },
  });
  return row;
}
