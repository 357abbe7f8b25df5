import type { LatLng, LatLngBounds, Map as LeafletMap, Polygon, PolylineOptions } from 'leaflet';
import type { Boundary } from './api.ts';
import L from './leaflet.ts';

/** 格物街道, where the demo data lives; any view is replaced by the grids' extent once they load. */
const DEFAULT_CENTER: [number, number] = [34.74, 113.71];

/**
 * Creates the map. Tiles come only from VITE_TILE_URL (天地图 or an intranet tile server, in
 * WGS84/CGCS2000 like the stored boundaries); unset, nothing external is requested and the grids
 * are drawn on a plain background.
 */
export function createMap(container: HTMLElement): LeafletMap {
  const map = L.map(container, { center: DEFAULT_CENTER, zoom: 14, zoomSnap: 0.25, attributionControl: false });
  const env = import.meta.env;
  if (env.VITE_TILE_URL) {
    const subdomains = env.VITE_TILE_SUBDOMAINS?.split(',') ?? 'abc';
    L.tileLayer(env.VITE_TILE_URL, {
      subdomains,
      maxZoom: 18,
      attribution: env.VITE_TILE_ATTRIBUTION,
      pmIgnore: true,
    }).addTo(map);
    if (env.VITE_TILE_LABEL_URL)
      L.tileLayer(env.VITE_TILE_LABEL_URL, { subdomains, maxZoom: 18, pmIgnore: true }).addTo(map);
    if (env.VITE_TILE_ATTRIBUTION) L.control.attribution({ prefix: false }).addTo(map);
  }
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  return map;
}

/** GeoJSON rings as Leaflet's nested lat/lng arrays (lon/lat swapped). */
export function boundaryToLatLngs(boundary: Boundary): LatLng[][] {
  return L.GeoJSON.coordsToLatLngs(boundary.coordinates, boundary.type === 'Polygon' ? 1 : 2) as LatLng[][];
}

/** A GeoJSON boundary as one Leaflet polygon (a MultiPolygon becomes a polygon with several parts). */
export function boundaryToPolygon(boundary: Boundary, options: PolylineOptions): Polygon {
  return L.polygon(boundaryToLatLngs(boundary), options);
}

/** The layer's current shape as GeoJSON (WGS84 lon/lat, as the server stores it). */
export function polygonToBoundary(layer: Polygon): Boundary {
  const { geometry } = layer.toGeoJSON(7);
  return { type: geometry.type, coordinates: geometry.coordinates };
}

/** The bounds of several boundaries, or null when none has one. */
export function boundsOf(boundaries: readonly (Boundary | null)[]): LatLngBounds | null {
  let bounds: LatLngBounds | null = null;
  for (const b of boundaries) {
    if (!b) continue;
    const layerBounds = boundaryToPolygon(b, {}).getBounds();
    bounds = bounds ? bounds.extend(layerBounds) : layerBounds;
  }
  return bounds;
}
