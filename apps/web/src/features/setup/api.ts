import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApiKeyList,
  ApiKeyView,
  CalendarView,
  CreateApiKeyBody,
  CreatedApiKey,
  CreateUnitBody,
  DeadlineView,
  DepartmentKind,
  SetUserUnitBody,
  UnitList,
  UnitView,
  UpdateUnitBody,
  UserUnitView,
  UserView,
  WorkCalendar,
} from '@gewu/domain';
import { api, type Page } from '../../app/api.ts';

/* ------------------------------------------------------------------ 工作日历 */

const CALENDAR_KEY = ['calendar'] as const;

export function useWorkCalendar() {
  return useQuery({ queryKey: CALENDAR_KEY, queryFn: () => api.get<CalendarView>('/api/calendar') });
}

/** PUT /api/calendar. Validation errors are shown per field by the page itself (silent). */
export function useSaveWorkCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (calendar: WorkCalendar) => api.put<CalendarView>('/api/calendar', calendar),
    meta: { silent: true },
    onSuccess: (view) => {
      queryClient.setQueryData(CALENDAR_KEY, view);
      // Deadline previews were computed on the old calendar.
      return queryClient.invalidateQueries({ queryKey: [...CALENDAR_KEY, 'deadline'] });
    },
  });
}

/** The question of GET /api/calendar/deadline: what the answer repeats, without the deadline. */
export type DeadlineQuery = Omit<DeadlineView, 'deadline'>;

/** GET /api/calendar/deadline, run when the form is submitted (null: nothing asked yet). */
export function useDeadlinePreview(query: DeadlineQuery | null) {
  return useQuery({
    queryKey: [...CALENDAR_KEY, 'deadline', query],
    queryFn: () => api.get<DeadlineView>('/api/calendar/deadline', { ...query }),
    enabled: query !== null,
    meta: { silent: true },
    retry: false,
  });
}

/* ------------------------------------------------------------------ 处置单位 */

export interface UnitFilter {
  kind?: DepartmentKind;
  regionId?: string;
  includeRetired?: boolean;
}

const UNITS_KEY = ['units'] as const;

export function useUnits(filter: UnitFilter) {
  return useQuery({
    queryKey: [...UNITS_KEY, filter],
    queryFn: async () =>
      (
        await api.get<UnitList>('/api/units', {
          kind: filter.kind,
          regionId: filter.regionId,
          includeRetired: filter.includeRetired ? 'true' : undefined,
        })
      ).items,
    placeholderData: keepPreviousData,
  });
}

/** Changes to units re-read the list; `silent` when the dialog shows the error on its fields. */
function useUnitMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>, silent = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: UNITS_KEY }),
  });
}

export const useCreateUnit = () =>
  useUnitMutation((input: CreateUnitBody) => api.post<UnitView>('/api/units', input), true);

export const useUpdateUnit = () =>
  useUnitMutation(
    ({ id, ...body }: UpdateUnitBody & { id: string }) => api.patch<UnitView>(`/api/units/${id}`, body),
    true,
  );

export const useRetireUnit = () => useUnitMutation((id: string) => api.post<UnitView>(`/api/units/${id}/retire`));

/** PUT /api/users/:id/unit — puts a handler account into a unit, or takes it out (null). */
export const useSetUserUnit = () =>
  useUnitMutation(
    ({ userId, unitId }: SetUserUnitBody & { userId: string }) =>
      api.put<UserUnitView>(`/api/users/${userId}/unit`, { unitId }),
    true,
  );

/** Handler (处置单位) accounts in my scope, searched by name on the server. */
export function useHandlerAccounts(q: string) {
  return useQuery({
    queryKey: ['users', { role: 'handler', q, page: 1, pageSize: 50 }],
    queryFn: () =>
      api.get<Page<UserView>>('/api/users', { role: 'handler', q: q.trim() || undefined, page: 1, pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
}

/* ------------------------------------------------------------------ 接口密钥 */

const API_KEYS_KEY = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({
    queryKey: API_KEYS_KEY,
    queryFn: async () => (await api.get<ApiKeyList>('/api/api-keys')).items,
  });
}

function useApiKeyMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>, silent = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silent },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY }),
  });
}

/** POST /api/api-keys: the answer carries the plaintext `key`, this once only. */
export const useCreateApiKey = () =>
  useApiKeyMutation((input: CreateApiKeyBody) => api.post<CreatedApiKey>('/api/api-keys', input), true);

export const useRevokeApiKey = () =>
  useApiKeyMutation((id: string) => api.post<ApiKeyView>(`/api/api-keys/${id}/revoke`));
