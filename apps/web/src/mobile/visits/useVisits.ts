import { useCallback, useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { VisitLinked, VisitPlanView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { MOBILE_KEY, useCachedQuery } from '../api.ts';
import { type QueuedVisit, type SentVisit, saveSent, sentVisits, visitOutbox } from './visitQueue.ts';

/** The grid worker's visit plans, most urgent first; the last answer cached on the device for offline. */
export function useVisitPlans(userId: string) {
  return useCachedQuery(`visitPlans.${userId}`, [...MOBILE_KEY, 'visitPlans', userId], () =>
    api.get<{ items: VisitPlanView[]; total: number }>('/api/visit-plans', { pageSize: 200 }),
  );
}

/**
 * The visits waiting on the device and the ones sent with findings; sends on open, when the browser
 * comes back online and every 30 s while anything waits.
 */
export function useVisitOutbox(userId: string, onSent: () => void) {
  const [queued, setQueued] = useState<QueuedVisit[]>([]);
  const [sent, setSent] = useState<SentVisit[]>(() => sentVisits(userId));
  const refresh = useCallback(() => {
    void visitOutbox.list(userId).then(setQueued);
    setSent(sentVisits(userId));
  }, [userId]);
  const sync = useCallback(() => {
    if (!navigator.onLine) return;
    void visitOutbox
      .sync(userId)
      .then((n) => n > 0 && onSent())
      .catch(() => undefined);
  }, [userId, onSent]);
  useEffect(() => {
    refresh();
    sync();
    const off = visitOutbox.subscribe(refresh);
    window.addEventListener('online', sync);
    const timer = window.setInterval(sync, 30_000);
    return () => {
      off();
      window.removeEventListener('online', sync);
      window.clearInterval(timer);
    };
  }, [refresh, sync]);
  return { queued, sent, sync };
}

/** 转为案件: the visit's findings reported as a case (idempotent on the server). */
export function useVisitToCase(userId: string) {
  return useMutation({
    mutationFn: ({ id, itemCode }: { id: string; itemCode: string }) =>
      api.post<VisitLinked>(`/api/visits/${id}/case`, { itemCode }),
    onSuccess: (linked) =>
      saveSent(
        userId,
        sentVisits(userId).map((v) => (v.id === linked.visitId ? { ...v, caseCode: linked.code } : v)),
      ),
  });
}
