import { useEffect, useRef } from 'react';
import type { Layer } from 'leaflet';
import type { GridView } from '@gewu/domain';
import { boundaryToPolygon } from '../grids/mapSetup.ts';
import { L, createMap, pinMarker } from './mapLayers.ts';

interface Props {
  lon: number;
  lat: number;
  /** The case's grid, outlined around the pin when known. */
  grid?: GridView | null;
  height?: number;
}

/** A small read-only map of where the case is. */
export default function CaseMap({ lon, lat, grid, height = 240 }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return;
    const map = createMap(ref.current);
    const layers: Layer[] = [pinMarker([lat, lon])];
    if (grid?.boundary)
      layers.unshift(
        boundaryToPolygon(grid.boundary, {
          color: '#1f4e9c',
          weight: 2,
          fillOpacity: 0.08,
          interactive: false,
          pmIgnore: true,
        }),
      );
    const group = L.featureGroup(layers).addTo(map);
    if (grid?.boundary) map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 18, animate: false });
    else map.setView([lat, lon], 17, { animate: false });
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      map.remove();
    };
  }, [lon, lat, grid]);

  return <div ref={ref} data-testid="case-map" style={{ height, background: '#f4f3ee', borderRadius: 6 }} />;
}
