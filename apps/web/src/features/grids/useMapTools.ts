import { useEffect, useEffectEvent } from 'react';
import type { LeafletEvent, Map as LeafletMap, Polygon } from 'leaflet';
import type { Boundary } from './api.ts';
import { boundaryToLatLngs, polygonToBoundary } from './mapSetup.ts';
import { KIND_COLORS } from './style.ts';

/**
 * While `onDrawn` is set: geoman's polygon tool; clicking the first point again finishes. The
 * drawn layer is handed over as GeoJSON and removed (the page shows it as a draft until saved).
 */
export function useDrawTool(map: LeafletMap | null, onDrawn: ((b: Boundary) => void) | null) {
  const drawn = useEffectEvent((b: Boundary) => onDrawn?.(b));
  const active = onDrawn !== null;
  useEffect(() => {
    if (!map || !active) return;
    const onCreate = (e: LeafletEvent & { layer?: Polygon }) => {
      const layer = e.layer;
      if (!layer) return;
      const boundary = polygonToBoundary(layer);
      layer.remove();
      drawn(boundary);
    };
    map.on('pm:create', onCreate);
    map.pm.enableDraw('Polygon', {
      allowSelfIntersection: true,
      templineStyle: { color: KIND_COLORS.dedicated },
      hintlineStyle: { color: KIND_COLORS.dedicated, dashArray: '5 5' },
      pathOptions: { color: KIND_COLORS.dedicated },
      continueDrawing: false,
    });
    return () => {
      map.off('pm:create', onCreate);
      map.pm.disableDraw();
    };
  }, [map, active]);
}

/**
 * While `layer` and `onChange` are set: the grid's vertices can be dragged, added (middle markers)
 * and removed (right-click). Leaving edit mode puts the original shape back; a saved shape
 * arrives from the server as a new layer anyway.
 */
export function useEditTool(layer: Polygon | null, onChange: ((b: Boundary) => void) | null) {
  const changed = useEffectEvent((b: Boundary) => onChange?.(b));
  const active = onChange !== null;
  useEffect(() => {
    if (!layer || !active) return;
    const original = polygonToBoundary(layer);
    const report = () => changed(polygonToBoundary(layer));
    layer.on('pm:edit', report);
    layer.pm.enable({ allowSelfIntersection: true, snappable: true });
    report();
    return () => {
      layer.off('pm:edit', report);
      layer.pm.disable();
      layer.setLatLngs(boundaryToLatLngs(original));
    };
  }, [layer, active]);
}
