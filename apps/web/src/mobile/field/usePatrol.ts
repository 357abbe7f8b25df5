import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PATROL_RULES, type TrackPoint } from '@gewu/domain';
import { idbStore, withFallback } from '../offline/idbStore.ts';
import { useOutbox } from '../offline/useOutbox.tsx';
import { patrolOutbox as queue } from './patrolOutbox.ts';
import type { PatrolOp } from './patrolQueue.ts';
import { deviceKey, keepFix, takeBatches, uuid, type DevicePatrol } from './patrolTrack.ts';

const states = withFallback(idbStore<DevicePatrol>('gewu-patrol', 'state'));

/**
 * The patrol on this phone: start, the track recorded from watchPosition (one fix about every 10 s,
 * batches of 60 queued as they fill), check-ins, end — all through the patrol outbox, which the app-wide
 * outbox sends in order whatever page is open.
 */
export function usePatrol(userId: string) {
  const [patrol, setPatrol] = useState<DevicePatrol | null | undefined>(undefined);
  const [ops, setOps] = useState<PatrolOp[]>([]);
  const [fix, setFix] = useState<TrackPoint | null>(null);
  const [geoError, setGeoError] = useState<string | null>(null);
  const current = useRef<DevicePatrol | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const refreshOps = useCallback(() => void queue.list(userId).then(setOps), [userId]);
  // The app-wide outbox sends the operations (on start, on `online`, every 30 s): asked here after each.
  const { syncAll } = useOutbox();
  const sync = useCallback(() => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    void syncAll();
  }, [syncAll]);

  /** Changes the device's patrol one change at a time (fixes arrive while a batch is being queued). */
  const mutate = useCallback(
    (change: (p: DevicePatrol | null) => Promise<DevicePatrol | null>) => {
      const run = chain.current.then(async () => {
        const next = await change(current.current);
        current.current = next;
        if (next) await states.put(next);
        else await states.remove(deviceKey(userId));
        setPatrol(next);
      });
      chain.current = run.catch(() => undefined);
      return run;
    },
    [userId],
  );

  const queueBatches = async (p: DevicePatrol, all: boolean): Promise<DevicePatrol> => {
    let next = p;
    for (const b of takeBatches(p, all)) {
      await queue.enqueue(userId, { kind: 'points', patrolId: p.patrolId, seq: b.seq, points: b.points });
      next = { ...next, batched: next.batched + b.points.length, nextSeq: b.seq + 1 };
    }
    return next;
  };

  useEffect(() => {
    void states.get(deviceKey(userId)).then((p) => {
      current.current = p ?? null;
      setPatrol(p ?? null);
    });
    refreshOps();
    return queue.subscribe(refreshOps);
  }, [userId, refreshOps]);

  const recording = !!patrol && patrol.endedAt === null;
  useEffect(() => {
    if (!recording || !navigator.geolocation) return;
    const intervalMs = PATROL_RULES.intervalSeconds * 1000;
    const watch = navigator.geolocation.watchPosition(
      (pos) => {
        const point = { t: Date.now(), lon: pos.coords.longitude, lat: pos.coords.latitude, acc: pos.coords.accuracy };
        setFix(point);
        setGeoError(null);
        void mutate(async (p) => {
          if (!p || p.endedAt !== null) return p;
          const kept = keepFix(p.points.at(-1), point, intervalMs);
          if (!kept) return p;
          const next = await queueBatches({ ...p, points: [...p.points, kept] }, false);
          if (next.nextSeq !== p.nextSeq) sync();
          return next;
        });
      },
      (err) => setGeoError(err.message || String(err.code)),
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one watch per patrol
  }, [recording, mutate, sync]);

  const start = () =>
    mutate(async (p) => {
      if (p && p.endedAt === null) return p;
      const started: DevicePatrol = {
        id: deviceKey(userId),
        userId,
        patrolId: uuid(),
        startedAt: Date.now(),
        endedAt: null,
        points: [],
        batched: 0,
        nextSeq: 0,
        checkins: [],
      };
      await queue.enqueue(userId, { kind: 'start', patrolId: started.patrolId, startedAt: started.startedAt });
      return started;
    }).then(sync);

  const end = () =>
    mutate(async (p) => {
      if (!p || p.endedAt !== null) return p;
      const next = await queueBatches(p, true);
      const endedAt = Math.max(Date.now(), p.points.at(-1)?.t ?? 0);
      await queue.enqueue(userId, { kind: 'end', patrolId: p.patrolId, endedAt });
      return { ...next, endedAt };
    }).then(sync);

  const checkIn = (place: { id: string; name: string }) =>
    mutate(async (p) => {
      if (!p || p.endedAt !== null || !fix) return p;
      const t = Math.max(Date.now(), p.startedAt);
      const checkin = { id: uuid(), placeId: place.id, t, lon: fix.lon, lat: fix.lat, acc: Math.round(fix.acc) };
      await queue.enqueue(userId, { kind: 'checkin', patrolId: p.patrolId, checkin, placeName: place.name });
      return { ...p, checkins: [...p.checkins, { placeId: place.id, placeName: place.name, t }] };
    }).then(sync);

  const forget = (id: string) => void queue.remove(id);

  const pending = useMemo(() => {
    const queued = ops.filter((o) => o.kind === 'points' && o.status === 'pending');
    const unbatched = patrol ? patrol.points.length - patrol.batched : 0;
    const points = unbatched + queued.reduce((n, o) => n + (o.kind === 'points' ? o.points.length : 0), 0);
    return { points, batches: queued.length, ops: ops.filter((o) => o.status === 'pending').length };
  }, [ops, patrol]);

  return { patrol, ops, fix, geoError, pending, start, end, checkIn, forget };
}
