import { type PetitionOpinionDocumentInput, type PetitionOpinionStage, petitionLocalDate } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { renderPetitionOpinion } from '../../platform/documents/index.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { loadPetition } from './petitions.access.ts';
import { documentNotAllowed, documentUnavailable } from './petitions.errors.ts';
import { petitionRelationsTo } from './petitions.policy.ts';
import { petitionersOf } from './petitions.repository.ts';

const OPINION_FILES: Record<PetitionOpinionStage, string> = {
  handling: 'reply',
  review: 'review',
  reexamination: 'reexamination',
};

export type PetitionDocumentDeps = { db: Db; clock: Clock; pii: PiiCipher };

/**
 * The written opinion of a petition as a PDF (信访事项处理意见书, the 复查意见书 or the 复核意见书), printed from what the
 * petition recorded: the petitioners (names decrypted, never logged), how and when it came in and was
 * accepted (or the 复查 request received), the matter, the facts, the opinion and its basis, the right to
 * the next review, the body's seal over the date. It names the petitioners in full, so only the centre
 * handling the petition and the leader who took it may print it; each print is audited.
 */
export async function petitionOpinionPdf(
  deps: PetitionDocumentDeps,
  ctx: RequestContext,
  id: string,
  stage: PetitionOpinionStage,
): Promise<{ pdf: Buffer; filename: string }> {
  const actor = requireActor(ctx);
  const p = await loadPetition(deps.db, actor, id);
  const relations = petitionRelationsTo(actor, p);
  if (!relations.includes('centre') && !relations.includes('lead')) throw documentNotAllowed();
  const opinion = { handling: p.reply, review: p.review, reexamination: p.reexamination }[stage];
  if (!opinion) throw documentUnavailable();
  const cal = await getWorkCalendar(deps);
  const people = await petitionersOf(deps.db, [p.id]);
  const input: PetitionOpinionDocumentInput = {
    stage,
    number: { year: Number(opinion.date.slice(0, 4)), agency: opinion.agency, serial: opinion.serial },
    body: opinion.body,
    petitioners: people.map((x) => ({
      name: deps.pii.decrypt(x.nameEnc),
      ...(x.gender ? { gender: x.gender } : {}),
      ...(x.address ? { address: x.address } : {}),
    })),
    channel: p.channel,
    receivedOn:
      { handling: null, review: p.reviewRequestedOn, reexamination: p.reexaminationRequestedOn }[stage] ??
      petitionLocalDate(p.receivedAt, cal),
    ...(stage === 'handling' && p.acceptedAt ? { acceptedOn: petitionLocalDate(p.acceptedAt, cal) } : {}),
    matter: p.summary,
    facts: opinion.facts,
    opinion: opinion.opinion,
    basis: opinion.basis,
    reviewBody: opinion.reviewBody,
    date: opinion.date,
  };
  const { pdf } = await renderPetitionOpinion(input);
  await recordAudit(deps.db, deps.clock, ctx, {
    action: 'petition.print_opinion',
    targetType: 'petition',
    targetId: p.id,
    regionPath: p.regionPath,
    detail: { code: p.code, stage },
  });
  return { pdf, filename: `${p.code}-${OPINION_FILES[stage]}.pdf` };
}
