import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { VisitLinked, VisitPlanView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { MOBILE_KEY, useCachedQuery } from '../api.ts';
import { useOutbox } from '../offline/useOutbox.tsx';
import { type QueuedVisit, type SentVisit, saveSent, sentVisits, subscribeSent, visitOutbox } from './visitQueue.ts';

/** The grid worker's visit plans, most urgent first; the last answer cached on the device for offline. */
export function useVisitPlans(userId: string) {
  return useCachedQuery(`visitPlans.${userId}`, [...MOBILE_KEY, 'visitPlans', userId], () =>
    api.get<{ items: VisitPlanView[]; total: number }>('/api/visit-plans', { pageSize: 200 }),
  );
}

/**
 * The visits waiting on the device and the ones sent with findings. The app-wide outbox sends them (on
 * start, on `online`, every 30 s, whatever page is open); `sync` asks it now.
 */
export function useVisitOutbox(userId: string) {
  const [queued, setQueued] = useState<QueuedVisit[]>([]);
  const [sent, setSent] = useState<SentVisit[]>(() => sentVisits(userId));
  const { syncAll } = useOutbox();
  useEffect(() => {
    const refresh = () => {
      void visitOutbox.list(userId).then(setQueued, () => setQueued([]));
      setSent(sentVisits(userId));
    };
    refresh();
    const offQueue = visitOutbox.subscribe(refresh);
    const offSent = subscribeSent(refresh);
    return () => {
      offQueue();
      offSent();
    };
  }, [userId]);
  return { queued, sent, sync: syncAll };
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
