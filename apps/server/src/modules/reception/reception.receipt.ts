import {
  ADVISER_KIND_LABELS,
  RECEPTION_TRACK_RULES,
  REFERRAL_BODY_LABELS,
  VISIT_CATEGORY_LABELS,
  type VisitDetails,
  formatReceiptNumber,
} from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { renderReceptionReceipt } from '../../platform/documents/index.ts';
import { loadVisit } from './reception.queries.ts';
import type { ReceptionDeps } from './reception.register.ts';

const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** What was settled at the window, as the receipt says it (the visitor's own advice, the body they go to). */
function outcomeOf(details: VisitDetails | null): string | null {
  if (details?.kind === 'legal_advice')
    return `已由${ADVISER_KIND_LABELS[details.adviserKind]}当场解答。解答意见：${details.answer}`;
  if (details?.kind === 'referral')
    return `已转介至${details.bodyName}（${REFERRAL_BODY_LABELS[details.bodyKind]}）${details.note ? `：${details.note}` : '。'}`;
  return null;
}

/**
 * The visit's receipt (来访登记回执) as a PDF, for the desk to print and hand over: the number, the day,
 * the track, the visitor masked and how to follow the progress (`trackUrl`: the phone page's address
 * as the desk reaches this server). Printing it is audited like any document handed out.
 */
export async function visitReceipt(
  deps: ReceptionDeps,
  ctx: RequestContext,
  id: string,
  trackUrl: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  const actor = authorize(ctx, 'reception.register');
  const x = await loadVisit(deps.db, actor, id);
  const v = x.v;
  const rule = RECEPTION_TRACK_RULES[v.track];
  const { pdf } = await renderReceptionReceipt({
    receiptNumber: formatReceiptNumber(v.receiptNumber),
    visitedOn: chinaDate(v.visitedAt),
    centreName: `${x.centreName}综治中心`,
    visitorMasked: v.anonymous ? null : v.nameMasked,
    idMasked: v.idMasked,
    headcount: v.headcount,
    categoryLabel: VISIT_CATEGORY_LABELS[v.category],
    trackLabel: rule.label,
    recordCode: v.trackCode,
    outcome: outcomeOf(v.details ?? null),
    // An anonymous visitor has no phone to look up with; their advice is settled already.
    trackUrl: v.phoneEnc ? trackUrl : null,
  });
  await recordAudit(deps.db, deps.clock, ctx, {
    action: 'reception.receipt',
    targetType: 'reception_visit',
    targetId: v.id,
    regionPath: v.regionPath,
  });
  return { pdf, fileName: `receipt-${v.receiptNumber}.pdf` };
}
