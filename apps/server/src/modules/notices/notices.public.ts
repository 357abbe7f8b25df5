import { NOTICE_CATEGORIES, NOTICE_CATEGORY_NAMES, type PublicNotice } from '@gewu/domain';
import qrcode from 'qrcode-generator';

/*
 * The public page of a village/community (村(居)务公开栏, no login): plain server-rendered HTML with its
 * few styles inline and no script at all, so a phone on a weak signal shows it at once (a few KB). It
 * carries the current version of each published notice, its earlier versions (更正记录) and the answered
 * questions (质询) — no asker, no staff name, nothing but what was published.
 */

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A date-time in Beijing time, to the minute (the page is for the village, not the browser's zone). */
const beijing = (isoTime: string) =>
  new Date(Date.parse(isoTime) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const STYLE = `body{font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5;color:#222}
header{background:#b71c1c;color:#fff;padding:16px}h1{font-size:20px;margin:0}header p{margin:4px 0 0;font-size:13px;opacity:.9}
main{max-width:760px;margin:0 auto;padding:8px 12px 32px}h2{font-size:17px;margin:20px 0 8px;border-left:4px solid #b71c1c;padding-left:8px}
article{background:#fff;border-radius:8px;padding:12px 14px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
h3{font-size:16px;margin:0 0 4px}.meta{color:#666;font-size:13px}.body{white-space:pre-wrap;margin:8px 0}
details{font-size:14px;margin-top:8px}summary{color:#1565c0;cursor:pointer}.old{border-left:2px solid #ddd;padding-left:8px;margin:6px 0}
.qa{background:#fafafa;border-radius:6px;padding:8px;margin:6px 0;font-size:14px}.empty{color:#888}
footer{text-align:center;color:#888;font-size:12px;padding:16px}`;

function noticeHtml(n: PublicNotice): string {
  const period = n.periodFrom && n.periodTo ? ` · 公开期间 ${n.periodFrom} 至 ${n.periodTo}` : '';
  const older = n.history.filter((v) => v.version !== n.version);
  const history = older.length
    ? `<details><summary>更正记录（共 ${n.history.length} 版）</summary>${n.history
        .map(
          (v) =>
            `<div class="old"><b>第 ${v.version} 版</b> ${v.publishedAt ? esc(beijing(v.publishedAt)) : ''}${v.state === 'superseded' ? '（已更正）' : '（现行）'}${v.reason ? ` · 更正原因：${esc(v.reason)}` : ''}<div><b>${esc(v.title)}</b></div><div class="body">${esc(v.body)}</div></div>`,
        )
        .join('')}</details>`
    : '';
  const qa = n.inquiries.length
    ? `<details open><summary>村民质询与答复（${n.inquiries.length}）</summary>${n.inquiries
        .map(
          (q) =>
            `<div class="qa"><div>问（居民，${esc(beijing(q.askedAt).slice(0, 10))}）：${esc(q.question)}</div><div>答（${esc(beijing(q.answeredAt).slice(0, 10))}）：${esc(q.answer)}</div></div>`,
        )
        .join('')}</details>`
    : '';
  return `<article><h3>${esc(n.title)}</h3><div class="meta">第 ${n.version} 版 · 发布于 ${esc(beijing(n.publishedAt))}${period}${n.attachmentCount ? ` · 附件 ${n.attachmentCount} 张（登录后查看）` : ''}</div><div class="body">${esc(n.body)}</div>${history}${qa}</article>`;
}

/** The whole page of one village/community. */
export function publicNoticesPage(regionName: string, notices: PublicNotice[]): string {
  const sections = NOTICE_CATEGORIES.map((c) => {
    const items = notices.filter((n) => n.category === c);
    return `<h2>${NOTICE_CATEGORY_NAMES[c]}公开</h2>${items.length ? items.map(noticeHtml).join('') : '<p class="empty">暂无公开内容</p>'}`;
  }).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(regionName)} 村（居）务公开</title><style>${STYLE}</style></head><body><header><h1>${esc(regionName)} 村（居）务公开</h1><p>依据《村民委员会组织法》第三十条公开；如有疑问，可登录后提出质询。</p></header><main>${sections}</main><footer>格物 · 基层治理平台</footer></body></html>`;
}

/** The QR code of the public page's address, as an SVG to print (error correction M: survives a smudge). */
export function publicPageQrSvg(url: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(url);
  qr.make();
  return qr.createSvgTag({ cellSize: 8, margin: 4, scalable: true });
}
