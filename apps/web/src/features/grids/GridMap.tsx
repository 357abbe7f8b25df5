import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { Map as LeafletMap, PathOptions, Polygon } from 'leaflet';
import type { GridView } from '@gewu/domain';
import type { Boundary } from './api.ts';
import L from './geoman.ts';
import { boundaryToPolygon, boundsOf, createMap } from './mapSetup.ts';
import { gridStyle } from './style.ts';
import { useDrawTool, useEditTool } from './useMapTools.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useMapBackdrop } from '../../components/map/useMapBackdrop.ts';
import './map.css';

export interface Highlight {
  key: string;
  geometry: Boundary;
  style: PathOptions;
}

export type MapTool =
  | { kind: 'none' }
  | { kind: 'draw'; onDrawn: (b: Boundary) => void }
  | { kind: 'edit'; gridId: string; onChange: (b: Boundary) => void };

interface Props {
  grids: readonly GridView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  highlights: readonly Highlight[];
  /** When `key` changes the map zooms to these boundaries. */
  focus: { key: string; boundaries: readonly (Boundary | null)[] };
  tool: MapTool;
}

/** The grid map: polygons coloured by kind, micro-grids on top, problem highlights above all. */
export function GridMap({ grids, selectedId, onSelect, highlights, focus, tool }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<LeafletMap | null>(null);
  const user = useCurrentUser();
  // Clicks select a grid only while no drawing tool is active.
  const onGridClick = useEffectEvent((id: string) => {
    if (tool.kind === 'none') onSelect(id);
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = createMap(container);
    // Drawing and editing (geoman) belong to this editor only; other maps load plain Leaflet.
    created.pm.setLang('zh');
    created.pm.setGlobalOptions({ allowSelfIntersection: true, snappable: true, snapDistance: 8 });
    setMap(created);
    const resize = new ResizeObserver(() => created.invalidateSize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      created.remove();
      setMap(null);
    };
  }, []);

  // One polygon per grid with a boundary; unit grids first so the smaller micro-grids stay clickable above them.
  const layers = useMemo(() => {
    const byId = new Map<string, Polygon>();
    const ordered = [...grids].sort((a, b) => Number(a.kind === 'micro') - Number(b.kind === 'micro'));
    for (const grid of ordered) {
      if (!grid.boundary) continue;
      const layer = boundaryToPolygon(grid.boundary, gridStyle(grid.kind, false));
      layer.bindTooltip(`${grid.name}（${grid.code}）`, { sticky: true });
      byId.set(grid.id, layer);
    }
    return byId;
  }, [grids]);

  useEffect(() => {
    if (!map) return;
    const group = L.featureGroup([...layers.values()]).addTo(map);
    for (const [id, layer] of layers) layer.on('click', () => onGridClick(id));
    return () => {
      group.remove();
      for (const layer of layers.values()) layer.off('click');
    };
  }, [map, layers]);

  useEffect(() => {
    for (const grid of grids) {
      const layer = layers.get(grid.id);
      if (!layer) continue;
      layer.setStyle(gridStyle(grid.kind, grid.id === selectedId));
      if (grid.id === selectedId) layer.bringToFront();
    }
  }, [layers, grids, selectedId]);

  useEffect(() => {
    if (!map) return;
    const group = L.featureGroup(
      highlights.map((h) =>
        boundaryToPolygon(h.geometry, { ...h.style, interactive: false, pmIgnore: true, snapIgnore: true }),
      ),
    ).addTo(map);
    return () => {
      group.remove();
    };
  }, [map, highlights]);

  const fitToFocus = useEffectEvent((target: LeafletMap) => {
    const bounds = boundsOf(focus.boundaries);
    // Room at the top for the drawing bar.
    if (bounds)
      target.fitBounds(bounds, { paddingTopLeft: [48, 72], paddingBottomRight: [48, 48], maxZoom: 18, animate: false });
  });
  useEffect(() => {
    if (map) fitToFocus(map);
  }, [map, focus.key]);

  // Under the grids (drawn here, clickable): the base layer, the region outlines and key places; the
  // map opens on the user's region unless the page already has grids to show.
  useMapBackdrop(map, user, { grids: false, keepView: focus.boundaries.some(Boolean) });

  useDrawTool(map, tool.kind === 'draw' ? tool.onDrawn : null);
  useEditTool(
    tool.kind === 'edit' ? (layers.get(tool.gridId) ?? null) : null,
    tool.kind === 'edit' ? tool.onChange : null,
  );

  return (
    <div
      ref={containerRef}
      data-testid="grid-map"
      style={{
        position: 'absolute',
        inset: 0,
        background: '#f4f3ee',
        cursor: tool.kind === 'draw' ? 'crosshair' : undefined,
      }}
    />
  );
}
