import {
  DEFAULT_TOPIC_RESPONSE_DAYS,
  defaultWorkCalendar,
  implementationInstants,
  topicResponseLimit,
} from '@gewu/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import { stageClock } from '../platform/clocks/index.ts';
import { insertTopic, moveTopic } from '../modules/consultation/consultation.repository.ts';
import { users } from '../modules/users/users.table.ts';
import { DEMO_NOTICE_VILLAGE } from './demo-notices.ts';

const DAY = 86_400_000;

/**
 * Two topics of 修身村 (议事协商), entered by its cadre: one collected at the deputies' liaison station
 * and still awaiting a response (its clock running), one the council agreed and is carrying out.
 */
export async function seedTopicBase(
  db: Db,
  clock: Clock,
  ids: Map<string, { id: string; path: string }>,
): Promise<{ topics: number }> {
  const village = ids.get(DEMO_NOTICE_VILLAGE);
  const [cadre] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'cadre'));
  if (!village || !cadre) throw new Error('demo topic village or cadre missing');
  const now = clock.now();
  const cal = defaultWorkCalendar();
  const raised = async (daysAgo: number, title: string, description: string, source: 'deputy' | 'cadre') => {
    const at = new Date(now.getTime() - daysAgo * DAY);
    const c = stageClock('response', at, topicResponseLimit(DEFAULT_TOPIC_RESPONSE_DAYS), cal);
    return insertTopic(db, {
      regionId: village.id,
      regionPath: village.path,
      source,
      title,
      description,
      raiserId: cadre.id,
      state: 'raised',
      raisedAt: at,
      responseWarnAt: new Date(c.warnAt),
      responseDeadline: new Date(c.deadline),
      idempotencyKey: `demo-topic-${title}`,
    });
  };
  await raised(
    4,
    '村西小广场增设健身器材',
    '代表联络站收集的社情民意：村西小广场只有两件健身器材且已损坏，老人希望增设并定期检修。',
    'deputy',
  );
  const agreed = await raised(
    20,
    '村口垃圾收集点搬离水塘边',
    '村口垃圾收集点紧挨水塘，夏天气味大、污水流入塘中，建议搬到村委会北侧空地并加盖。',
    'cadre',
  );
  const taken = await moveTopic(db, agreed, {
    state: 'taken_up',
    council: 'residents_council',
    plannedMeetingOn: new Date(now.getTime() - 12 * DAY).toISOString().slice(0, 10),
    respondedAt: new Date(now.getTime() - 16 * DAY),
    respondedBy: cadre.id,
  });
  if (!taken) return { topics: 2 };
  const dueOn = new Date(now.getTime() + 20 * DAY).toISOString().slice(0, 10);
  const plan = { what: '垃圾收集点迁至村委会北侧空地，建加盖收集房', unit: '修身村村民委员会', dueOn };
  const instants = implementationInstants(dueOn, cal.utcOffsetMinutes);
  await moveTopic(db, taken, {
    state: 'implementing',
    meeting: {
      heldAt: new Date(now.getTime() - 12 * DAY).toISOString(),
      place: '修身村村民委员会议事厅',
      participants: [
        { kind: 'residents', count: 14 },
        { kind: 'committee', count: 3 },
        { kind: 'deputies', count: 1 },
      ],
      headcount: 18,
      minutes: '与会人员一致同意迁移垃圾收集点，费用由村集体公益金列支。',
      outcome: 'agreed',
      referral: null,
      plan,
    },
    discussedAt: new Date(now.getTime() - 12 * DAY),
    discussedBy: cadre.id,
    implementationWarnAt: instants.warnAt,
    implementationDeadline: instants.deadline,
  });
  return { topics: 2 };
}
