import {
  BLANK_CHINESE_DATE,
  chineseCount,
  DOCUMENT_GENDER_LABELS,
  DOCUMENT_PERSON_ROLE_LABELS,
  DOCUMENT_SIDE_LABELS,
  DOCUMENT_SIDES,
  formatChineseDate,
  formatDocumentNumber,
  isPrincipalParty,
  type DocumentParty,
  type MediationAgreementDocument,
} from '@gewu/domain';
import type { DocumentBlock, DocumentSpec, SignatureGroup } from './render.ts';

/*
 * 人民调解协议书, after the Ministry of Justice's 人民调解文书格式: 编号; the parties (a person: 姓名、
 * 性别、民族、年龄、职业或职务、联系方式、单位或住址; an organisation: 名称、地址、法定代表人姓名、职务);
 * 纠纷主要事实、争议事项; 经调解，自愿达成如下协议; 履行方式、时限; 本协议一式X份，当事人、人民调解委员会
 * 各持一份; the parties' signatures (签名盖章或按指印), the mediators' and the recorder's, and the
 * committee's seal over the date. The sentences on the agreement's effect are the statute's own
 * (人民调解法 arts. 29, 31 and 33).
 */

export const MEDIATION_AGREEMENT_TITLE = '人民调解协议书';

/** 人民调解法 art. 29 (2), art. 31 (1) and art. 33 (1), in the statute's words. */
export const MEDIATION_AGREEMENT_EFFECT =
  '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。' +
  '经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。' +
  '双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。';

/** The parties in the document's order: 甲方, 乙方, 第三人, each side in the order given. */
function bySide(parties: readonly DocumentParty[]): DocumentParty[] {
  return DOCUMENT_SIDES.flatMap((side) => parties.filter((p) => p.side === side));
}

function partyLabel(p: DocumentParty): string {
  const role = p.kind === 'organisation' ? '当事人' : DOCUMENT_PERSON_ROLE_LABELS[p.role];
  return `${role}（${DOCUMENT_SIDE_LABELS[p.side]}）`;
}

function partyItems(p: DocumentParty): string[] {
  const items = [`${partyLabel(p)}：${p.name}`];
  if (p.kind === 'organisation') {
    if (p.address) items.push(`地址：${p.address}`);
    if (p.legalRepresentative) items.push(`法定代表人：${p.legalRepresentative}`);
    if (p.legalRepresentativeTitle) items.push(`职务：${p.legalRepresentativeTitle}`);
    if (p.phone) items.push(`联系方式：${p.phone}`);
    return items;
  }
  if (p.gender) items.push(`性别：${DOCUMENT_GENDER_LABELS[p.gender]}`);
  if (p.ethnicity) items.push(`民族：${p.ethnicity}`);
  if (p.birthDate) items.push(`出生日期：${formatChineseDate(p.birthDate)}`);
  else if (p.age !== undefined) items.push(`年龄：${p.age}岁`);
  if (p.occupation) items.push(`职业或职务：${p.occupation}`);
  if (p.phone) items.push(`联系方式：${p.phone}`);
  if (p.address) items.push(`单位或住址：${p.address}`);
  return items;
}

/** A term, numbered 一、二、…, with its performance date when it has one. */
export function agreementTermText(index: number, text: string, dueDate?: string): string {
  const body = text.trim();
  if (!dueDate) return `${chineseCount(index + 1)}、${body}`;
  const end = /[。；;.]$/.test(body) ? body.slice(-1) : '。';
  const stem = body.replace(/[。；;.，,]+$/, '');
  return `${chineseCount(index + 1)}、${stem}（履行期限：${formatChineseDate(dueDate)}前）${end}`;
}

/** The signer's name as printed before the rule: a guardian or agent says whom they sign for. */
function signerName(p: DocumentParty): string {
  return isPrincipalParty(p)
    ? p.name
    : `${p.name}（${DOCUMENT_PERSON_ROLE_LABELS[p.kind === 'person' ? p.role : 'principal']}）`;
}

export function mediationAgreementSpec(doc: MediationAgreementDocument): DocumentSpec {
  const parties = bySide(doc.parties);
  const principals = parties.filter(isPrincipalParty).length;
  const copies = doc.copies ?? principals + 1;

  const blocks: DocumentBlock[] = [
    ...parties.map((p): DocumentBlock => ({ kind: 'fields', items: partyItems(p) })),
    { kind: 'heading', text: '纠纷主要事实、争议事项：' },
    { kind: 'paragraph', text: doc.facts },
    { kind: 'heading', text: '经调解，自愿达成如下协议：' },
    ...doc.terms.map((t, i): DocumentBlock => ({ kind: 'paragraph', text: agreementTermText(i, t.text, t.dueDate) })),
    { kind: 'heading', text: '履行方式、时限：' },
    { kind: 'paragraph', text: doc.performance },
    { kind: 'paragraph', text: MEDIATION_AGREEMENT_EFFECT },
    { kind: 'paragraph', text: `本协议一式${chineseCount(copies)}份，当事人、人民调解委员会各持一份。` },
  ];

  const sides: SignatureGroup[] = DOCUMENT_SIDES.flatMap((side) => {
    const signers = parties.filter((p) => p.side === side).map(signerName);
    return signers.length ? [{ heading: `${DOCUMENT_SIDE_LABELS[side]}（签名盖章或按指印）`, signers }] : [];
  });
  const staff: SignatureGroup[] = [{ heading: '人民调解员（签名）', signers: doc.mediators }];
  if (doc.recorder) staff.push({ heading: '记录人（签名）', signers: [doc.recorder] });

  return {
    title: MEDIATION_AGREEMENT_TITLE,
    number: `编号：${formatDocumentNumber(doc.number)}`,
    blocks,
    signatures: [...pairs(sides), staff],
    seal: { body: doc.committee, date: doc.date ? formatChineseDate(doc.date) : BLANK_CHINESE_DATE },
  };
}

function pairs<T>(xs: readonly T[]): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < xs.length; i += 2) rows.push(xs.slice(i, i + 2));
  return rows;
}
