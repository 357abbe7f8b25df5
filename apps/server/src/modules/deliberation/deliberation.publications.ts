import type { DeliberationStage } from '@gewu/domain';
import type { Db } from '../../db/client.ts';

/** What a publication stage puts before the villagers. */
export interface StageNotice {
  matterId: string;
  stage: Extract<DeliberationStage, 'resolution_notice' | 'result_notice'>;
  /** The village's region path (where the notice is posted). */
  regionPath: string;
  title: string;
  text: string;
  publishedAt: Date;
  /** The last day it stays up (公示期). */
  endsOn: string;
  attachmentIds: string[];
}

/**
 * The boundary with 村(居)务公开 (the notices module): called in the publication's transaction, after
 * the stage's own checks. The record of the publication is the stage row itself (deliberation_stages:
 * text, period, attachments, who and when); posting it on the village's public notice board
 * (category 决议 for `resolution_notice`, 实施结果 for `result_notice`) is wired here when the notices
 * module joins — until then nothing else is written.
 */
export async function publishStageNotice(_tx: Db, _notice: StageNotice): Promise<void> {}
