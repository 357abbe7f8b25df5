import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FieldVisitPage, Light, VisitIntervalsBody, VisitKind, VisitPlanKind, VisitPlanView } from '@gewu/domain';
import { api } from '../../app/api.ts';

export type { FieldVisitRow, VisitPlanView } from '@gewu/domain';

const PLANS_KEY = ['visit-plans'] as const;
const VISITS_KEY = ['field-visits'] as const;
const INTERVALS_KEY = ['visit-intervals'] as const;

export interface PlanFilter {
  light?: Light;
  kind?: VisitPlanKind;
  gridId?: string;
}

export function useVisitPlans(filter: PlanFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PLANS_KEY, filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: VisitPlanView[]; total: number }>('/api/visit-plans', { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export interface VisitFilter {
  kind?: VisitKind;
  gridId?: string;
}

export function useFieldVisits(filter: VisitFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...VISITS_KEY, filter, page, pageSize],
    queryFn: () => api.get<FieldVisitPage>('/api/visits', { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useIntervals() {
  return useQuery({
    queryKey: INTERVALS_KEY,
    queryFn: () => api.get<{ countyPath: string; intervals: VisitIntervalsBody }>('/api/visit-plans/intervals'),
  });
}

/** Saves the county's intervals; the plans are re-read (their intervals may follow). */
export function usePutIntervals() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitIntervalsBody) =>
      api.put<{ countyPath: string; intervals: VisitIntervalsBody }>('/api/visit-plans/intervals', body),
    onSuccess: (saved) => {
      qc.setQueryData(INTERVALS_KEY, saved);
      void qc.invalidateQueries({ queryKey: PLANS_KEY });
    },
  });
}
