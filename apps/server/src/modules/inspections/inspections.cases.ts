import { REPORT_LIMITS } from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { type IntakeDeps, reportCase } from '../cases/cases.intake.ts';
import { inspectionNotFound, itemNotFailed, itemNotFound, locationMissing } from './inspections.errors.ts';
import { answersOf, inspectionInScope, linkCase, placeInScope, templateById } from './inspections.repository.ts';

/**
 * A failed item becomes a case in one call: reported through the cases module's own report (the
 * grid worker or the township centre as reporter, so its routing, clocks, audit and notifications are the
 * usual ones), pre-filled with the item's text, the place, the inspection's point and the item's photos
 * (whoever took them: a colleague's inspection too), under the
 * catalogue item the template maps it to. Idempotent: the report's key is the inspection and item, and
 * the answer keeps the case id, so a second call (or a retry after a lost answer) returns the same case.
 */
export async function caseFromItem(
  deps: IntakeDeps,
  ctx: RequestContext,
  inspectionId: string,
  key: string,
): Promise<{ caseId: string; caseCode: string; created: boolean }> {
  // The inspector on the phone, or the township centre reading the inspection at its desk: whoever reads
  // the inspection and may report a case.
  authorize(ctx, 'inspection.read');
  const actor = authorize(ctx, 'case.report');
  const inspection = await inspectionInScope(deps.db, inspectionId, actor.regionPath);
  if (!inspection) throw inspectionNotFound();
  const answer = (await answersOf(deps.db, [inspection.id])).find((a) => a.itemKey === key);
  if (!answer) throw itemNotFound();
  if (answer.caseId) return { caseId: answer.caseId, caseCode: answer.caseCode ?? '', created: false };
  if (answer.result !== 'fail') throw itemNotFailed();
  const template = await templateById(deps.db, inspection.templateId);
  const item = template?.items.find((i) => i.key === key);
  if (!template || !item) throw itemNotFound();
  let { lon, lat } = inspection;
  if (lon === null || lat === null) {
    const place = await placeInScope(deps.db, inspection.placeKind, inspection.placeId, inspection.regionPath);
    lon = place?.lon ?? null;
    lat = place?.lat ?? null;
  }
  if (lon === null || lat === null) throw locationMissing();
  const detail = [
    `隐患排查（${template.name}）不合格：${item.text}`,
    answer.value !== null ? `实测 ${answer.value}${item.answer.kind === 'number' ? item.answer.unit : ''}` : '',
    `场所：${inspection.placeName}`,
    answer.note ?? '',
  ]
    .filter(Boolean)
    .join('；');
  const { case: row, created } = await reportCase(
    deps,
    { kind: 'user', ctx },
    {
      itemCode: item.caseItem.code,
      description: detail.slice(0, REPORT_LIMITS.descriptionMax),
      location: { lon, lat, crs: 'WGS84' },
      address: inspection.placeName.slice(0, REPORT_LIMITS.addressMax),
      // The item's photos go with the case whoever makes it: the inspection in the actor's scope already
      // links them (inspection_answers.photo_ids in ATTACHMENT_LINKS), so the report takes them as kept.
      attachmentIds: answer.photoIds,
      idempotencyKey: `inspection:${inspection.id}:${key}`,
      anonymous: false,
      publicConsent: false,
      fields: item.caseItem.fields ?? {},
    },
    { keptAttachmentIds: answer.photoIds },
  );
  const linked = (await linkCase(deps.db, inspection.id, key, row.id)) ?? row.id;
  if (created)
    await recordAudit(deps.db, deps.clock, ctx, {
      action: 'inspection.case',
      targetType: 'inspection',
      targetId: inspection.id,
      regionPath: inspection.regionPath,
      detail: { item: key, caseCode: row.code },
    });
  if (linked === row.id) return { caseId: row.id, caseCode: row.code, created };
  // Someone else's call linked another case first: theirs is the item's case.
  const first = (await answersOf(deps.db, [inspection.id])).find((a) => a.itemKey === key);
  return { caseId: linked, caseCode: first?.caseCode ?? '', created: false };
}
