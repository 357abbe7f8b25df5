import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DisputeFiguresView } from '@gewu/domain';
import { api } from '../../app/api.ts';

/** The dispute figures (GET /api/dispute-figures) for a period and a region. */
export function useDisputeFigures(params: { from: string; to: string; regionId?: string }) {
  return useQuery({
    queryKey: ['dispute-figures', params],
    queryFn: () => api.get<DisputeFiguresView>('/api/dispute-figures', params),
    placeholderData: keepPreviousData,
  });
}
