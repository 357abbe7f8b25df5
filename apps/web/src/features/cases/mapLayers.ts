import type { CircleMarker, LatLngExpression } from 'leaflet';
import type { GridView } from '@gewu/domain';
import L from '../grids/leaflet.ts';
import { boundaryToPolygon } from '../grids/mapSetup.ts';
import '../grids/map.css';

export { createMap } from '../grids/mapSetup.ts';

/** The case's spot: a circle marker (no image assets to bundle, unlike Leaflet's default pin). */
export function pinMarker(at: LatLngExpression): CircleMarker {
  return L.circleMarker(at, {
    radius: 9,
    color: '#ffffff',
    weight: 3,
    fillColor: '#e03131',
    fillOpacity: 1,
    pmIgnore: true,
  });
}

/** Grid outlines for orientation only: thin, not clickable (a click lands on the map below). */
export function gridOutlines(grids: readonly GridView[]) {
  const layers = grids
    .filter((g) => g.boundary && g.kind !== 'micro')
    .map((g) => {
      const layer = boundaryToPolygon(g.boundary as NonNullable<GridView['boundary']>, {
        color: '#1f4e9c',
        weight: 1,
        fillOpacity: 0.04,
        interactive: false,
        pmIgnore: true,
      });
      layer.bindTooltip(g.name, { permanent: false });
      return layer;
    });
  return L.featureGroup(layers);
}

export { L };
