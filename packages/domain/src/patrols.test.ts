import { describe, expect, it } from 'vitest';
import {
  NORM_7362,
  PATROL_RULES,
  type TrackPoint,
  batchProblem,
  checkinAt,
  checkinRadiusProblem,
  distanceM,
  dutyNormProblem,
  normAt,
  normOfSetting,
  flaggedSteps,
  readTrack,
  periodCompliance,
  scoreWeek,
  weeksWithin,
  stepKind,
  weekOf,
} from './index.ts';

// On the equator one degree of longitude is 6,371,008.8 × π / 180 = 111,195.08 m, so 0.0001° = 11.1195 m.
const p = (s: number, lon: number, lat = 0): TrackPoint => ({ t: s * 1000, lon, lat, acc: 10 });

describe('distance (haversine, hand values)', () => {
  it('0.001° of longitude on the equator is 111.195 m; 0.001° of latitude anywhere the same', () => {
    expect(distanceM({ lon: 0, lat: 0 }, { lon: 0.001, lat: 0 })).toBeCloseTo(111.195, 2);
    expect(distanceM({ lon: 113.6, lat: 34.75 }, { lon: 113.6, lat: 34.751 })).toBeCloseTo(111.195, 2);
  });
});

describe('batch validation', () => {
  const now = 1_800_000_000_000;
  it('times must rise strictly: a repeated time is out of order at its index', () => {
    expect(batchProblem([p(1, 0), p(2, 0), p(2, 0)], now)).toEqual({ code: 'out_of_order', index: 2 });
    expect(batchProblem([p(5, 0), p(4, 0)], now)).toEqual({ code: 'out_of_order', index: 1 });
  });
  it('2 min of clock skew is allowed, one ms more is a future point', () => {
    expect(batchProblem([{ t: now + 120_000, lon: 0, lat: 0, acc: 5 }], now)).toBeNull();
    expect(batchProblem([{ t: now + 120_001, lon: 0, lat: 0, acc: 5 }], now)).toEqual({
      code: 'future_point',
      index: 0,
    });
  });
  it('the batch limit is 600 points, 60 sent', () => {
    expect(PATROL_RULES.batchMax).toBe(600);
    expect(PATROL_RULES.batchSize).toBe(60);
  });
});

describe('steps', () => {
  it('11 m in 10 s is a walk; 120 s apart still joined, 121 s a gap', () => {
    expect(stepKind(p(0, 0), p(10, 0.0001))).toBe('ok');
    expect(stepKind(p(0, 0), p(120, 0.0001))).toBe('ok');
    expect(stepKind(p(0, 0), p(121, 0.0001))).toBe('gap');
  });
  it('10 km in a second is flagged; 0.0045° (500.4 m) in 10 s = 50.04 m/s flagged, 0.0044° (489.3 m) not', () => {
    expect(stepKind(p(0, 0), p(1, 0.09))).toBe('flagged');
    expect(stepKind(p(0, 0), p(10, 0.0045))).toBe('flagged');
    expect(stepKind(p(0, 0), p(10, 0.0044))).toBe('ok');
    expect(flaggedSteps([p(0, 0), p(1, 0.09), p(2, 0.0901)])).toBe(1);
  });
});

describe('readTrack: gaps kept, jumps flagged (hand table)', () => {
  // Batch 1: 0, 10, 20 s walking east 11.1195 m a step. Batch 2: 30 s (joined across batches), then
  // nothing until 200 s (a gap of 170 s), a jump to 0.0905° at 210 s (10,018.7 m in 10 s), a step at 220 s.
  const r = readTrack([
    [p(200, 0.0004), p(210, 0.0905), p(220, 0.0906)],
    [p(0, 0), p(10, 0.0001), p(20, 0.0002), p(30, 0.0003)],
  ]);
  it('counts', () => {
    expect(r.points).toBe(7);
    expect(r.gaps).toBe(1);
    expect(r.flagged).toBe(1);
    expect(r.firstT).toBe(0);
    expect(r.lastT).toBe(220_000);
  });
  it('on track 50 s (3 walked steps + the flagged step + 1 step; the 170 s gap not counted)', () => {
    expect(r.onTrackSeconds).toBe(50);
  });
  it('distance 4 × 11.1195 = 44.478 m (the gap and the jump left out)', () => {
    expect(r.distanceM).toBeCloseTo(44.478, 2);
  });
  it('lines split at the gap and the jump: 4, 1 and 2 points; the jump shown at 1002 m/s', () => {
    expect(r.lines.map((l) => l.length)).toEqual([4, 1, 2]);
    expect(r.jumps).toEqual([{ t: 210_000, speedMps: 1002 }]);
  });
  it('an empty track', () => {
    expect(readTrack([])).toMatchObject({ points: 0, firstT: null, onTrackSeconds: 0, distanceM: 0, lines: [] });
  });
});

describe('check-in radius', () => {
  const school = { lon: 113.6, lat: 34.75, kind: 'school' as const, radiusM: null };
  it('a school: 100 m by default; 0.0008° north = 89 m accepted, 0.00095° = 106 m refused', () => {
    expect(checkinAt(school, { lon: 113.6, lat: 34.7508 })).toEqual({ distanceM: 89, radiusM: 100, accepted: true });
    expect(checkinAt(school, { lon: 113.6, lat: 34.75095 })).toEqual({
      distanceM: 106,
      radiusM: 100,
      accepted: false,
    });
  });
  it("the place's own radius wins: 50 m refuses 89 m; a station's default is 200 m", () => {
    expect(checkinAt({ ...school, radiusM: 50 }, { lon: 113.6, lat: 34.7508 }).accepted).toBe(false);
    expect(checkinAt({ ...school, kind: 'station' }, { lon: 113.6, lat: 34.75095 }).accepted).toBe(true);
  });
});

describe('duty norm 7362 (hand table)', () => {
  const full = { patrols: 3, onTrackSeconds: 21_600, reports: 2 };
  const week = weekOf('2026-12-04');
  it('the week of Friday 2026-12-04 runs Monday 11-30 to Sunday 12-06, across the month end', () => {
    expect(week).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weekOf('2026-12-06')[0]).toBe('2026-11-30');
    expect(weekOf('2026-11-30')[6]).toBe('2026-12-06');
  });
  it('4 of 7 days met: one second short of 6 h, 2 patrols, 1 report each fail the day', () => {
    const s = scoreWeek(NORM_7362, [
      { day: week[0]!, ...full },
      { day: week[1]!, ...full, onTrackSeconds: 21_599 },
      { day: week[2]!, ...full, patrols: 2 },
      { day: week[3]!, ...full, reports: 1 },
      { day: week[4]!, ...full },
      { day: week[5]!, ...full },
      { day: week[6]!, patrols: 4, onTrackSeconds: 30_000, reports: 5 },
    ]);
    expect(s.days.map((d) => d.met)).toEqual([true, false, false, false, true, true, true]);
    expect(s.days[1]).toMatchObject({ hours: 5.99, hoursMet: false, patrolsMet: true, reportsMet: true });
    expect(s.daysMet).toBe(4);
    expect(s.daysRequired).toBe(7);
    expect(s.share).toBeCloseTo(4 / 7, 6);
    expect(s.compliant).toBe(false);
  });
  it('a full week is compliant', () => {
    const s = scoreWeek(
      NORM_7362,
      week.map((day) => ({ day, ...full })),
    );
    expect(s).toMatchObject({ daysMet: 7, share: 1, compliant: true });
  });
});

describe('a key place’s own check-in radius', () => {
  it('is 20–500 whole metres, or null for the kind default', () => {
    expect(checkinRadiusProblem(null)).toBeNull();
    expect(checkinRadiusProblem(20)).toBeNull();
    expect(checkinRadiusProblem(500)).toBeNull();
    expect(checkinRadiusProblem(19)).toBe('out_of_range');
    expect(checkinRadiusProblem(501)).toBe('out_of_range');
    expect(checkinRadiusProblem(50.5)).toBe('out_of_range');
    // A place's own radius replaces the kind's default: a school (100 m) set to 60 m refuses 80 m.
    const school = { lon: 113.7, lat: 34.74, kind: 'school' as const };
    const at80m = { lon: 113.7, lat: 34.74 + 80 / 111_195 };
    expect(checkinAt({ ...school, radiusM: null }, at80m)).toEqual({ distanceM: 80, radiusM: 100, accepted: true });
    expect(checkinAt({ ...school, radiusM: 60 }, at80m)).toEqual({ distanceM: 80, radiusM: 60, accepted: false });
  });
});

describe("a region's duty norm (patrols-norm.ts)", () => {
  const custom = (regionPath: string, daysPerWeek: number) => ({
    regionPath,
    normId: 'custom',
    name: `标准${daysPerWeek}`,
    daysPerWeek,
    patrolsPerDay: 2,
    hoursPerDay: 4,
    reportsPerDay: 1,
  });
  const province = custom('/41/', 6);
  const county = custom('/41/4101/410104/', 5);
  it('the nearest ancestor’s setting applies; none: 7362', () => {
    const table: [string, readonly (typeof county)[], string | null, number][] = [
      ['/41/4101/410104/410104001/', [province, county], '/41/4101/410104/', 5],
      ['/41/4101/410105/410105001/', [province, county], '/41/', 6],
      ['/41/4101/410104/410104001/', [county, province], '/41/4101/410104/', 5],
      ['/42/4201/', [province, county], null, 7],
      ['/41/4101/410104/410104001/', [], null, 7],
    ];
    for (const [path, settings, setAt, days] of table) {
      const r = normAt(settings, path);
      expect([r.setAt, r.norm.daysPerWeek], path).toEqual([setAt, days]);
    }
    // A region naming a defined norm gets that norm's own figures.
    expect(normAt([{ ...county, normId: 'gd-7362' }], '/41/4101/410104/1/').norm).toEqual(NORM_7362);
  });
  it('own figures within 1–7 days, 1–10 patrols, 0.5–12 h by the half hour, 0–10 reports', () => {
    const ok = { daysPerWeek: 5, patrolsPerDay: 2, hoursPerDay: 4.5, reportsPerDay: 0 };
    const table: [object, string | null][] = [
      [{}, null],
      [{ daysPerWeek: 7, patrolsPerDay: 10, hoursPerDay: 12, reportsPerDay: 10 }, null],
      [{ daysPerWeek: 1, patrolsPerDay: 1, hoursPerDay: 0.5 }, null],
      [{ daysPerWeek: 0 }, 'daysPerWeek'],
      [{ daysPerWeek: 8 }, 'daysPerWeek'],
      [{ daysPerWeek: 5.5 }, 'daysPerWeek'],
      [{ patrolsPerDay: 0 }, 'patrolsPerDay'],
      [{ patrolsPerDay: 11 }, 'patrolsPerDay'],
      [{ hoursPerDay: 12.5 }, 'hoursPerDay'],
      [{ hoursPerDay: 4.25 }, 'hoursPerDay'],
      [{ hoursPerDay: 0 }, 'hoursPerDay'],
      [{ reportsPerDay: -1 }, 'reportsPerDay'],
      [{ reportsPerDay: 11 }, 'reportsPerDay'],
      [{ reportsPerDay: Number.NaN }, 'reportsPerDay'],
    ];
    for (const [over, problem] of table)
      expect(dutyNormProblem({ ...ok, ...over }), JSON.stringify(over)).toBe(problem);
  });
  it('a week scored against a five-day norm of 2 patrols, 4 h, 1 report', () => {
    const norm = normOfSetting(custom('/41/', 5));
    const day = (d: string, patrols: number, hours: number, reports: number) => ({
      day: d,
      patrols,
      onTrackSeconds: hours * 3600,
      reports,
    });
    const week = [
      day('2026-11-23', 2, 4, 1),
      day('2026-11-24', 3, 5, 2),
      day('2026-11-25', 2, 3.99, 1), // short of 4 h
      day('2026-11-26', 1, 6, 1), // one patrol
      day('2026-11-27', 2, 4, 0), // no report
      day('2026-11-28', 2, 4, 1),
      day('2026-11-29', 0, 0, 0),
    ];
    const s = scoreWeek(norm, week);
    expect(s.days.map((d) => d.met)).toEqual([true, true, false, false, false, true, false]);
    expect([s.daysMet, s.daysRequired, s.share, s.compliant]).toEqual([3, 5, 0.6, false]);
  });
});

describe('a period scored on its whole weeks', () => {
  it('takes the Monday-to-Sunday weeks lying wholly within the period', () => {
    // 2026-11-30 is a Monday; December 2026 holds the whole weeks of 12-07, 12-14, 12-21 (12-28 … 01-03 runs out).
    expect(weeksWithin('2026-12-01', '2026-12-31').map((w) => [w[0], w[6]])).toEqual([
      ['2026-12-07', '2026-12-13'],
      ['2026-12-14', '2026-12-20'],
      ['2026-12-21', '2026-12-27'],
    ]);
    expect(weeksWithin('2026-11-30', '2026-12-06')).toHaveLength(1);
    expect(weeksWithin('2026-11-30', '2026-12-05')).toHaveLength(0);
  });

  it('counts a week met only when all seven days meet the norm', () => {
    const full = (day: string) => ({ day, patrols: 3, onTrackSeconds: 6 * 3600, reports: 2 });
    const week = ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'];
    expect(periodCompliance(NORM_7362, '2026-12-07', '2026-12-20', week.map(full))).toEqual({ weeks: 2, weeksMet: 1 });
    // Monday missing: six days met are not a week met.
    expect(periodCompliance(NORM_7362, '2026-12-07', '2026-12-13', week.slice(1).map(full))).toEqual({
      weeks: 1,
      weeksMet: 0,
    });
  });
});
