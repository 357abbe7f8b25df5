import type { PathOptions } from 'leaflet';
import type { GridKind } from '@gewu/domain';

/** One colour per grid kind, shared by the map and its legend. */
export const KIND_COLORS: Record<GridKind, string> = {
  urban_community: '#1f6fd1',
  rural: '#2f9e44',
  dedicated: '#d9480f',
  micro: '#7048e8',
};

/** Unit grids are solid; micro-grids dashed so they read as a finer layer inside their grid. */
export function gridStyle(kind: GridKind, selected: boolean): PathOptions {
  return {
    color: selected ? '#f59f00' : KIND_COLORS[kind],
    weight: selected ? 4 : kind === 'micro' ? 1.5 : 2,
    dashArray: kind === 'micro' ? '6 4' : undefined,
    fillColor: KIND_COLORS[kind],
    fillOpacity: selected ? 0.3 : kind === 'micro' ? 0.08 : 0.15,
  };
}

/** Problems found by 网格检查. */
export const CHECK_STYLES = {
  overlap: { color: '#e03131', weight: 2, fillColor: '#e03131', fillOpacity: 0.45 },
  gap: { color: '#f08c00', weight: 2, dashArray: '4 4', fillColor: '#ffd43b', fillOpacity: 0.45 },
  outside: { color: '#e03131', weight: 4, dashArray: '2 6', fill: false },
} satisfies Record<string, PathOptions>;

/** Square metres with thousands separators (what the area columns of 台账 use). */
export function formatArea(m2: number | null): string {
  return m2 === null ? '—' : Math.round(m2).toLocaleString('zh-CN');
}
