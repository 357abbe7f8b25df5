import { useEffect, useRef, useState } from 'react';
import type { Map as LeafletMap } from 'leaflet';
import type { GridView } from '@gewu/domain';
import { useCurrentUser } from '../../app/session.ts';
import { useMapBackdrop } from '../../components/map/useMapBackdrop.ts';
import { L, createMap, pinMarker } from './mapLayers.ts';

interface Props {
  lon: number;
  lat: number;
  /** The case's grid, outlined around the pin when known. */
  grid?: GridView | null;
  height?: number;
}

/** A small read-only map of where the case is, over the user's area (outlines, or the configured tiles). */
export default function CaseMap({ lon, lat, grid, height = 240 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<LeafletMap | null>(null);
  const user = useCurrentUser();

  useEffect(() => {
    if (!ref.current) return;
    const created = createMap(ref.current);
    setMap(created);
    const resize = new ResizeObserver(() => created.invalidateSize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      created.remove();
      setMap(null);
    };
  }, []);

  // The case is what this map is for: the user's area is drawn under it without moving the view.
  useMapBackdrop(map, user, { keepView: true });

  useEffect(() => {
    if (!map) return;
    const outline = grid?.boundary
      ? L.geoJSON(grid.boundary, { style: { color: '#1f4e9c', weight: 2, fillOpacity: 0.08 }, interactive: false })
      : null;
    const group = L.featureGroup(outline ? [outline, pinMarker([lat, lon])] : [pinMarker([lat, lon])]).addTo(map);
    if (outline) map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 18, animate: false });
    else map.setView([lat, lon], 17, { animate: false });
    return () => {
      group.remove();
    };
  }, [map, lon, lat, grid]);

  return <div ref={ref} data-testid="case-map" style={{ height, background: '#f4f3ee', borderRadius: 6 }} />;
}
