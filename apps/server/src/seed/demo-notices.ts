import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import { insertNotice, markSuperseded, refreshSchedules } from '../modules/notices/notices.repository.ts';
import { publishFromRecord } from '../modules/notices/notices.service.ts';

/** The demo village whose public page is filled (修身村): /p/notices/410104001201. */
export const DEMO_NOTICE_VILLAGE = '410104001201';

const DAY = 86_400_000;

/**
 * A few notices of 修身村 (村(居)务公开): village affairs published and then corrected (two versions),
 * last month's finances, and a resolution published from its meeting record — so the public page and
 * the staff board have something to show, and the board's schedule runs.
 */
export async function seedNoticeBase(
  db: Db,
  clock: Clock,
  ids: Map<string, { id: string; path: string }>,
): Promise<{ notices: number }> {
  const village = ids.get(DEMO_NOTICE_VILLAGE);
  if (!village) throw new Error('demo notice village missing');
  const now = clock.now();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const base = { regionId: village.id, regionPath: village.path, createdBy: null, publishedBy: null };
  const affairs = randomUUID();
  await insertNotice(db, {
    ...base,
    id: affairs,
    seriesId: affairs,
    version: 1,
    category: 'village',
    title: '本季度村务公开',
    body: '一、村道硬化工程已完工，总长 1.2 公里；\n二、新增低保户 2 户；\n三、集体林地承包方案公示中。',
    state: 'published',
    createdAt: at(12),
    publishedAt: at(12),
  });
  await markSuperseded(db, affairs, at(10));
  await insertNotice(db, {
    ...base,
    id: randomUUID(),
    seriesId: affairs,
    version: 2,
    category: 'village',
    title: '本季度村务公开（更正）',
    body: '一、村道硬化工程已完工，总长 1.5 公里；\n二、新增低保户 2 户；\n三、集体林地承包方案公示中。',
    state: 'published',
    reason: '村道长度数字有误',
    createdAt: at(10),
    publishedAt: at(10),
  });
  const finance = randomUUID();
  await insertNotice(db, {
    ...base,
    id: finance,
    seriesId: finance,
    version: 1,
    category: 'finance',
    title: '上月财务收支公开',
    body: '收入：土地租金 36,000 元；上级补助 20,000 元。\n支出：村道维修 18,500 元；办公费用 2,300 元。\n结余：35,200 元。',
    state: 'published',
    createdAt: at(5),
    publishedAt: at(5),
  });
  await publishFromRecord(db, {
    regionId: village.id,
    category: '决议',
    title: '关于修建村文化广场的决议',
    body: '村民代表会议应到 31 人，实到 27 人；同意 24 人，反对 1 人，弃权 2 人。决议通过。',
    sourceRef: 'demo:culture-square',
    at: at(3),
  });
  await refreshSchedules(db, village, at(10), 480, 'village');
  await refreshSchedules(db, village, at(5), 480, 'finance');
  return { notices: 4 };
}
