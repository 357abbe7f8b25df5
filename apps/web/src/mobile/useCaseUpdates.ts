import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CASES_KEY } from './api.ts';

/**
 * Live updates (SSE `/api/notifications/stream`): a notification about a case (accepted,
 * dispatched, fed back, closed …) re-reads the lists and that case. EventSource reconnects by
 * itself after a dead zone; a stream the server closed (session gone) is reopened when the
 * browser comes back online.
 */
export function useCaseUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    const onNotification = (e: MessageEvent<string>) => {
      let caseId: unknown;
      try {
        caseId = (JSON.parse(e.data) as { caseId?: unknown }).caseId;
      } catch {
        return;
      }
      void queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] });
      // A dispute's notice (assigned, agreed …) refreshes the mediator's lists (features/disputes DISPUTES_KEY).
      void queryClient.invalidateQueries({ queryKey: ['disputes', 'list'] });
      if (typeof caseId === 'string')
        void queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'detail', caseId] });
    };
    const open = () => {
      if (source && source.readyState !== EventSource.CLOSED) return;
      source?.close();
      source = new EventSource('/api/notifications/stream');
      source.addEventListener('notification', onNotification);
    };
    open();
    window.addEventListener('online', open);
    return () => {
      window.removeEventListener('online', open);
      source?.close();
    };
  }, [queryClient]);
}
