import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InspectionPlaceKind, InspectionTemplateEdit, InspectionTemplateView, InspectionView } from '@gewu/domain';
import { api } from '../../app/api.ts';

export type { InspectionTemplateView, InspectionView } from '@gewu/domain';
/** A row of the list: an inspection without its answers. */
export type InspectionRow = Omit<InspectionView, 'answers'>;

/** Every inspection list and detail lives under this key, so one invalidation refreshes them all. */
const KEY = ['inspections'] as const;
const TEMPLATES_KEY = ['inspection-templates'] as const;

export interface InspectionFilter {
  from?: string;
  to?: string;
  placeKind?: InspectionPlaceKind;
  templateKey?: string;
  failedOnly?: boolean;
}

export function useInspections(filter: InspectionFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: InspectionRow[]; total: number }>('/api/inspections', {
        ...filter,
        failedOnly: filter.failedOnly ? 'true' : undefined,
        page,
        pageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api.get<InspectionView>(`/api/inspections/${id}`),
    enabled: !!id,
  });
}

/**
 * The place's inspection with the same checklist before `of` (复查: the previous result), or null.
 * The list is newest first; the one after `of` in it is the previous one.
 */
export function usePreviousInspection(of: InspectionView | undefined) {
  const list = useQuery({
    queryKey: [...KEY, 'previous', of?.id],
    queryFn: async () =>
      (
        await api.get<{ items: InspectionRow[] }>('/api/inspections', {
          placeKind: of?.placeKind,
          placeId: of?.placeId,
          templateKey: of?.templateKey,
          pageSize: 100,
        })
      ).items.find((i) => i.id !== of?.id && i.performedAt <= (of?.performedAt ?? '')) ?? null,
    enabled: !!of,
  });
  const previous = useInspection(list.data?.id ?? null);
  return { previous: list.data ? previous.data : null, loading: list.isLoading || previous.isLoading };
}

/** A failed item becomes a case (the server pre-fills it; a second call returns the same case). */
export function useMakeCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; key: string }) =>
      api.post<{ caseId: string; caseCode: string; created: boolean }>(`/api/inspections/${v.id}/items/${v.key}/case`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: TEMPLATES_KEY,
    queryFn: async () => (await api.get<{ items: InspectionTemplateView[] }>('/api/inspection-templates')).items,
  });
}

/** An edit saves the whole checklist as a new version of its key for the user's area. */
export function useEditTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { key: string; body: InspectionTemplateEdit }) =>
      api.post<InspectionTemplateView>(`/api/inspection-templates/${v.key}/versions`, v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}
