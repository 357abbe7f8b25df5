import { CHINA_BOUNDS, PATROL_RULES, type TrackPoint } from '@gewu/domain';

/**
 * The patrol on this phone (巡查), kept in IndexedDB as it goes: its points, how many are already
 * in batches queued for upload, its check-ins. Pure helpers here; the hook is usePatrol.ts.
 */
export interface DevicePatrol {
  /** `current:<userId>`: one patrol on the device per user. */
  id: string;
  userId: string;
  patrolId: string;
  startedAt: number;
  endedAt: number | null;
  points: TrackPoint[];
  /** Points already put into queued batches (the first `batched` of `points`). */
  batched: number;
  /** The next batch's sequence number (0, 1, …). */
  nextSeq: number;
  checkins: { placeId: string; placeName: string; t: number }[];
}

export const deviceKey = (userId: string) => `current:${userId}`;

/** A v4 UUID, also outside secure contexts (crypto.randomUUID needs HTTPS or localhost). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The fix to keep, or null: one about every `intervalMs` (10 s), strictly after the last kept one,
 * inside China's extent and with an accuracy the server accepts (else the whole batch would be refused).
 */
export function keepFix(last: TrackPoint | undefined, fix: TrackPoint, intervalMs: number): TrackPoint | null {
  const B = CHINA_BOUNDS;
  if (fix.lon < B.minLon || fix.lon > B.maxLon || fix.lat < B.minLat || fix.lat > B.maxLat) return null;
  if (!(fix.acc >= 0) || fix.acc > PATROL_RULES.accuracyMaxM) return null;
  const t = Math.round(fix.t);
  if (last && t < last.t + intervalMs) return null;
  return { ...fix, t, acc: Math.round(fix.acc * 10) / 10 };
}

/** The batches ready to queue: full ones while recording, the rest too once `all` (the patrol ends). */
export function takeBatches(p: DevicePatrol, all: boolean): { seq: number; points: TrackPoint[] }[] {
  const out: { seq: number; points: TrackPoint[] }[] = [];
  let from = p.batched;
  let seq = p.nextSeq;
  const size = PATROL_RULES.batchSize;
  while (p.points.length - from >= size || (all && p.points.length > from)) {
    const points = p.points.slice(from, from + size);
    out.push({ seq: seq++, points });
    from += points.length;
  }
  return out;
}

/** `h:mm:ss` of a number of seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${mm}:${String(s % 60).padStart(2, '0')}`;
}
