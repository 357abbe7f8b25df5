import { useEffect, useEffectEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CASES_KEY } from '../cases/api.ts';
import { NOTIFICATIONS_KEY, type NotificationView } from './api.ts';

const RECONNECT_MS = 30_000;

/**
 * Listens to GET /api/notifications/stream (Server-Sent Events). Each new notification refreshes
 * the inbox, the unread count and every case list or detail (the notification is about a case
 * that just moved), then goes to `onNotification`. The browser reconnects by itself after a
 * network drop; when the server refuses the stream (a restart, an expired session) it stops, so
 * this tries again later.
 */
export function useNotificationStream(enabled: boolean, onNotification: (n: NotificationView) => void) {
  const queryClient = useQueryClient();
  const [attempt, setAttempt] = useState(0);
  const announce = useEffectEvent((n: NotificationView) => onNotification(n));

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream', { withCredentials: true });
    let retry: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
      void queryClient.invalidateQueries({ queryKey: CASES_KEY });
    };
    // (Re)connected: whatever arrived while disconnected is only in the inbox, so re-read it.
    source.addEventListener('ready', () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }));
    source.addEventListener('notification', (ev: MessageEvent<string>) => {
      refresh();
      try {
        announce(JSON.parse(ev.data) as NotificationView);
      } catch {
        // a malformed event: the refreshed inbox shows it anyway
      }
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED && !retry)
        retry = setTimeout(() => setAttempt((a) => a + 1), RECONNECT_MS);
    });
    return () => {
      if (retry) clearTimeout(retry);
      source.close();
    };
  }, [enabled, attempt, queryClient]);
}
