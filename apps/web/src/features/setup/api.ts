import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DepartmentKind, TimeLimitUnit, UserView, WorkCalendar } from '@gewu/domain';
import { api, type Page } from '../../app/api.ts';

/* ------------------------------------------------------------------ 工作日历 */

/** GET /api/calendar: the calendar deadlines are counted on, and who changed it last. */
export interface CalendarView {
  calendar: WorkCalendar;
  /** True while no admin has saved one: the built-in township calendar is in force. */
  isDefault: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}

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

export interface DeadlineQuery {
  /** ISO instant. */
  start: string;
  amount: number;
  unit: TimeLimitUnit;
}

export interface DeadlineView extends DeadlineQuery {
  deadline: string;
}

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

export interface UnitView {
  id: string;
  regionId: string;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  kind: string;
  kindLabel: string;
  name: string;
  /** Handler accounts that belong to the unit. */
  members: number;
  createdAt: string;
  retiredAt: string | null;
}

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
        await api.get<{ items: UnitView[] }>('/api/units', {
          kind: filter.kind,
          regionId: filter.regionId,
          includeRetired: filter.includeRetired ? 'true' : undefined,
        })
      ).items,
    placeholderData: keepPreviousData,
  });
}

export interface CreateUnitInput {
  regionId: string;
  kind: DepartmentKind;
  name: string;
}

export interface UpdateUnitInput {
  name?: string;
  kind?: DepartmentKind;
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
  useUnitMutation((input: CreateUnitInput) => api.post<UnitView>('/api/units', input), true);

export const useUpdateUnit = () =>
  useUnitMutation(
    ({ id, ...body }: UpdateUnitInput & { id: string }) => api.patch<UnitView>(`/api/units/${id}`, body),
    true,
  );

export const useRetireUnit = () => useUnitMutation((id: string) => api.post<UnitView>(`/api/units/${id}/retire`));

export interface UserUnitView {
  userId: string;
  username: string;
  displayName: string;
  unitId: string | null;
  unitName: string | null;
}

/** PUT /api/users/:id/unit — puts a handler account into a unit, or takes it out (null). */
export const useSetUserUnit = () =>
  useUnitMutation(
    ({ userId, unitId }: { userId: string; unitId: string | null }) =>
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

export const API_KEY_SOURCES = ['video', 'sensor', 'hotline_12345', 'open311', 'other'] as const;
export type ApiKeySource = (typeof API_KEY_SOURCES)[number];

export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters ('gw_…'), to tell keys apart; never the key itself. */
  prefix: string;
  regionId: string;
  regionCode: string;
  regionName: string;
  source: ApiKeySource;
  ratePerMinute: number;
  createdByName: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface CreateApiKeyInput {
  name: string;
  regionId: string;
  source: ApiKeySource;
  ratePerMinute?: number;
}

const API_KEYS_KEY = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({
    queryKey: API_KEYS_KEY,
    queryFn: async () => (await api.get<{ items: ApiKeyView[] }>('/api/api-keys')).items,
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
  useApiKeyMutation((input: CreateApiKeyInput) => api.post<ApiKeyView & { key: string }>('/api/api-keys', input), true);

export const useRevokeApiKey = () =>
  useApiKeyMutation((id: string) => api.post<ApiKeyView>(`/api/api-keys/${id}/revoke`));
