/*
 * Category search for the report form (问题类别): residents type what they see — 积水, 树倒了,
 * 下水道堵了, 打架 — or the pinyin initials of it (js → 积水), not the catalogue's official names.
 * One pure function, read by the phone and by anything else that searches the catalogue.
 *
 * The pinyin initials are computed on the server (which has a pinyin dictionary) and shipped with
 * the catalogue as `initials`, so the phone bundle carries no dictionary.
 */

/** What search reads of a catalogue item. */
export interface SearchableItem {
  code: string;
  name: string;
  categoryName?: string;
  keywords: readonly string[];
  /** Pinyin initials of the name, then of each keyword, in the keywords' order (lower case). */
  initials?: readonly string[];
  /** 不确定/其他: offered with every search, last. */
  unclassified?: boolean;
}

/** How well an item matches, best first; 0 is no match. Typed words beat initials, initials beat codes. */
export const SEARCH_RANK = {
  nameExact: 100,
  namePrefix: 90,
  nameContains: 80,
  keywordExact: 70,
  keywordPrefix: 65,
  keywordContains: 60,
  /** The query is a sentence that contains the name ("小区门口路灯不亮了"). */
  queryContainsName: 55,
  /** The query is a sentence that contains a keyword ("门口下水道堵了好几天"). */
  queryContainsKeyword: 50,
  initialsName: 40,
  initialsKeyword: 30,
  code: 20,
  category: 10,
} as const;

/** Lower case, no spaces: what both sides of a comparison are reduced to. */
export function normalizeSearch(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

const LATIN = /^[a-z]+$/;

/** The best rank of one item for a normalized query (0: no match). */
export function matchRank(item: SearchableItem, q: string): number {
  if (!q) return 0;
  const name = normalizeSearch(item.name);
  const keywords = item.keywords.map(normalizeSearch);
  let best = 0;
  const take = (rank: number) => {
    if (rank > best) best = rank;
  };
  if (name === q) take(SEARCH_RANK.nameExact);
  else if (name.startsWith(q)) take(SEARCH_RANK.namePrefix);
  else if (name.includes(q)) take(SEARCH_RANK.nameContains);
  else if (q.includes(name)) take(SEARCH_RANK.queryContainsName);
  for (const k of keywords) {
    if (!k) continue;
    if (k === q) take(SEARCH_RANK.keywordExact);
    else if (k.startsWith(q)) take(SEARCH_RANK.keywordPrefix);
    else if (k.includes(q)) take(SEARCH_RANK.keywordContains);
    else if (q.includes(k)) take(SEARCH_RANK.queryContainsKeyword);
  }
  if (LATIN.test(q) && item.initials) {
    const [ofName, ...ofKeywords] = item.initials;
    if (ofName?.startsWith(q)) take(SEARCH_RANK.initialsName);
    if (ofKeywords.some((k) => k.startsWith(q))) take(SEARCH_RANK.initialsKeyword);
  }
  if (/^\d+$/.test(q) && item.code.startsWith(q)) take(SEARCH_RANK.code);
  if (item.categoryName && normalizeSearch(item.categoryName).includes(q)) take(SEARCH_RANK.category);
  return best;
}

/**
 * The items matching `query`, best match first (then by code). Every search, matching or not, ends
 * with the 不确定/其他 item(s), so a resident who finds nothing can still report. An empty query
 * gives the catalogue as it is.
 */
export function searchItems<T extends SearchableItem>(items: readonly T[], query: string): T[] {
  const q = normalizeSearch(query);
  if (!q) return [...items];
  const ranked = items
    .filter((i) => !i.unclassified)
    .map((item) => ({ item, rank: matchRank(item, q) }))
    .filter((r) => r.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.item.code.localeCompare(b.item.code))
    .map((r) => r.item);
  return [...ranked, ...items.filter((i) => i.unclassified)];
}
