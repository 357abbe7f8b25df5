import type { DeliberationStage } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import { publishFromRecord } from '../notices/notices.service.ts';

/** What a publication stage puts before the villagers. */
export interface StageNotice {
  matterId: string;
  stage: Extract<DeliberationStage, 'resolution_notice' | 'result_notice'>;
  /** The village (where the notice is posted). */
  villageId: string;
  /** Who published it (a user id). */
  by: string;
  title: string;
  text: string;
  publishedAt: Date;
  /** The last day it stays up (公示期). */
  endsOn: string;
  attachmentIds: string[];
}

/**
 * Posts a publication stage on the village's public notice board (村(居)务公开), in the publication's
 * own transaction: category 决议 for `resolution_notice`, 实施结果 for `result_notice`. The stage row
 * stays the record of the publication (text, period, attachments, who and when); the notice is what
 * the villagers read, at `/p/notices/<village code>`, and cannot be altered afterwards. Publishing the
 * same stage twice gives the first notice (its source reference is the matter and the stage).
 */
export async function publishStageNotice(tx: Db, notice: StageNotice): Promise<void> {
  await publishFromRecord(tx, {
    regionId: notice.villageId,
    category: notice.stage === 'resolution_notice' ? '决议' : '实施结果',
    title: notice.title,
    body: `${notice.text}\n\n公示期至 ${notice.endsOn}`,
    sourceRef: `deliberation:${notice.matterId}:${notice.stage}`,
    at: notice.publishedAt,
    by: notice.by,
  });
}
