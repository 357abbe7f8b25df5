import { formatChineseDate } from '@gewu/domain';
import type { DocumentBlock, DocumentSpec } from './render.ts';

/*
 * 来访登记回执: what the visitor takes home from the centre's window — the receipt number, the day,
 * the visitor masked (the receipt may be lost or shown around), where the visit went, and how to
 * follow it. It never prints the phone number: the receipt number and the phone's last four digits
 * together open the progress page, so the paper alone must not.
 */

export const RECEPTION_RECEIPT_TITLE = '来访登记回执';

export interface ReceptionReceiptDocument {
  /** As printed: 1234-5678-9012. */
  receiptNumber: string;
  /** YYYY-MM-DD (China time). */
  visitedOn: string;
  centreName: string;
  /** 张*; null for an anonymous visitor. */
  visitorMasked: string | null;
  idMasked: string | null;
  headcount: number;
  categoryLabel: string;
  trackLabel: string;
  /** The record's code (a case's or dispute's number), if the track opened one. */
  recordCode: string | null;
  /** What was settled at the window: the advice given, or the body referred to. */
  outcome: string | null;
  /** Where the progress page is (the phone page's address), or null when there is nothing to follow. */
  trackUrl: string | null;
}

export function receptionReceiptSpec(doc: ReceptionReceiptDocument): DocumentSpec {
  const visitor = doc.visitorMasked
    ? [`来访人：${doc.visitorMasked}`, ...(doc.idMasked ? [`身份证号：${doc.idMasked}`] : [])]
    : ['来访人：匿名'];
  const blocks: DocumentBlock[] = [
    { kind: 'fields', items: [...visitor, `来访人数：${doc.headcount}人`] },
    { kind: 'fields', items: [`来访日期：${formatChineseDate(doc.visitedOn)}`, `来访事由：${doc.categoryLabel}`] },
    { kind: 'gap', lines: 1 },
    { kind: 'heading', text: '办理去向：' },
    {
      kind: 'paragraph',
      text: `已分流至「${doc.trackLabel}」${doc.recordCode ? `，受理编号 ${doc.recordCode}` : ''}。`,
    },
  ];
  if (doc.outcome) blocks.push({ kind: 'paragraph', text: doc.outcome });
  blocks.push({ kind: 'heading', text: '查询办理进度：' });
  blocks.push({
    kind: 'paragraph',
    text: doc.trackUrl
      ? `请用手机浏览器打开 ${doc.trackUrl}，输入本回执编号和您登记的手机号后四位，即可随时查询办理进度，无需登录。` +
        '为保护您的个人信息，本回执不显示手机号码，请妥善保管本回执。'
      : '本次来访已当场办结，无需查询进度。',
  });
  return {
    title: RECEPTION_RECEIPT_TITLE,
    number: `回执编号：${doc.receiptNumber}`,
    blocks,
    seal: { body: doc.centreName, date: formatChineseDate(doc.visitedOn) },
  };
}
