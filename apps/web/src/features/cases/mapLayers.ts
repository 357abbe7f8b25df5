import type { CircleMarker, LatLngExpression } from 'leaflet';
import L from '../../components/map/leaflet.ts';
import '../grids/map.css';

// The case maps only show things: Leaflet alone, without the grid editor's drawing plugin.
export { createViewMap as createMap } from '../../components/map/layers.ts';

/** The case's spot: a circle marker (no image assets to bundle, unlike Leaflet's default pin). */
export function pinMarker(at: LatLngExpression): CircleMarker {
  return L.circleMarker(at, {
    radius: 9,
    color: '#ffffff',
    weight: 3,
    fillColor: '#e03131',
    fillOpacity: 1,
  });
}

export { L };
