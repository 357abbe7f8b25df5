import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/*
 * The documents' typeface: Noto Serif SC (思源宋体, SIL Open Font License 1.1), a 宋体 face that
 * covers the whole CJK Unified Ideographs block and most of Extension A. It comes with the npm
 * package @expo-google-fonts/noto-serif-sc (Google Fonts' static TrueType instances), so `npm ci`
 * is all a machine needs: nothing is fetched at run time and no system font is looked for.
 * Each PDF embeds only the glyphs it uses (PDFKit subsets the font), so a document stays small.
 *
 * The files are read once, on first use, and kept (about 15 MB each).
 */

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;
export type FontWeight = keyof typeof FONT_FILES;

const buffers = new Map<FontWeight, Buffer>();

/** The font file's bytes. */
export function fontData(weight: FontWeight): Buffer {
  let data = buffers.get(weight);
  if (!data) {
    data = readFileSync(require.resolve(FONT_FILES[weight]));
    buffers.set(weight, data);
  }
  return data;
}

let coverage: Set<number> | undefined;

/** Whether the typeface has a glyph for this code point (both weights cover the same characters). */
export function hasGlyph(codePoint: number): boolean {
  if (!coverage) {
    const font = fontkit.create(fontData('regular')) as fontkit.Font;
    coverage = new Set(font.characterSet);
  }
  return coverage.has(codePoint);
}
