import {
  type DisputeTier,
  type DiversionPath,
  type OrganisationKind,
  type PartySide,
  PATH_LABELS,
  PATH_ORGANISATION_KINDS,
  disputeTierRank,
} from './disputes.ts';
import type { AgreementTerm } from './disputes-events.ts';
import type { DisputeRefusal } from './disputes-life.ts';

/**
 * The pure checks of a dispute's inputs that are not a state transition: what an agreement must hold,
 * where a dispute may be diverted. Each refusal is a stable code and a Chinese message; the server
 * answers them as 4xx and writes nothing.
 */

/** What an agreement is checked against: the parties the dispute has (id and side). */
export interface AgreementDraft {
  partyIds: readonly string[];
  facts: string;
  terms: readonly AgreementTerm[];
  /** When it took effect; not in the future. */
  effectiveAt: Date;
}

const dayOf = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * An agreement names its parties — at least one of each side (申请方 and 被申请方), all of them
 * parties of this dispute — the facts, at least one term, and due dates not before it takes effect
 * (人民调解法 art. 28–29: the agreement states the parties, the facts and the obligations with their
 * manner and time of performance).
 */
export function agreementProblem(
  draft: AgreementDraft,
  parties: readonly { id: string; side: PartySide }[],
  now: Date,
): DisputeRefusal | null {
  if (draft.partyIds.length === 0)
    return { code: 'dispute.agreement_parties_required', message: '调解协议须列明签订协议的当事人' };
  const sides = new Set<PartySide>();
  for (const id of draft.partyIds) {
    const party = parties.find((p) => p.id === id);
    if (!party) return { code: 'dispute.agreement_party_unknown', message: '调解协议所列当事人不是本纠纷的当事人' };
    sides.add(party.side);
  }
  if (!sides.has('a') || !sides.has('b'))
    return { code: 'dispute.agreement_parties_required', message: '调解协议须有申请方和被申请方双方当事人' };
  if (!draft.facts.trim()) return { code: 'dispute.agreement_facts_required', message: '调解协议须写明纠纷的主要事实' };
  if (draft.terms.filter((t) => t.text.trim()).length === 0)
    return { code: 'dispute.agreement_terms_required', message: '调解协议须写明协议内容（至少一项）' };
  if (draft.effectiveAt > now)
    return { code: 'dispute.agreement_effective_future', message: '协议生效时间不能晚于当前时间' };
  const effectiveDay = dayOf(draft.effectiveAt);
  if (draft.terms.some((t) => t.dueDate !== null && t.dueDate < effectiveDay))
    return { code: 'dispute.term_due_before_effective', message: '履行期限不能早于协议生效日期' };
  return null;
}

/** A diversion as the centre asks for it, and the organisation it names. */
export interface DiversionDraft {
  path: DiversionPath;
  /** The tier the dispute is at now (its region's, or the one it was handed up to). */
  disputeTier: DisputeTier;
  organisation: { kind: OrganisationKind; tier: DisputeTier };
  note?: string;
}

/**
 * The organisation must suit the path (人民调解 → a people's or professional mediation committee,
 * 行政调解 → an administrative body …) and sit at the dispute's tier: the lowest capable tier first
 * (domain.md: simple at village, complex at township, hard at county), so a higher tier needs a
 * reason, and a dispute handed up is not sent back down.
 */
export function diversionProblem(d: DiversionDraft): DisputeRefusal | null {
  if (!PATH_ORGANISATION_KINDS[d.path].includes(d.organisation.kind))
    return {
      code: 'dispute.organisation_path_mismatch',
      message: `所选调解组织不承担${PATH_LABELS[d.path]}`,
    };
  const diff = disputeTierRank(d.organisation.tier) - disputeTierRank(d.disputeTier);
  if (diff < 0) return { code: 'dispute.tier_below', message: '该纠纷已由上级调处，不能分流到更低一级的调解组织' };
  if (diff > 0 && !d.note?.trim())
    return {
      code: 'dispute.tier_reason_required',
      message: '矛盾纠纷应先由最低一级调处，分流到更高一级的调解组织须说明理由',
    };
  return null;
}
