import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type FieldVisitPage, type VisitLinked, type VisitPlanView, maskName } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { MOBILE_KEY, useCachedQuery } from '../api.ts';
import { useOutbox } from '../offline/useOutbox.tsx';
import { type QueuedVisit, visitOutbox } from './visitQueue.ts';

/**
 * The grid worker's visit plans, most urgent first; the last answer cached on the device for offline, the
 * names masked before they are kept (the page shows them masked anyway).
 */
export function useVisitPlans(userId: string) {
  return useCachedQuery(`visitPlans.${userId}`, [...MOBILE_KEY, 'visitPlans', userId], async () => {
    const page = await api.get<{ items: VisitPlanView[]; total: number }>('/api/visit-plans', { pageSize: 200 });
    return { ...page, items: page.items.map((p) => ({ ...p, residentName: maskName(p.residentName) })) };
  });
}

/** A visit the server has with findings not yet dealt with there: one tap from a case. */
export interface SentVisit {
  id: string;
  label: string;
  findings: string;
  visitedAt: string;
  caseId: string | null;
}

const SENT_KEY = [...MOBILE_KEY, 'visitsSent'] as const;

/** The worker's own visits with findings, newest first — asked of the server, never kept on the device. */
export function useSentVisits() {
  const { t } = useTranslation();
  return useQuery({
    queryKey: SENT_KEY,
    queryFn: async (): Promise<SentVisit[]> => {
      const page = await api.get<FieldVisitPage>('/api/visits', { mine: 'true', withFindings: 'true', pageSize: 20 });
      return page.items.map((v) => ({
        id: v.id,
        label: v.residentName
          ? maskName(v.residentName)
          : (v.organisationName ?? v.houseAddress ?? t(`mobile.visits.kinds.${v.kind}`)),
        findings: v.findings ?? '',
        visitedAt: v.visitedAt,
        caseId: v.caseId,
      }));
    },
    meta: { silent: true },
  });
}

/**
 * The visits waiting on the device. The app-wide outbox sends them (on start, on `online`, every 30 s,
 * whatever page is open); `sync` asks it now.
 */
export function useVisitOutbox(userId: string) {
  const [queued, setQueued] = useState<QueuedVisit[]>([]);
  const { syncAll } = useOutbox();
  useEffect(() => {
    const refresh = () => void visitOutbox.list(userId).then(setQueued, () => setQueued([]));
    refresh();
    return visitOutbox.subscribe(refresh);
  }, [userId]);
  return { queued, sync: syncAll };
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
export function useVisitToCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, itemCode }: { id: string; itemCode: string }) => {
      const location = await here();
      return api.post<VisitLinked>(`/api/visits/${id}/case`, { itemCode, ...(location ? { location } : {}) });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: SENT_KEY }),
  });
}
