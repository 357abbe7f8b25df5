import {
  type Agreement,
  type DocumentParty,
  type MediationAgreementDocumentInput,
  chineseCount,
  formatChineseDate,
  localDateOf,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { renderMediationAgreement } from '../../platform/documents/index.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { userName } from '../users/users.repository.ts';
import { loadDispute, relationsOf } from './disputes.access.ts';
import { agreementNotYet, printNotAllowed } from './disputes.errors.ts';
import { mayPrintAgreement } from './disputes.policy.ts';
import { agreementSerial } from './disputes.read.repository.ts';
import { type PartyRow, partiesOf } from './disputes.repository.ts';
import { findOrganisation } from './mediation.repository.ts';

export type DisputeDocumentDeps = { db: Db; clock: Clock; pii: PiiCipher };

/*
 * The 人民调解协议书 of a dispute, printed from what the dispute recorded: the agreement (its parties,
 * facts, terms with their dates, the day it took effect), the parties' particulars, the organisation
 * that mediated and the mediator holding it. The party model keeps no gender, ethnicity, age or
 * occupation: those lines of the standard layout are left out (the document prints only what it has).
 */

/**
 * A party row as the document lists it. Persons: the party itself, a guardian (法定代理人) or an
 * agent (委托代理人); an organisation's legal representative is not a block of its own but a line
 * of the organisation's (see `documentParties`).
 */
function documentParty(p: PartyRow, pii: PiiCipher): DocumentParty {
  const phone = p.phoneEnc ? pii.decrypt(p.phoneEnc) : undefined;
  const address = p.address ?? undefined;
  if (p.kind === 'organisation') {
    const name = p.orgName ?? p.nameMasked;
    // An organisation acting for a party (a law firm as 委托代理人) signs as the agent it is.
    if (p.role === 'agent' || p.role === 'guardian')
      return { kind: 'person', side: p.side, role: p.role, name, phone, address };
    return { kind: 'organisation', side: p.side, name, phone, address };
  }
  const name = p.nameEnc ? pii.decrypt(p.nameEnc) : p.nameMasked;
  // A person's legal representative is their 法定代理人 (a guardian) in the document's words.
  const role = p.role === 'legal_representative' ? 'guardian' : p.role;
  return { kind: 'person', side: p.side, role, name, phone, address };
}

/**
 * The document's parties: those who signed the agreement, with the guardians, agents and legal
 * representatives on their sides, each side's parties themselves first. A person entered as an
 * organisation's legal representative becomes the 法定代表人 line of the first organisation on their
 * side that has none yet.
 */
export function documentParties(rows: readonly PartyRow[], agreement: Agreement, pii: PiiCipher): DocumentParty[] {
  const signed = new Set(agreement.partyIds);
  const sides = new Set(rows.filter((p) => signed.has(p.id)).map((p) => p.side));
  const listed = rows
    .filter((p) => signed.has(p.id) || (p.role !== 'principal' && sides.has(p.side)))
    .sort((p, q) => Number(p.role !== 'principal') - Number(q.role !== 'principal'));
  const out: DocumentParty[] = [];
  const representatives: PartyRow[] = [];
  for (const p of listed) {
    const takesOrganisation =
      p.kind === 'person' &&
      p.role === 'legal_representative' &&
      listed.some((q) => q.kind === 'organisation' && q.role === 'principal' && q.side === p.side);
    if (takesOrganisation) representatives.push(p);
    else out.push(documentParty(p, pii));
  }
  for (const r of representatives) {
    const org = out.find(
      (d): d is Extract<DocumentParty, { kind: 'organisation' }> =>
        d.kind === 'organisation' && d.side === r.side && !d.legalRepresentative,
    );
    const name = r.nameEnc ? pii.decrypt(r.nameEnc) : r.nameMasked;
    if (org) org.legalRepresentative = name;
    else out.push({ ...documentParty(r, pii), kind: 'person', role: 'agent' } as DocumentParty);
  }
  return out;
}

/** 履行方式、时限: each dated term by its date, the others from the day the agreement takes effect. */
export function performanceText(terms: Agreement['terms']): string {
  const dated = terms.flatMap((t, i) =>
    t.dueDate ? [`第${chineseCount(i + 1)}项于${formatChineseDate(t.dueDate)}前履行`] : [],
  );
  const rest = terms.length > dated.length ? [`${dated.length ? '其余各项' : '各项'}自本协议生效之日起履行`] : [];
  return `${[...dated, ...rest].join('；')}。`;
}

/** 机关代字 of an organisation: its name's first character and 调 (格物街道人民调解委员会 → 格调). */
export function agencyOf(organisationName: string): string {
  const first = /\p{Script=Han}/u.exec(organisationName)?.[0] ?? '';
  return `${first}调`;
}

/**
 * The 人民调解协议书 of a dispute as a PDF, for those who may print it (the centre, the
 * organisation's mediators, the leaders over its region); 404 outside the actor's scope, 422 before
 * an agreement. Printing shows every party's particulars, so it is audited like a reveal.
 */
export async function agreementPdf(
  deps: DisputeDocumentDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  const actor = requireActor(ctx);
  const d = await loadDispute(deps.db, actor, id);
  if (!mayPrintAgreement(await relationsOf(deps.db, actor, d))) throw printNotAllowed();
  if (!d.agreement || !d.organisationId || !d.agreedAt) throw agreementNotYet();
  const agreement = d.agreement;
  const [rows, organisation, mediator, cal] = await Promise.all([
    partiesOf(deps.db, [d.id]),
    findOrganisation(deps.db, d.organisationId),
    d.mediatorUserId ? userName(deps.db, d.mediatorUserId) : Promise.resolve(null),
    getWorkCalendar(deps),
  ]);
  if (!organisation) throw agreementNotYet();
  const effective = new Date(agreement.effectiveAt);
  const date = localDateOf(effective, cal);
  const year = Number(date.slice(0, 4));
  const input: MediationAgreementDocumentInput = {
    number: {
      year,
      agency: agencyOf(organisation.name),
      serial: await agreementSerial(deps.db, { id: d.id, organisationId: organisation.id, agreedAt: d.agreedAt }, year),
    },
    committee: organisation.name,
    parties: documentParties(rows, agreement, deps.pii),
    facts: agreement.facts,
    terms: agreement.terms.map((t) => ({ text: t.text, dueDate: t.dueDate ?? undefined })),
    performance: performanceText(agreement.terms),
    mediators: [mediator?.name ?? organisation.name],
    date,
  };
  const { pdf } = await renderMediationAgreement(input);
  await recordAudit(deps.db, deps.clock, ctx, {
    action: 'dispute.agreement_print',
    targetType: 'dispute',
    targetId: d.id,
    regionPath: d.regionPath,
    detail: { code: d.code },
  });
  return { pdf, fileName: `人民调解协议书-${d.code}.pdf` };
}
