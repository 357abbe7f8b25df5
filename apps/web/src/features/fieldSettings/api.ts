import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KeyPlaceKind, PatrolNormSettingBody } from '@gewu/domain';
import { api } from '../../app/api.ts';

const NORM_KEY = ['patrol-norm-setting'] as const;
const PLACES_KEY = ['key-places'] as const;

export interface DutyNormView {
  id: string;
  name: string;
  source: string;
  daysPerWeek: number;
  patrolsPerDay: number;
  hoursPerDay: number;
  reportsPerDay: number;
}
export type NormField = 'daysPerWeek' | 'patrolsPerDay' | 'hoursPerDay' | 'reportsPerDay';
export interface NormSettingView {
  regionPath: string;
  setAt: string | null;
  norm: DutyNormView;
  norms: DutyNormView[];
  limits: Record<NormField, { min: number; max: number; step: number }>;
}
export interface KeyPlaceRow {
  id: string;
  name: string;
  kind: KeyPlaceKind;
  address: string | null;
  radiusM: number | null;
}

/** The duty norm in force at the caller's region (GET /api/patrols/norm-setting). */
export function useNormSetting() {
  return useQuery({ queryKey: NORM_KEY, queryFn: () => api.get<NormSettingView>('/api/patrols/norm-setting') });
}

export function usePutNormSetting() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: PatrolNormSettingBody) => api.put<NormSettingView>('/api/patrols/norm-setting', body),
    onSuccess: (saved) => qc.setQueryData(NORM_KEY, saved),
  });
}

/** The key places in the caller's area (GET /api/key-places: the whole scope, no paging). */
export function useKeyPlaces() {
  return useQuery({
    queryKey: PLACES_KEY,
    queryFn: () => api.get<{ items: KeyPlaceRow[] }>('/api/key-places'),
    retry: false,
    // The page says itself why it cannot list (a county admin's account is not given the list).
    meta: { silent: true },
  });
}

export function usePutRadius() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ id, radiusM }: { id: string; radiusM: number | null }) =>
      api.put<KeyPlaceRow>(`/api/key-places/${id}/radius`, { radiusM }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: PLACES_KEY }),
  });
}
