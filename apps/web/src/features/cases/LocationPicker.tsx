import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { CircleMarker, Map as LeafletMap } from 'leaflet';
import { useCurrentUser } from '../../app/session.ts';
import { useMapBackdrop } from '../../components/map/useMapBackdrop.ts';
import { createMap, pinMarker } from './mapLayers.ts';

export interface LonLat {
  lon: number;
  lat: number;
}

interface Props {
  value?: LonLat;
  onChange: (value: LonLat) => void;
  height?: number;
}

/**
 * Click to place the pin (WGS84, as the server stores it); the user's region, grids and key places
 * are drawn for orientation, and the map opens fitted to the user's region.
 */
export default function LocationPicker({ value, onChange, height = 280 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<LeafletMap | null>(null);
  const user = useCurrentUser();
  const onPick = useEffectEvent((lon: number, lat: number) =>
    onChange({ lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 }),
  );

  useEffect(() => {
    if (!ref.current) return;
    const created = createMap(ref.current);
    created.on('click', (e) => onPick(e.latlng.lng, e.latlng.lat));
    setMap(created);
    const resize = new ResizeObserver(() => created.invalidateSize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      created.remove();
      setMap(null);
    };
  }, []);

  useMapBackdrop(map, user);

  useEffect(() => {
    if (!map || !value) return;
    const marker: CircleMarker = pinMarker([value.lat, value.lon]).addTo(map);
    return () => {
      marker.remove();
    };
  }, [map, value]);

  return (
    <div
      ref={ref}
      data-testid="location-picker"
      style={{ height, background: '#f4f3ee', borderRadius: 6, cursor: 'crosshair' }}
    />
  );
}
