import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One page's text as PDF.js extracts it: the body (above the bottom margin) and the foot (the page number). */
export interface PageText {
  body: string;
  foot: string;
}

/** Below this height from the page's bottom edge (35 mm is the bottom margin) is the foot. */
const FOOT_TOP = 30 * (72 / 25.4);

/**
 * The text of each page of a PDF, whitespace removed (a line break, or the ideographic spaces
 * between the items of a party block, is not what a test is about). Reads the PDF as any viewer
 * would: through the fonts' ToUnicode maps, so a glyph that maps to the wrong character fails.
 */
export async function pdfPages(pdf: Buffer): Promise<PageText[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let body = '';
      let foot = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number;
        if (y < FOOT_TOP) foot += item.str;
        else body += item.str;
      }
      pages.push({ body: squash(body), foot: squash(foot) });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The whole text of a PDF's pages in order, without the page numbers. */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfPages(pdf)).map((p) => p.body).join('');
}

/** The document's Info dictionary title. */
export async function pdfTitle(pdf: Buffer): Promise<string | undefined> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const { info } = await doc.getMetadata();
    return (info as { Title?: string }).Title;
  } finally {
    await doc.destroy();
  }
}

function squash(s: string): string {
  return s.replace(/\s+/gu, '');
}
