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
 * The written opinion on a petition (信访工作条例 2022): the 处理意见书 that answers it, the 复查意见书
 * that answers a 复查 request, or the 复核意见书 that answers a 复核 request and ends the matter. The
 * petitioner; how and when the petition (or the request) came in and when it was accepted; the matter;
 * the facts found; the opinion and its basis; the petitioner's right to ask the next higher body for
 * 复查 (or 复核) within 30 days of receiving it, or after a 复核 that the matter is closed; the issuing
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

/**
 * The closing sentence: the right to 复查 after a 处理意见, to 复核 after a 复查意见; after a 复核 none —
 * a petition on the same facts and reasons is not accepted again (信访工作条例 art. 35).
 */
export function petitionReviewRight(doc: Pick<PetitionOpinionDocument, 'stage' | 'reviewBody'>): string {
  switch (doc.stage) {
    case 'handling':
      return `信访人对本处理意见不服的，可以自收到本意见书之日起30日内，向${doc.reviewBody}请求复查。`;
    case 'review':
      return `信访人对本复查意见不服的，可以自收到本意见书之日起30日内，向${doc.reviewBody}请求复核。`;
    case 'reexamination':
      return '本复核意见为该信访事项的最终处理意见。信访人对本复核意见不服，仍然以同一事实和理由提出投诉请求的，各级机关、单位不再受理。';
  }
}

/** How the matter came to the issuing body: the petition, or the request for 复查 / 复核. */
function intake(doc: PetitionOpinionDocument): string {
  const names = doc.petitioners.map((p) => p.name).join('、');
  const on = `于${formatChineseDate(doc.receivedOn)}以${PETITION_DOCUMENT_CHANNEL_LABELS[doc.channel]}方式向本机关`;
  const accepted = doc.acceptedOn ? `本机关于${formatChineseDate(doc.acceptedOn)}依法受理。` : '';
  switch (doc.stage) {
    case 'handling':
      return `${names}${on}提出信访事项。${accepted}`;
    case 'review':
      return `${names}不服信访事项处理意见，${on}请求复查。${accepted}`;
    case 'reexamination':
      return `${names}不服信访事项复查意见，${on}请求复核。${accepted}`;
  }
}

const OPINION_HEADINGS = { handling: '处理意见：', review: '复查意见：', reexamination: '复核意见：' } as const;

export function petitionOpinionSpec(doc: PetitionOpinionDocument): DocumentSpec {
  const opinion = OPINION_HEADINGS[doc.stage];
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
