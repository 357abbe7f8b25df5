import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { GeoJSON as GeoJSONLayer, Map as LeafletMap, Marker } from 'leaflet';
import L from '../../features/grids/leaflet.ts';
import { gridStyle } from '../../features/grids/style.ts';
import type { GridShape } from '../api.ts';

export interface LonLat {
  lon: number;
  lat: number;
}

interface Props {
  pin: LonLat | null;
  onPick: (p: LonLat) => void;
  grids: readonly GridShape[];
  /** Centre the map here whenever `focus.key` changes (a GPS fix). */
  focus: { key: number; point: LonLat } | null;
}

/** 格物街道, where the demo data lives (as on the desktop grid map) — the view before any fix or grid. */
const DEFAULT_CENTER: [number, number] = [34.74, 113.71];

const pinIcon = L.divIcon({ className: 'm-pin', html: '<span></span>', iconSize: [28, 40], iconAnchor: [14, 40] });

/**
 * The pin map: tap to drop or move the pin, drag it to adjust. Tiles only from VITE_TILE_URL (as
 * the desktop map); without it, a plain background with the user's grids, which also works offline.
 */
export function PinMap({ pin, onPick, grids, focus }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<LeafletMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const pick = useEffectEvent((p: LonLat) => onPick(p));

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = L.map(container, {
      center: DEFAULT_CENTER,
      zoom: 15,
      zoomSnap: 0.5,
      attributionControl: false,
      scrollWheelZoom: false,
    });
    const env = import.meta.env;
    if (env.VITE_TILE_URL) {
      const subdomains = env.VITE_TILE_SUBDOMAINS?.split(',') ?? 'abc';
      L.tileLayer(env.VITE_TILE_URL, { subdomains, maxZoom: 18 }).addTo(created);
      if (env.VITE_TILE_LABEL_URL) L.tileLayer(env.VITE_TILE_LABEL_URL, { subdomains, maxZoom: 18 }).addTo(created);
    }
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

  const hasPin = !!pin;
  const fitGrids = useEffectEvent((layer: GeoJSONLayer) => {
    const bounds = layer.getBounds();
    if (!hasPin && bounds.isValid()) map?.fitBounds(bounds, { padding: [16, 16], maxZoom: 17, animate: false });
  });
  useEffect(() => {
    if (!map || grids.length === 0) return;
    const features = grids.flatMap((g) =>
      g.boundary
        ? [{ type: 'Feature' as const, properties: { kind: g.kind, name: g.name }, geometry: g.boundary }]
        : [],
    );
    const layer = L.geoJSON({ type: 'FeatureCollection', features } as GeoJSON.FeatureCollection, {
      interactive: false,
      style: (f) => ({ ...gridStyle(f?.properties.kind, false), fillOpacity: 0.06 }),
    }).addTo(map);
    fitGrids(layer);
    return () => {
      layer.remove();
    };
  }, [map, grids]);

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
