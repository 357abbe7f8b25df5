import PDFDocument from 'pdfkit';
import { fontData, hasGlyph } from './fonts.ts';

/*
 * A small renderer of official-style Chinese documents (公文式文书) to PDF, after GB/T 9704-2012
 * (党政机关公文格式): A4; 版心 156 × 225 mm with the top margin 37 mm and the left 28 mm; the title
 * in 2号 (22 pt) bold, centred; the body in 3号 (16 pt), 22 lines a page; paragraphs indented two
 * characters; the issuing body's name centred over the date, the date four characters from the
 * right edge. The standard's 仿宋/小标宋 are commercial fonts: Noto Serif SC (宋体) stands in.
 *
 * A document is a list of blocks; the closing (signatures, seal and date) is kept on one page, and
 * when it does not fit below the text it goes to the next page, headed （此页无正文） as is usual.
 * Every page is numbered 第N页 共M页, so a page of a signed agreement cannot be swapped unnoticed.
 *
 * The text of a document is personal data of its parties: nothing here logs, and an error names
 * no field value.
 */

export type DocumentBlock =
  /** A bold label on its own line: 纠纷主要事实、争议事项： */
  | { kind: 'heading'; text: string }
  /** Body text; its first line indented two characters (unless `indent` is false); each line break starts a new paragraph. */
  | { kind: 'paragraph'; text: string; indent?: boolean }
  /** A party block: items such as 性别：男 placed side by side, an item never split across lines unless it is longer than one. */
  | { kind: 'fields'; items: readonly string[] }
  /** Empty lines. */
  | { kind: 'gap'; lines: number };

/** A column of the signature area: its heading and a line to sign on for each signer, the signer's name printed before it. */
export interface SignatureGroup {
  heading: string;
  signers: readonly string[];
}

export interface DocumentSpec {
  /** The title, centred, also the PDF's title (so it must name no person). */
  title: string;
  /** The document number line (〔2026〕格调字第1号), right-aligned under the title. */
  number?: string;
  blocks: readonly DocumentBlock[];
  /** Signature rows, each of one or two columns. */
  signatures?: readonly (readonly SignatureGroup[])[];
  /** The issuing body (its seal goes over this) and the date, as printed. */
  seal?: { body: string; date: string };
}

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const BODY_SIZE = 16; // 3号
const TITLE_SIZE = 22; // 2号
const FOOTER_SIZE = 14; // 4号
/** 22 lines in the 225 mm 版心. */
const PITCH = (225 * MM) / 22;
const EM = BODY_SIZE;
/** Room above a signing rule: half a line more than the text's line, for a signature or a fingerprint (按指印). */
const SLOT_SPACE = PITCH / 2;

type Doc = PDFKit.PDFDocument;

class Writer {
  readonly doc: Doc;
  readonly left = MARGINS.left;
  readonly width = PAGE.width - MARGINS.left - MARGINS.right;

  constructor(doc: Doc) {
    this.doc = doc;
  }

  private use(weight: 'regular' | 'bold', size: number) {
    this.doc.font(weight).fontSize(size);
    return PITCH - this.doc.currentLineHeight();
  }

  /** Room left on this page below the cursor. */
  get room(): number {
    return this.doc.page.maxY() - this.doc.y;
  }

  title(text: string) {
    const lineGap = this.use('bold', TITLE_SIZE);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, align: 'center', lineGap });
  }

  number(text: string) {
    const lineGap = this.use('regular', BODY_SIZE);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, align: 'right', lineGap });
  }

  heading(text: string) {
    const lineGap = this.use('bold', BODY_SIZE);
    this.doc.text(oneLine(text), this.left, this.doc.y, { width: this.width, lineGap });
  }

  paragraph(text: string, indent: boolean) {
    const lineGap = this.use('regular', BODY_SIZE);
    for (const para of paragraphsOf(text)) {
      this.doc.text(para, this.left, this.doc.y, { width: this.width, indent: indent ? 2 * EM : 0, lineGap });
    }
  }

  fields(items: readonly string[]) {
    const lineGap = this.use('regular', BODY_SIZE);
    const sep = '\u3000\u3000';
    let line = '';
    const flush = () => {
      if (line) this.doc.text(line, this.left, this.doc.y, { width: this.width, lineGap });
      line = '';
    };
    for (const raw of items) {
      const item = oneLine(raw);
      if (!item) continue;
      const candidate = line ? line + sep + item : item;
      if (this.doc.widthOfString(candidate) <= this.width) {
        line = candidate;
      } else {
        flush();
        line = item;
        // An item longer than a line (an address) wraps on its own.
        if (this.doc.widthOfString(item) > this.width) flush();
      }
    }
    flush();
  }

  gap(lines: number) {
    this.use('regular', BODY_SIZE);
    const h = lines * PITCH;
    if (this.room < h) this.doc.addPage();
    else this.doc.y += h;
  }

  /** The height the closing needs: the signature rows and the seal. */
  closingHeight(spec: DocumentSpec): number {
    let h = 0;
    for (const row of signatureRows(spec)) {
      h += this.rowHeadHeight(row);
      for (let k = 0; k < slotsOf(row); k++) h += this.slotHeight(row, k);
    }
    if (spec.seal) h += this.sealHeight(spec.seal);
    return h;
  }

  /**
   * Signatures, then the seal and date: kept on one page — this one when they fit below the text,
   * else the next, headed （此页无正文）. A closing taller than a page (many parties) runs on over
   * pages one signing line at a time, the last signing line kept with the seal.
   */
  closing(spec: DocumentSpec) {
    const height = this.closingHeight(spec);
    if (height > this.room && height <= this.pageRoom - PITCH) {
      this.doc.addPage();
      this.paragraph('（此页无正文）', true);
    }
    const rows = signatureRows(spec);
    const sealHeight = spec.seal ? this.sealHeight(spec.seal) : 0;
    rows.forEach((row, r) => {
      const head = this.rowHeadHeight(row);
      if (this.room < head + this.slotHeight(row, 0)) this.doc.addPage();
      const start = this.doc.y;
      const lineGap = this.use('regular', BODY_SIZE);
      row.forEach((g, i) => {
        this.doc.text(oneLine(g.heading), this.columnX(i), start + PITCH, { width: this.columnWidth, lineGap });
      });
      this.doc.y = start + head;
      const slots = slotsOf(row);
      for (let k = 0; k < slots; k++) {
        const last = r === rows.length - 1 && k === slots - 1;
        const height = this.slotHeight(row, k);
        if (this.room < height + (last ? sealHeight : 0)) this.doc.addPage();
        const y = this.doc.y;
        row.forEach((g, i) => {
          const signer = g.signers[k];
          if (signer !== undefined) this.signingLine(signer, this.columnX(i), y + SLOT_SPACE);
        });
        this.doc.y = y + height;
      }
    });
    if (spec.seal) {
      if (this.room < sealHeight) this.doc.addPage();
      this.seal(spec.seal);
    }
  }

  /** The text block's height on a page. */
  private get pageRoom(): number {
    return this.doc.page.maxY() - this.doc.page.margins.top;
  }

  private get columnWidth() {
    return this.width / 2 - EM;
  }

  private columnX(i: number) {
    return this.left + (i * this.width) / 2;
  }

  /** A blank line, then the tallest heading of a row of signature columns. */
  private rowHeadHeight(row: readonly SignatureGroup[]): number {
    this.use('regular', BODY_SIZE);
    const lines = row.map((g) =>
      Math.round(
        this.doc.heightOfString(oneLine(g.heading), { width: this.columnWidth }) / this.doc.currentLineHeight(),
      ),
    );
    return (1 + Math.max(1, ...lines)) * PITCH;
  }

  /** The lines a signer's name takes: none when it leaves room for a rule after it, else as many as it wraps to. */
  private nameLines(name: string): number {
    this.use('regular', BODY_SIZE);
    if (this.doc.widthOfString(name) <= this.columnWidth / 2) return 0;
    return Math.max(
      1,
      Math.round(this.doc.heightOfString(name, { width: this.columnWidth - EM }) / this.doc.currentLineHeight()),
    );
  }

  /** Room to sign above the rule, then the name and its rule (a long name: the name, then the rule on a line of its own). */
  private slotHeight(row: readonly SignatureGroup[], k: number): number {
    const lines = row.map((g) => (g.signers[k] === undefined ? 0 : this.nameLines(oneLine(g.signers[k]!))));
    return SLOT_SPACE + (1 + Math.max(...lines)) * PITCH;
  }

  /** The signer's name, and a rule after it (or under it, for a long name) to sign on. */
  private signingLine(signer: string, x: number, y: number) {
    const lineGap = this.use('regular', BODY_SIZE);
    const name = oneLine(signer);
    const end = x + this.columnWidth;
    let start: number;
    let baseline: number;
    if (this.nameLines(name) === 0) {
      this.doc.text(name, x + EM, y, { width: this.columnWidth - EM, lineBreak: false, lineGap });
      start = x + EM + this.doc.widthOfString(name) + EM / 2;
      baseline = y + BODY_SIZE * 1.2;
    } else {
      this.doc.text(name, x + EM, y, { width: this.columnWidth - EM, lineGap });
      start = x + EM;
      baseline = this.doc.y + BODY_SIZE * 1.2;
    }
    this.doc.moveTo(start, baseline).lineTo(end, baseline).lineWidth(0.6).stroke();
  }

  private sealHeight(seal: { body: string; date: string }): number {
    this.use('regular', BODY_SIZE);
    const bodyLines = Math.ceil(this.doc.widthOfString(oneLine(seal.body)) / this.width) || 1;
    return 2 * PITCH + bodyLines * PITCH + PITCH;
  }

  /** GB/T 9704-2012 7.3.5.1: the date four characters from the right; the body's name centred above it. */
  private seal(seal: { body: string; date: string }) {
    const lineGap = this.use('regular', BODY_SIZE);
    const date = oneLine(seal.date);
    const body = oneLine(seal.body);
    const dateWidth = this.doc.widthOfString(date);
    const bodyWidth = this.doc.widthOfString(body);
    const right = this.left + this.width;
    const dateX = right - 4 * EM - dateWidth;
    const centre = dateX + dateWidth / 2;
    // Centred over the date, but kept inside the text block (two characters from the right at most).
    const bodyX = Math.max(this.left, Math.min(centre - bodyWidth / 2, right - 2 * EM - bodyWidth));
    this.doc.y += 2 * PITCH;
    this.doc.text(body, bodyX, this.doc.y, { width: right - bodyX, lineGap });
    this.doc.text(date, dateX, this.doc.y, { width: right - dateX, lineBreak: false, lineGap });
    this.doc.y += PITCH;
  }

  /** 第N页 共M页 at the foot of every page. */
  pageNumbers() {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
      this.doc.font('regular').fontSize(FOOTER_SIZE);
      this.doc.text(`第${i + 1}页 共${range.count}页`, this.left, PAGE.height - MARGINS.bottom + 7 * MM, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      this.doc.page.margins.bottom = bottom;
    }
  }
}

function signatureRows(spec: DocumentSpec): (readonly SignatureGroup[])[] {
  return (spec.signatures ?? []).filter((r) => r.length > 0);
}

function slotsOf(row: readonly SignatureGroup[]): number {
  return Math.max(...row.map((g) => g.signers.length));
}

/**
 * Field values and labels stay on one logical line: line breaks and tabs become spaces. Ideographic
 * spaces (U+3000) are kept: they lay out blanks such as the hand-written date's 年 月 日.
 */
function oneLine(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').replace(/^ +| +$/g, '');
}

/** Body text: one paragraph per non-empty line. */
function paragraphsOf(s: string): string[] {
  return s
    .replace(/\t/g, ' ')
    .split(/\r?\n|\r/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Every piece of text a document prints. */
function textsOf(spec: DocumentSpec): string[] {
  const texts = [spec.title, spec.number ?? ''];
  for (const b of spec.blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph') texts.push(b.text);
    else if (b.kind === 'fields') texts.push(...b.items);
  }
  for (const g of (spec.signatures ?? []).flat()) texts.push(g.heading, ...g.signers);
  if (spec.seal) texts.push(spec.seal.body, spec.seal.date);
  return texts;
}

/**
 * The characters of a document the typeface cannot draw (a rare name character outside CJK
 * Extension A, an emoji), each once: they would print as empty boxes. A caller shows them so the
 * person printing can write them in by hand, or correct the record.
 */
export function unsupportedCharacters(spec: DocumentSpec): string[] {
  const missing = new Set<string>();
  for (const t of textsOf(spec)) {
    for (const ch of t) {
      if (/\s/u.test(ch)) continue;
      if (!hasGlyph(ch.codePointAt(0)!)) missing.add(ch);
    }
  }
  return [...missing];
}

/** Renders a document to a PDF (A4, fonts embedded as subsets). */
export function renderDocument(spec: DocumentSpec): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      bufferPages: true,
      autoFirstPage: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: { Title: spec.title, Creator: '格物 Gewu', Producer: '格物 Gewu (PDFKit)' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.registerFont('regular', fontData('regular'));
      doc.registerFont('bold', fontData('bold'));
      const w = new Writer(doc);
      w.title(spec.title);
      if (spec.number) w.number(spec.number);
      w.gap(1);
      for (const b of spec.blocks) {
        if (b.kind === 'heading') w.heading(b.text);
        else if (b.kind === 'paragraph') w.paragraph(b.text, b.indent ?? true);
        else if (b.kind === 'fields') w.fields(b.items);
        else w.gap(b.lines);
      }
      w.closing(spec);
      w.pageNumbers();
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}
