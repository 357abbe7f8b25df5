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
    void visitOutbox.list(userId).then((q) => {
      setQueued(q);
      setSent(sentVisits(userId));
    });
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

/** Where the phone is now, or nothing when it cannot tell within 10 s (the server then asks for a place). */
function here(): Promise<{ lon: number; lat: number } | undefined> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve(undefined);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude }),
      () => resolve(undefined),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  });
}

/** 转为案件: the visit's findings reported as a case where the phone is (idempotent on the server). */
export function useVisitToCase(userId: string) {
  return useMutation({
    mutationFn: async ({ id, itemCode }: { id: string; itemCode: string }) => {
      const location = await here();
      return api.post<VisitLinked>(`/api/visits/${id}/case`, { itemCode, ...(location ? { location } : {}) });
    },
    onSuccess: (linked) =>
      saveSent(
        userId,
        sentVisits(userId).map((v) => (v.id === linked.visitId ? { ...v, caseCode: linked.code } : v)),
      ),
  });
}
