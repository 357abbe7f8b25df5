import { useInfiniteQuery } from '@tanstack/react-query';
import type { DisputePage, DisputeState } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { DISPUTES_KEY } from '../../features/disputes/api.ts';

const PAGE_SIZE = 50;

/** 我的纠纷: the disputes the mediator holds (view=mine), nearest deadline first, 50 at a time. */
export function useMyDisputes(states?: readonly DisputeState[]) {
  return useInfiniteQuery({
    queryKey: [...DISPUTES_KEY, 'list', 'mine', states ?? null],
    queryFn: ({ pageParam }) =>
      api.get<DisputePage>('/api/disputes', {
        view: 'mine',
        state: states ? [...states] : undefined,
        sort: 'deadline_asc',
        page: pageParam,
        pageSize: PAGE_SIZE,
      }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    staleTime: 10_000,
    meta: { silent: true },
  });
}
