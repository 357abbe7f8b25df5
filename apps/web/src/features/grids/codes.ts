import type { GridView } from '@gewu/domain';

/**
 * The next free 3-digit sequence under `parentCode` (a village's 12-digit code for unit grids, a
 * unit grid's 15-digit code for micro-grids), after the highest one in use.
 */
export function nextSeq(grids: readonly Pick<GridView, 'code'>[], parentCode: string): string {
  let max = 0;
  for (const g of grids) {
    if (g.code.length !== parentCode.length + 3 || !g.code.startsWith(parentCode)) continue;
    max = Math.max(max, Number(g.code.slice(parentCode.length)));
  }
  return String(Math.min(max + 1, 999)).padStart(3, '0');
}

/** A default name in the style of the demo data: 明德社区第5网格, 明德社区第1网格微网格3. */
export function suggestName(parentName: string, seq: string, micro: boolean): string {
  return micro ? `${parentName}微网格${Number(seq)}` : `${parentName}第${Number(seq)}网格`;
}
