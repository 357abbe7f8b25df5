import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActorView,
  AttachmentView,
  CaseAction,
  CaseDetail,
  CasePage,
  CaseState,
  CommonItemsView,
  GridLookup,
  ItemField,
  ItemsView,
  NearbyReportsView,
  Rating,
  SupplementView,
} from '@gewu/domain';
import { api, isApiError } from '../app/api.ts';
import { readCache, writeCache } from './offline/localCache.ts';
import { isResidentOnly as residentOnly } from '../app/landing.ts';
import { postCaseAction } from '../app/caseActions.ts';

/** Everything the phone screens cache lives under this key (invalidated together after a change). */
export const MOBILE_KEY = ['mobile'] as const;
export const CASES_KEY = [...MOBILE_KEY, 'cases'] as const;

/** The part of a catalogue item the report form uses (kept small: it is cached on the device). */
export interface CatalogueEntry {
  code: string;
  name: string;
  categoryCode: string;
  categoryName: string;
  keywords: string[];
  /** Pinyin initials of the name and keywords, from the server (the phone carries no pinyin dictionary). */
  initials: string[];
  /** 不确定/其他. */
  unclassified: boolean;
  minor: boolean;
  fields: ItemField[];
}

/** Only residents: their catalogue is the publicly reportable part. */
export const isResidentOnly = (user: ActorView) => residentOnly(user.roles);
export const isGridWorker = (user: ActorView) => user.roles.includes('grid_worker');
export const isHandler = (user: ActorView) => user.roles.includes('handler');
export const isMediator = (user: ActorView) => user.roles.includes('mediator');

/**
 * A query whose last answer is kept in localStorage, so the screen works offline and opens at
 * once next time; 'offlineFirst' still tries the network when the browser says it is offline.
 * `askOnOpen`: what others change (a claim confirmed by the grid worker) is asked again on every open,
 * the kept answer shown meanwhile; otherwise a kept answer younger than 10 minutes is taken as is.
 */
export function useCachedQuery<T>(
  cacheKey: string,
  queryKey: readonly unknown[],
  fetch: () => Promise<T>,
  enabled = true,
  askOnOpen = false,
) {
  const [cached] = useState(() => readCache<T>(cacheKey)); // parsed once per mount, not per render
  return useQuery({
    queryKey,
    queryFn: async () => {
      const data = await fetch();
      writeCache(cacheKey, data);
      return data;
    },
    enabled,
    initialData: cached?.data,
    initialDataUpdatedAt: askOnOpen ? 0 : cached?.savedAt,
    staleTime: 10 * 60_000,
    networkMode: 'offlineFirst',
    retry: 1,
    meta: { silent: true },
  });
}

/** The item catalogue for the report form: everything for staff, the reportable items for residents. */
export function useCatalogue(user: ActorView) {
  const publicOnly = isResidentOnly(user);
  return useCachedQuery(`items.${user.id}`, [...MOBILE_KEY, 'items', user.id], async () => {
    const { items } = await api.get<ItemsView>('/api/items', {
      publicOnly: publicOnly ? 'true' : undefined,
    });
    return items.map((i): CatalogueEntry => ({
      code: i.code,
      name: i.name,
      categoryCode: i.categoryCode,
      categoryName: i.categoryName,
      keywords: i.keywords,
      initials: i.initials ?? [],
      unclassified: !!i.unclassified,
      minor: i.minor,
      fields: i.fields,
    }));
  });
}

export type CaseView = 'mine' | 'tasks' | 'handled' | 'verify';

const PAGE_SIZE = 50;

/**
 * One of the phone's lists, 50 at a time with 加载更多: `states` narrows it (the task tabs),
 * `awaiting: 'rating'` is 待评价.
 */
export function useCaseList(
  view: CaseView,
  { states, awaiting, enabled = true }: { states?: readonly CaseState[]; awaiting?: 'rating'; enabled?: boolean } = {},
) {
  return useInfiniteQuery({
    queryKey: [...CASES_KEY, 'list', view, states ?? null, awaiting ?? 'all'],
    queryFn: ({ pageParam }) =>
      api.get<CasePage>('/api/cases', {
        view,
        state: states ? [...states] : undefined,
        page: pageParam,
        pageSize: PAGE_SIZE,
        sort: view === 'mine' || view === 'handled' ? 'reported_desc' : 'deadline_asc',
        awaiting,
      }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled,
    staleTime: 10_000,
    meta: { silent: true },
  });
}

/** 常用类别: the items most reported around the user (or the default list), as large buttons on the form. */
export function useCommonItems(user: ActorView) {
  return useCachedQuery(`common-items.${user.id}`, [...MOBILE_KEY, 'common-items', user.id], () =>
    api.get<CommonItemsView>('/api/cases/common-items'),
  );
}

/** 已有人上报: open reports of the same item near the pin (online only; nothing offline). */
export function useNearbyReports(itemCode: string | null, point: { lon: number; lat: number } | null) {
  const lon = point ? Number(point.lon.toFixed(6)) : null;
  const lat = point ? Number(point.lat.toFixed(6)) : null;
  return useQuery({
    queryKey: [...MOBILE_KEY, 'nearby', itemCode, lon, lat],
    queryFn: () => api.get<NearbyReportsView>('/api/cases/nearby', { itemCode, lon, lat }),
    enabled: !!itemCode && lon !== null,
    staleTime: 30_000,
    retry: false,
    meta: { silent: true },
  });
}

/** 我也遇到: adds words (and photos) to someone's open report; the key makes a resend harmless. */
export async function addSupplement(caseId: string, note: string, photos: Blob[], idempotencyKey: string) {
  const attachmentIds: string[] = [];
  for (const p of photos) attachmentIds.push((await uploadPhoto(p)).id);
  return api.post<SupplementView>(`/api/cases/${caseId}/supplements`, { note, attachmentIds, idempotencyKey });
}

export function useCaseDetail(id: string) {
  return useQuery({
    queryKey: [...CASES_KEY, 'detail', id],
    queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`),
    staleTime: 5_000,
    meta: { silent: true },
  });
}

export interface ActionInput {
  action: CaseAction;
  version: number;
  note?: string;
  photos?: Blob[];
  rating?: Rating;
  resolved?: boolean;
}

export const uploadPhoto = (blob: Blob) => api.upload<AttachmentView>('/api/attachments', blob);

/**
 * Takes an action on a case: photos first, then the action with the version shown. A 409 means
 * someone acted first: the case is re-read and the caller shows the server's message.
 */
export function useCaseAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ photos = [], ...body }: ActionInput) => {
      const attachmentIds: string[] = [];
      for (const p of photos) attachmentIds.push((await uploadPhoto(p)).id);
      return postCaseAction(id, { ...body, attachmentIds });
    },
    networkMode: 'always', // offline: fail at once with the network message instead of waiting silently
    meta: { silent: true },
    onSuccess: (detail) => {
      queryClient.setQueryData([...CASES_KEY, 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] });
    },
    onError: (err) => {
      if (isApiError(err) && err.status === 409)
        void queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'detail', id] });
    },
  });
}

/** Which grid a pin falls in (staff only; residents may not read grids). */
export function useGridLookup(point: { lon: number; lat: number } | null, enabled: boolean) {
  const lon = point ? Number(point.lon.toFixed(6)) : null;
  const lat = point ? Number(point.lat.toFixed(6)) : null;
  return useQuery({
    queryKey: [...MOBILE_KEY, 'lookup', lon, lat],
    queryFn: () => api.get<GridLookup>('/api/grids/lookup', { lon, lat }),
    enabled: enabled && lon !== null,
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  });
}

export const attachmentThumb = (id: string) => `/api/attachments/${id}?size=thumb`;
export const attachmentUrl = (id: string) => `/api/attachments/${id}`;
