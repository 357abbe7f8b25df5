import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Map as LeafletMap, Marker } from 'leaflet';
import L from '../../components/map/leaflet.ts';
import { useMapBackdrop } from '../../components/map/useMapBackdrop.ts';
import { useCurrentUser } from '../../app/session.ts';

export interface LonLat {
  lon: number;
  lat: number;
}

interface Props {
  pin: LonLat | null;
  onPick: (p: LonLat) => void;
  /** Centre the map here whenever `focus.key` changes (a GPS fix). */
  focus: { key: number; point: LonLat } | null;
}

/** Before anything is known: all of China, never a particular township (the user's area replaces it). */
const FIRST_VIEW = { center: [35, 105] as [number, number], zoom: 4 };

const pinIcon = L.divIcon({ className: 'm-pin', html: '<span></span>', iconSize: [28, 40], iconAnchor: [14, 40] });

/**
 * The pin map: tap to drop or move the pin, drag it to adjust. Under it the deployment's base layer
 * (if one is configured) and the user's region and grid outlines, fitted to the user's region until
 * a pin says where to look. Leaflet only — loaded with this module, after the form is on screen
 * (a default export for React.lazy, so the phone's first load does not carry the map).
 */
export default function PinMap({ pin, onPick, focus }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<LeafletMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const user = useCurrentUser();
  const pick = useEffectEvent((p: LonLat) => onPick(p));
  const firstView = useEffectEvent(() =>
    pin ? { center: [pin.lat, pin.lon] as [number, number], zoom: 17 } : FIRST_VIEW,
  );

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = L.map(container, {
      ...firstView(),
      zoomSnap: 0.5,
      attributionControl: false,
      scrollWheelZoom: false,
    });
    L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(created);
    created.on('click', (e) => pick({ lon: e.latlng.lng, lat: e.latlng.lat }));
    setMap(created);
    const resize = new ResizeObserver(() => created.invalidateSize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      markerRef.current = null;
      created.remove();
      setMap(null);
    };
  }, []);

  useMapBackdrop(map, user, { keepView: !!pin });

  useEffect(() => {
    if (!map) return;
    if (!pin) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    const at = L.latLng(pin.lat, pin.lon);
    if (markerRef.current) {
      markerRef.current.setLatLng(at);
      return;
    }
    const marker = L.marker(at, { icon: pinIcon, draggable: true, keyboard: false }).addTo(map);
    marker.on('dragend', () => {
      const p = marker.getLatLng();
      pick({ lon: p.lng, lat: p.lat });
    });
    markerRef.current = marker;
  }, [map, pin]);

  const focusKey = focus?.key;
  const centre = useEffectEvent(() => {
    if (map && focus) map.setView([focus.point.lat, focus.point.lon], Math.max(map.getZoom(), 17), { animate: false });
  });
  useEffect(() => {
    if (focusKey !== undefined) centre();
  }, [map, focusKey]);

  return <div ref={containerRef} className="m-map" data-testid="report-map" />;
}
