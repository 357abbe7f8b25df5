import { useQuery } from '@tanstack/react-query';
import type { PatrolDetail } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { MOBILE_KEY, useCachedQuery } from '../api.ts';

/** A key place as the check-in list needs it (cached on the device for offline check-ins). */
export interface PlaceEntry {
  id: string;
  name: string;
  kind: string;
  lon: number | null;
  lat: number | null;
}

/** The key places of the grid worker's area (GET /api/key-places, narrowed by the server). */
export function useKeyPlaces(userId: string) {
  return useCachedQuery(`keyPlaces.${userId}`, [...MOBILE_KEY, 'keyPlaces', userId], async () => {
    const { items } = await api.get<{ items: PlaceEntry[] }>('/api/key-places');
    return items.map(({ id, name, kind, lon, lat }) => ({ id, name, kind, lon, lat }));
  });
}

/** The server's reading of an ended patrol, once everything of it is uploaded. */
export function usePatrolSummary(patrolId: string | null) {
  return useQuery({
    queryKey: [...MOBILE_KEY, 'patrol', patrolId],
    queryFn: () => api.get<PatrolDetail>(`/api/patrols/${patrolId}`),
    enabled: !!patrolId,
    retry: 1,
    meta: { silent: true },
  });
}
