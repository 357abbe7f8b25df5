import { pinyin } from 'pinyin-pro';

/*
 * Pinyin initials for the category search (js → 积水). Computed here, where a pinyin dictionary may
 * live, and shipped with the catalogue: the phone's report page has a 300 KB budget and carries none.
 */

const memo = new Map<string, string>();

/** The initials of a text in lower case: 积水 → js, 树倒了 → sdl; latin letters and digits stay as they are. */
export function initialsOf(text: string): string {
  let known = memo.get(text);
  if (known === undefined) {
    known = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .join('')
      .toLowerCase()
      .replace(/\s+/g, '');
    if (memo.size < 20_000) memo.set(text, known);
  }
  return known;
}

/** The item's name's initials, then each keyword's (the order `searchItems` in @gewu/domain reads). */
export function itemInitials(item: { name: string; keywords: readonly string[] }): string[] {
  return [item.name, ...item.keywords].map(initialsOf);
}
