import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxView, MarkedRead } from '@gewu/domain';
import { api } from '../../app/api.ts';

export type { NotificationView } from '@gewu/domain';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useNotifications(unreadOnly = false) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, { unreadOnly }],
    queryFn: () =>
      api.get<InboxView>('/api/notifications', {
        limit: 100,
        unreadOnly: unreadOnly ? 'true' : undefined,
      }),
  });
}

/** Just the unread count (the header bell): one row is enough to get it. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: async () => (await api.get<InboxView>('/api/notifications', { limit: 1 })).unread,
    enabled,
    meta: { silent: true },
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[] | 'all') => api.post<MarkedRead>('/api/notifications/read', { ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
