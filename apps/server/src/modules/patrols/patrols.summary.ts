import { PATROL_RULES, readTrack } from '@gewu/domain';
import { trackCoverage } from '@gewu/geo';
import type { Db } from '../../db/client.ts';
import { decodePoints } from './patrols.codec.ts';
import {
  type PatrolRow,
  type SegmentRow,
  gridBoundary,
  lockPatrol,
  saveSummary,
  segmentsOf,
} from './patrols.repository.ts';

type Geometry = Parameters<typeof trackCoverage>[0];

/**
 * A track read from its stored batches: time on track and distance (gaps and flagged jumps left out,
 * readTrack), the lines to draw, and the share of the grid within 50 m of it (null: no boundary).
 */
export function trackOf(segments: SegmentRow[], geometry: Geometry | null | undefined) {
  const track = readTrack(segments.map((s) => decodePoints(s.data, s.t0)));
  const coverage = geometry
    ? trackCoverage(
        geometry,
        track.lines.map((l) => l.map((pt) => [pt.lon, pt.lat] as const)),
        PATROL_RULES.coverageRadiusM,
      ).share
    : null;
  return { track, coverage: coverage === null ? null : Math.round(coverage * 10_000) / 10_000 };
}

/**
 * Keeps an ended patrol's summary on its row for the figures (patrol-figures): done when it ends, and
 * again when a batch of it arrives after the end. The row is locked first, so two late batches summarise
 * one after the other and the later sees both.
 */
export async function storeSummary(db: Db, p: PatrolRow): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await lockPatrol(tx, p.id))) return;
    const [segments, grid] = await Promise.all([segmentsOf(tx, [p.id]), p.gridId ? gridBoundary(tx, p.gridId) : null]);
    const { track, coverage } = trackOf(segments, grid);
    await saveSummary(tx, p.id, {
      onTrackS: Math.round(track.onTrackSeconds),
      distanceM: Math.round(track.distanceM),
      coverage,
    });
  });
}
