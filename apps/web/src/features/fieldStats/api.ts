import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ForcesFigures,
  InspectionFigures,
  InspectionTemplateView,
  PatrolFigures,
  VisitFigures,
} from '@gewu/domain';
import { api } from '../../app/api.ts';

type Period = { from: string; to: string; regionId?: string };

/** 巡查 figures (GET /api/patrol-figures): totals and one page of rows per grid or per worker. */
export function usePatrolFigures(params: Period & { by: 'grid' | 'worker'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['patrol-figures', params],
    queryFn: () => api.get<PatrolFigures>('/api/patrol-figures', params),
    placeholderData: keepPreviousData,
  });
}

/** 隐患排查 figures for a period and a region (GET /api/inspection-figures); the templates' names below. */
export function useInspectionFigures(params: Period, enabled: boolean) {
  return useQuery({
    queryKey: ['inspection-figures', params],
    queryFn: () => api.get<InspectionFigures>('/api/inspection-figures', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInspectionTemplates(enabled: boolean) {
  return useQuery({
    queryKey: ['inspection-templates'],
    queryFn: async () => (await api.get<{ items: InspectionTemplateView[] }>('/api/inspection-templates')).items,
    enabled,
  });
}

/** 走访 of special populations (GET /api/visit-plans/figures): done (on time / late), due, overdue. */
export function useVisitFigures(params: Period, enabled: boolean) {
  return useQuery({
    queryKey: ['visit-figures', params],
    queryFn: () => api.get<VisitFigures>('/api/visit-plans/figures', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** 群防群治 (GET /api/forces/figures): volunteer hours and 市民认领 for a period and a region. */
export function useForcesFigures(params: Period, enabled: boolean) {
  return useQuery({
    queryKey: ['forces-figures', params],
    queryFn: () => api.get<ForcesFigures>('/api/forces/figures', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}
