import type { LatLng, LatLngBounds, Map as LeafletMap, Polygon, PolylineOptions } from 'leaflet';
import type { Boundary } from './api.ts';
import L from './geoman.ts';
import { FIRST_VIEW } from '../../components/map/layers.ts';

/**
 * Creates the grid editor's map (Leaflet with Geoman). It opens on all of China; the page fits it to
 * the grids, or the backdrop (components/map) to the user's region, and adds the configured base
 * layer — chosen by the server at run time (GEWU_MAP_*), not when the UI is built.
 */
export function createMap(container: HTMLElement): LeafletMap {
  const map = L.map(container, { ...FIRST_VIEW, zoomSnap: 0.25, attributionControl: false });
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  map.pm.setLang('zh');
  map.pm.setGlobalOptions({ allowSelfIntersection: true, snappable: true, snapDistance: 8 });
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
