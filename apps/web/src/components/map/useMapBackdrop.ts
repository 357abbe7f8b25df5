import { useEffect, useEffectEvent, useRef } from 'react';
import type { Map as LeafletMap } from 'leaflet';
import type { ActorView } from '@gewu/domain';
import { useMapConfig, useMapOutlines } from './api.ts';
import { addBaseLayer, type OutlineOptions, outlineBounds, outlineLayers } from './layers.ts';

interface Backdrop extends OutlineOptions {
  /**
   * The map already shows what it is for (a pin, a case): the view is left alone when the user's
   * area arrives. Otherwise the map is fitted to it once.
   */
  keepView?: boolean;
}

/**
 * What every map of the app has under its own content: the deployment's base layer (when one is
 * configured) and the user's region and grid outlines and key places, and — on first load — a view
 * fitted to the user's region rather than to any fixed place.
 */
export function useMapBackdrop(map: LeafletMap | null, user: Pick<ActorView, 'id'>, backdrop: Backdrop = {}) {
  const config = useMapConfig(user);
  const outlines = useMapOutlines(user);
  const fitted = useRef(false);
  const { grids } = backdrop;

  const baseLayer = config.data?.baseLayer ?? null;
  useEffect(() => {
    if (!map) return;
    return addBaseLayer(map, baseLayer);
  }, [map, baseLayer]);

  const fitOnce = useEffectEvent((target: LeafletMap, bounds: ReturnType<typeof outlineBounds>) => {
    if (fitted.current || !bounds) return;
    fitted.current = true;
    if (backdrop.keepView) return;
    target.fitBounds(bounds, { padding: [12, 12], maxZoom: 17, animate: false });
  });
  const data = outlines.data;
  useEffect(() => {
    if (!map || !data) return;
    const group = outlineLayers(data, { grids }).addTo(map);
    group.bringToBack();
    fitOnce(map, outlineBounds(data));
    return () => {
      group.remove();
    };
  }, [map, data, grids]);

  return outlines;
}
