import type { ActivityView, ClaimCaseView, VolunteerView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { MOBILE_KEY } from '../api.ts';

/** Everything the volunteer page caches (invalidated together after a change). */
export const VOLUNTEER_KEY = [...MOBILE_KEY, 'volunteer'] as const;

export const fetchMe = () => api.get<{ items: VolunteerView[] }>('/api/forces/volunteers');
export const fetchActivities = () => api.get<{ items: ActivityView[] }>('/api/forces/activities');
export const fetchMyClaims = () => api.get<{ items: ClaimCaseView[] }>('/api/forces/claims/mine');
export const fetchNearby = (p: Point) =>
  api.get<{ items: ClaimCaseView[] }>('/api/forces/claims/nearby', { lon: p.lon, lat: p.lat });

export interface Point {
  lon: number;
  lat: number;
}

/** The phone's position now (asks once; rejects when refused or unavailable). */
export function currentPoint(): Promise<Point> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('geolocation'));
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lon: pos.coords.longitude, lat: pos.coords.latitude }),
      reject,
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
    );
  });
}
