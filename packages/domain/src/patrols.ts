import type { KeyPlaceKind } from './places.ts';

export type { KeyPlaceKind };

/*
 * Patrols (巡查): a grid worker's track — time, position, accuracy — uploaded in batches, and the one
 * reading of it (gaps, impossible speeds, distance, time on track) that the server, the figures and the
 * phone share. Zod-free: the phone imports it (schemas are in patrols-contracts.ts).
 */

/** One fix of a track: `t` ms since the epoch (UTC), WGS84 lon/lat in degrees, `acc` accuracy radius in metres. */
export type TrackPoint = { t: number; lon: number; lat: number; acc: number };

/**
 * The track rules, each a number in one place (local practice, editable: no national standard fixes them).
 * - `intervalSeconds`: the phone records a point every 10 s.
 * - `gapSeconds`: more than 120 s between two fixes (12 missed points) is a gap — no signal or the app
 *   stopped; the step is never drawn, nor counted as distance or time on patrol.
 * - `maxSpeedMps`: 50 m/s = 180 km/h, above any car on an urban or township road (expressway limit
 *   120 km/h, 《道路交通安全法实施条例》 art. 78) and far above walking (1.4 m/s) or an e-bike (25 km/h,
 *   GB 17761-2018): a faster step is a GPS jump — kept and flagged, never counted.
 * - `futureSkewMs`: a point may lie at most 2 min after the server's clock (phone clock drift).
 * - `batchMax`: at most 600 points (100 min at one per 10 s) per upload; the phone sends 60.
 */
export const PATROL_RULES = {
  intervalSeconds: 10,
  gapSeconds: 120,
  maxSpeedMps: 50,
  futureSkewMs: 120_000,
  batchMax: 600,
  batchSize: 60,
  coverageRadiusM: 50,
  accuracyMaxM: 10_000,
} as const;

/** Plausible coordinates: China's extent with a margin (73.5°–135.1° E, 3.8°–53.6° N). */
export const CHINA_BOUNDS = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 } as const;

/** Earth radius (m) of the sphere @turf/area and @gewu/geo use. */
const R = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type BatchProblem = { code: 'out_of_order' | 'future_point'; index: number };

/**
 * Why a batch is refused (null: accepted). Times must rise strictly (a repeated or earlier time is
 * out of order) and no point may lie more than `futureSkewMs` after `now`.
 */
export function batchProblem(points: readonly TrackPoint[], now: number): BatchProblem | null {
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (i > 0 && p.t <= points[i - 1]!.t) return { code: 'out_of_order', index: i };
    if (p.t > now + PATROL_RULES.futureSkewMs) return { code: 'future_point', index: i };
  }
  return null;
}

/** How a step between two consecutive fixes counts: drawn and counted, a gap, or a flagged jump. */
export type StepKind = 'ok' | 'gap' | 'flagged';

export function stepKind(a: TrackPoint, b: TrackPoint): StepKind {
  const dt = (b.t - a.t) / 1000;
  if (dt > PATROL_RULES.gapSeconds) return 'gap';
  return distanceM(a, b) > PATROL_RULES.maxSpeedMps * dt ? 'flagged' : 'ok';
}

/** Steps of a batch implying more than `maxSpeedMps` (stored on the segment as its flag count). */
export function flaggedSteps(points: readonly TrackPoint[]): number {
  let n = 0;
  for (let i = 1; i < points.length; i++) if (stepKind(points[i - 1]!, points[i]!) === 'flagged') n++;
  return n;
}

export type TrackSummary = {
  points: number;
  /** First and last fix (ms epoch), null without points. */
  firstT: number | null;
  lastT: number | null;
  /** Seconds on track: the sum of steps that are not gaps (flagged steps included: the phone was recording). */
  onTrackSeconds: number;
  /** Metres walked: haversine over steps neither gaps nor flagged. */
  distanceM: number;
  gaps: number;
  flagged: number;
};

export type TrackReading = TrackSummary & {
  /** The lines to draw: consecutive fixes joined only by `ok` steps (a gap or a jump starts a new line). */
  lines: TrackPoint[][];
  /** The flagged jumps, for the reviewer: when, and the speed implied. */
  jumps: { t: number; speedMps: number }[];
};

/**
 * Reads a whole track (all batches, in any order; joined by time — the gap rule applies across
 * batches as within them). Points are expected strictly increasing within each batch.
 */
export function readTrack(batches: readonly (readonly TrackPoint[])[]): TrackReading {
  const all = batches.flat().sort((a, b) => a.t - b.t);
  const out: TrackReading = {
    points: all.length,
    firstT: all[0]?.t ?? null,
    lastT: all.at(-1)?.t ?? null,
    onTrackSeconds: 0,
    distanceM: 0,
    gaps: 0,
    flagged: 0,
    lines: [],
    jumps: [],
  };
  let line: TrackPoint[] = [];
  for (let i = 0; i < all.length; i++) {
    const b = all[i]!;
    const a = all[i - 1];
    const kind = a ? stepKind(a, b) : 'gap';
    if (a && kind !== 'gap') out.onTrackSeconds += (b.t - a.t) / 1000;
    if (a && kind === 'ok') out.distanceM += distanceM(a, b);
    if (a && kind === 'gap') out.gaps++;
    if (a && kind === 'flagged') {
      out.flagged++;
      out.jumps.push({ t: b.t, speedMps: Math.round(distanceM(a, b) / ((b.t - a.t) / 1000)) });
    }
    if (kind !== 'ok') {
      if (line.length) out.lines.push(line);
      line = [];
    }
    line.push(b);
  }
  if (line.length) out.lines.push(line);
  return out;
}

/**
 * Default check-in radius (m) by key-place kind, used when the place has none of its own (key_places.radius_m).
 * Local practice, editable: large sites (hospitals, markets, stations, venues) get more room than a
 * school gate; all stay above a phone's usual 10–30 m accuracy in town.
 */
export const CHECKIN_RADIUS_M: Record<KeyPlaceKind, number> = {
  school: 100,
  hospital: 150,
  market: 150,
  station: 200,
  hazardous: 100,
  venue: 150,
  religious: 100,
  other: 100,
};

/**
 * The bounds of a place's own check-in radius (key_places.radius_m, set by the township centre or the
 * county admin). Local practice, editable: below 20 m a check-in would fail on a phone's usual 10–30 m
 * accuracy in town; above 500 m (a large station or hospital campus) it no longer shows the worker was
 * at the place.
 */
export const CHECKIN_RADIUS_LIMITS = { minM: 20, maxM: 500 } as const;

/** Why a place's own radius is refused (null: accepted; `null` radius means back to the kind's default). */
export function checkinRadiusProblem(radiusM: number | null): 'out_of_range' | null {
  if (radiusM === null) return null;
  return Number.isInteger(radiusM) && radiusM >= CHECKIN_RADIUS_LIMITS.minM && radiusM <= CHECKIN_RADIUS_LIMITS.maxM
    ? null
    : 'out_of_range';
}

/** The radius a check-in at a place must fall within. */
export function checkinRadiusM(kind: KeyPlaceKind, ownRadiusM: number | null): number {
  return ownRadiusM ?? CHECKIN_RADIUS_M[kind];
}

/** A check-in's distance to the place (rounded to the metre) and whether it is accepted (within the radius). */
export function checkinAt(
  place: { lon: number; lat: number; kind: KeyPlaceKind; radiusM: number | null },
  at: { lon: number; lat: number },
): { distanceM: number; radiusM: number; accepted: boolean } {
  const d = Math.round(distanceM(place, at));
  const radiusM = checkinRadiusM(place.kind, place.radiusM);
  return { distanceM: d, radiusM, accepted: d <= radiusM };
}
