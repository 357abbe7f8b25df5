import type { GeoJSONOptions, LatLngBounds, Layer, Map as LeafletMap, PathOptions } from 'leaflet';
import type { BaseLayer, MapOutlines } from '@gewu/domain';
import L from './leaflet.ts';

/** Colours of the backdrop: the region outline strongest, grids lighter, places as small dots. */
// (The class names also let the browser tests find each kind.)
const REGION_STYLE: PathOptions = {
  color: '#5b6b82',
  weight: 2,
  dashArray: '6 4',
  fill: false,
  className: 'map-region-outline',
};
const GRID_STYLE: PathOptions = {
  color: '#1f4e9c',
  weight: 1,
  opacity: 0.7,
  fillOpacity: 0.04,
  className: 'map-grid-outline',
};
const PLACE_STYLE = {
  radius: 5,
  color: '#ffffff',
  weight: 2,
  fillColor: '#d9480f',
  fillOpacity: 1,
  className: 'map-place',
} as const;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * Adds the deployment's tile layers (and their credit) to a map; returns what removes them. With no
 * base layer nothing is added and no tile server is contacted: the outlines are the map.
 */
export function addBaseLayer(map: LeafletMap, layer: BaseLayer | null): () => void {
  if (!layer) return () => {};
  const options = {
    subdomains: layer.subdomains,
    maxZoom: layer.maxZoom,
    // The page's own policy (same-origin) sends no Referer to other hosts; a 天地图 browser key bound to
    // the site's domain needs the origin (only the origin: never the page's path).
    referrerPolicy: 'strict-origin' as const,
    pmIgnore: true,
  };
  const added: Layer[] = [L.tileLayer(layer.url, options).addTo(map)];
  if (layer.labelUrl) added.push(L.tileLayer(layer.labelUrl, options).addTo(map));
  const credit = layer.attribution
    ? L.control.attribution({ prefix: false }).addAttribution(escapeHtml(layer.attribution)).addTo(map)
    : null;
  map.setMaxZoom(layer.maxZoom);
  return () => {
    for (const l of added) l.remove();
    credit?.remove();
  };
}

export interface OutlineOptions {
  /** Draw the grids (the grid editor draws its own, clickable ones). */
  grids?: boolean;
}

/** The user's area as layers that never take a click (a tap lands on the map below them). */
export function outlineLayers(outlines: MapOutlines, options: OutlineOptions = {}) {
  const layers: Layer[] = [];
  for (const g of options.grids === false ? [] : outlines.grids) layers.push(shape(g.boundary, GRID_STYLE));
  for (const r of outlines.regions) layers.push(shape(r.boundary, REGION_STYLE));
  for (const p of outlines.places) {
    layers.push(
      L.circleMarker([p.lat, p.lon], { ...PLACE_STYLE, pmIgnore: true } as PathOptions).bindTooltip(
        escapeHtml(p.name),
        {
          direction: 'top',
        },
      ),
    );
  }
  return L.featureGroup(layers);
}

/** A backdrop shape: no clicks, and never a target of the grid editor's tools (`pmIgnore`). */
function shape(boundary: MapOutlines['grids'][number]['boundary'], style: PathOptions) {
  const options = { style, interactive: false, pmIgnore: true } as GeoJSONOptions;
  return L.geoJSON(boundary as GeoJSON.GeometryObject, options);
}

/** The extent of the user's area, or null when nothing in it has a position yet. */
export function outlineBounds(outlines: MapOutlines): LatLngBounds | null {
  if (!outlines.bbox) return null;
  const [w, s, e, n] = outlines.bbox;
  return L.latLngBounds([s, w], [n, e]);
}

/** Before the user's area is known: all of China, never a particular township. */
export const FIRST_VIEW = { center: [35, 105] as [number, number], zoom: 4 };

/** A map that shows things (no drawing): a scale, no tiles until the backdrop adds the configured ones. */
export function createViewMap(container: HTMLElement, view = FIRST_VIEW): LeafletMap {
  const map = L.map(container, { ...view, zoomSnap: 0.25, attributionControl: false });
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  return map;
}
