import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ActorView, MapConfig, MapOutlines } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { readCache, writeCache } from '../../mobile/offline/localCache.ts';

const MAP_KEY = ['map'] as const;

/**
 * A map query whose last answer is kept on the device: the outlines and the base layer change
 * rarely, and a phone without a connection still draws the user's area (tiles need the network).
 */
function useKeptQuery<T>(cacheKey: string, url: string) {
  const [cached] = useState(() => readCache<T>(cacheKey));
  return useQuery({
    queryKey: [...MAP_KEY, cacheKey],
    queryFn: async () => {
      const data = await api.get<T>(url);
      writeCache(cacheKey, data);
      return data;
    },
    initialData: cached?.data,
    initialDataUpdatedAt: cached?.savedAt,
    staleTime: 10 * 60_000,
    networkMode: 'offlineFirst',
    retry: 1,
    meta: { silent: true },
  });
}

/** The deployment's base layer (null: none — outlines on a plain background). */
export const useMapConfig = (user: Pick<ActorView, 'id'>) =>
  useKeptQuery<MapConfig>(`map.config.${user.id}`, '/api/map/config');

/** The user's region, grid outlines and key places, to draw and to centre the map on. */
export const useMapOutlines = (user: Pick<ActorView, 'id'>) =>
  useKeptQuery<MapOutlines>(`map.outlines.${user.id}`, '/api/map/outlines');
