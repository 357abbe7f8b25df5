import { describe, expect, it } from 'vitest';
import {
  type TopicAction,
  type TopicOutcome,
  type TopicState,
  implementationInstants,
  nextTopicState,
  raiserLabel,
  reachesSupportThreshold,
  supportRefusal,
  topicActionsIn,
} from './consultation.ts';
import { topicMeetingSchema } from './consultation-contracts.ts';

describe('议事协商 state machine', () => {
  const table: [TopicState, TopicAction, TopicOutcome | undefined, TopicState | null][] = [
    ['raised', 'take_up', undefined, 'taken_up'],
    ['raised', 'decline', undefined, 'declined'],
    ['raised', 'record_meeting', 'agreed', null],
    ['raised', 'record_implementation', undefined, null],
    ['taken_up', 'take_up', undefined, null],
    ['taken_up', 'decline', undefined, null],
    ['taken_up', 'record_meeting', 'agreed', 'implementing'],
    ['taken_up', 'record_meeting', 'not_agreed', 'discussed'],
    ['taken_up', 'record_meeting', 'referred', 'discussed'],
    ['taken_up', 'record_meeting', undefined, null],
    ['taken_up', 'record_implementation', undefined, null],
    ['declined', 'take_up', undefined, null],
    ['declined', 'record_meeting', 'agreed', null],
    ['discussed', 'record_implementation', undefined, null],
    ['discussed', 'record_meeting', 'agreed', null],
    ['implementing', 'record_implementation', undefined, 'implemented'],
    ['implementing', 'record_meeting', 'agreed', null],
    ['implemented', 'record_implementation', undefined, null],
    ['implemented', 'decline', undefined, null],
  ];
  it.each(table)('%s --%s(%s)--> %s', (from, action, outcome, to) => {
    expect(nextTopicState(from, action, outcome)).toBe(to);
  });

  it('offers the actions of each state', () => {
    expect(topicActionsIn('raised')).toEqual(['take_up', 'decline']);
    expect(topicActionsIn('taken_up')).toEqual(['record_meeting']);
    expect(topicActionsIn('implementing')).toEqual(['record_implementation']);
    expect(topicActionsIn('declined')).toEqual([]);
    expect(topicActionsIn('discussed')).toEqual([]);
    expect(topicActionsIn('implemented')).toEqual([]);
  });
});

describe('附议 supports', () => {
  const base = { state: 'raised' as TopicState, raiserId: 'a', supporterId: 'b', alreadySupported: false };
  it('accepts a first support of someone else’s open topic', () => {
    expect(supportRefusal(base)).toBeNull();
    expect(supportRefusal({ ...base, state: 'taken_up' })).toBeNull();
  });
  it('refuses one’s own topic, a second support, a closed topic', () => {
    expect(supportRefusal({ ...base, supporterId: 'a' })).toBe('own_topic');
    expect(supportRefusal({ ...base, alreadySupported: true })).toBe('already_supported');
    expect(supportRefusal({ ...base, state: 'declined' })).toBe('closed');
    expect(supportRefusal({ ...base, state: 'implementing' })).toBe('closed');
  });
  it('reaches the threshold at the number itself', () => {
    expect(reachesSupportThreshold(9, 10)).toBe(false);
    expect(reachesSupportThreshold(10, 10)).toBe(true);
    expect(reachesSupportThreshold(11, 10)).toBe(true);
    expect(reachesSupportThreshold(1, 1)).toBe(true);
  });
});

describe('implementation clock and raiser label', () => {
  it('is red after 24:00 local of the due date, yellow from 3 days before (UTC+8)', () => {
    const c = implementationInstants('2026-03-10', 480);
    expect(c.deadline.toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(c.warnAt.toISOString()).toBe('2026-03-06T16:00:00.000Z');
  });
  it('masks the name or shows 匿名', () => {
    expect(raiserLabel('王小明', false)).toBe('王**');
    expect(raiserLabel('王小明', true)).toBe('匿名');
    expect(raiserLabel('李', false)).toBe('*');
  });
});

describe('meeting record', () => {
  const ok = {
    heldAt: '2026-03-01T19:00:00+08:00',
    place: '村委会议室',
    participants: [
      { kind: 'residents', count: 12 },
      { kind: 'committee', count: 3 },
    ],
    headcount: 15,
    minutes: '讨论了停车位划线',
    outcome: 'agreed',
    plan: { what: '划线 40 个车位', unit: '物业公司', dueOn: '2026-04-01' },
  };
  it('accepts an agreed outcome with its plan', () => {
    expect(topicMeetingSchema.safeParse(ok).success).toBe(true);
  });
  it('refuses agreed without a plan, referred without a reference, a plan on not_agreed, duplicate kinds', () => {
    expect(topicMeetingSchema.safeParse({ ...ok, plan: undefined }).success).toBe(false);
    expect(topicMeetingSchema.safeParse({ ...ok, outcome: 'referred', plan: undefined }).success).toBe(false);
    expect(topicMeetingSchema.safeParse({ ...ok, outcome: 'not_agreed' }).success).toBe(false);
    expect(
      topicMeetingSchema.safeParse({
        ...ok,
        participants: [
          { kind: 'residents', count: 1 },
          { kind: 'residents', count: 2 },
        ],
      }).success,
    ).toBe(false);
    expect(
      topicMeetingSchema.safeParse({
        ...ok,
        outcome: 'referred',
        plan: undefined,
        referral: { kind: 'case', ref: 'C-2026-001' },
      }).success,
    ).toBe(true);
  });
});
