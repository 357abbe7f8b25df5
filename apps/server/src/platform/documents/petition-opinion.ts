import {
  DOCUMENT_GENDER_LABELS,
  formatChineseDate,
  formatDocumentNumber,
  PETITION_DOCUMENT_CHANNEL_LABELS,
  PETITION_OPINION_TITLES,
  type PetitionOpinionDocument,
  type Petitioner,
} from '@gewu/domain';
import type { DocumentBlock, DocumentSpec } from './render.ts';

/*
 * The written opinion on a petition (信访工作条例 2022): the 处理意见书 that answers it, or the
 * 复查意见书 that answers a 复查 request. The petitioner; how and when the petition came in and
 * when it was accepted; the matter; the facts found; the opinion and its basis; the petitioner's
 * right to ask the next higher body for 复查 (or 复核) within 30 days of receiving it; the issuing
 * body's seal over the date.
 */

function petitionerItems(p: Petitioner): string[] {
  const items = [`信访人：${p.name}`];
  if (p.gender) items.push(`性别：${DOCUMENT_GENDER_LABELS[p.gender]}`);
  if (p.ethnicity) items.push(`民族：${p.ethnicity}`);
  if (p.birthDate) items.push(`出生日期：${formatChineseDate(p.birthDate)}`);
  if (p.phone) items.push(`联系电话：${p.phone}`);
  if (p.address) items.push(`住址：${p.address}`);
  return items;
}

/** The sentence stating the right to the next review: 复查 after a 处理意见, 复核 after a 复查意见. */
export function petitionReviewRight(doc: Pick<PetitionOpinionDocument, 'stage' | 'reviewBody'>): string {
  return doc.stage === 'handling'
    ? `信访人对本处理意见不服的，可以自收到本意见书之日起30日内，向${doc.reviewBody}请求复查。`
    : `信访人对本复查意见不服的，可以自收到本意见书之日起30日内，向${doc.reviewBody}请求复核。`;
}

function intake(doc: PetitionOpinionDocument): string {
  const names = doc.petitioners.map((p) => p.name).join('、');
  const received = formatChineseDate(doc.receivedOn);
  const accepted = doc.acceptedOn ? `本机关于${formatChineseDate(doc.acceptedOn)}依法受理。` : '';
  return doc.stage === 'handling'
    ? `${names}于${received}以${PETITION_DOCUMENT_CHANNEL_LABELS[doc.channel]}方式向本机关提出信访事项。${accepted}`
    : `${names}不服信访事项处理意见，于${received}以${PETITION_DOCUMENT_CHANNEL_LABELS[doc.channel]}方式向本机关请求复查。${accepted}`;
}

export function petitionOpinionSpec(doc: PetitionOpinionDocument): DocumentSpec {
  const opinion = doc.stage === 'handling' ? '处理意见：' : '复查意见：';
  const blocks: DocumentBlock[] = [
    ...doc.petitioners.map((p): DocumentBlock => ({ kind: 'fields', items: petitionerItems(p) })),
    { kind: 'gap', lines: 1 },
    { kind: 'paragraph', text: intake(doc) },
    { kind: 'heading', text: '信访事项：' },
    { kind: 'paragraph', text: doc.matter },
    { kind: 'heading', text: '经调查核实：' },
    { kind: 'paragraph', text: doc.facts },
    { kind: 'heading', text: opinion },
    { kind: 'paragraph', text: doc.opinion },
    { kind: 'heading', text: '处理依据：' },
    { kind: 'paragraph', text: doc.basis },
    { kind: 'paragraph', text: petitionReviewRight(doc) },
  ];
  return {
    title: PETITION_OPINION_TITLES[doc.stage],
    number: formatDocumentNumber(doc.number),
    blocks,
    seal: { body: doc.body, date: formatChineseDate(doc.date) },
  };
}
