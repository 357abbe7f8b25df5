import { describe, expect, it } from 'vitest';
import {
  ACTION_RULES,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseFacts,
  type CaseState,
  RELATIONS,
  type Relation,
  availableActions,
  checkTransition,
  nextLevel,
} from './cases.ts';
import { type CaseEventRecord, type ReportFacts, applyCaseEvent, replayCase } from './cases-reducer.ts';

const facts = (state: CaseState, more: Partial<CaseFacts> = {}): CaseFacts => ({
  state,
  pendingKind: null,
  rated: false,
  level: 'township',
  assignedToGridWorker: false,
  ...more,
});

describe('case transitions (pure rules)', () => {
  // Every (state, action) pair: allowed exactly when the rule lists the state and a relation that may act.
  for (const state of CASE_STATES) {
    for (const action of CASE_ACTIONS) {
      const rule = ACTION_RULES[action];
      it(`${action} from ${state}: ${rule.from.includes(state) ? 'allowed for ' + rule.who.join('/') : 'refused'}`, () => {
        for (const rel of RELATIONS) {
          const f = facts(
            state,
            action === 'decide_extension'
              ? { pendingKind: 'extension' }
              : action === 'decide_suspension'
                ? { pendingKind: 'suspension' }
                : action === 'escalate' && state === 'handling'
                  ? { assignedToGridWorker: true }
                  : {},
          );
          const refusal = checkTransition(f, action, [rel], 'a reason');
          const expected =
            rule.from.includes(state) &&
            rule.who.includes(rel) &&
            !(action === 'escalate' && (state === 'handling' ? rel !== 'assignee' : rel !== 'centre'));
          if (expected) expect(refusal, `${rel}`).toBeNull();
          else expect(refusal?.code, `${rel}`).toMatch(/^case\.(invalid_state|not_allowed)$/);
        }
      });
    }
  }

  it('refuses actions needing a reason without one', () => {
    expect(checkTransition(facts('reported'), 'reject', ['centre'], '  ')?.code).toBe('case.note_required');
    expect(checkTransition(facts('dispatched'), 'return', ['assignee'], undefined)?.code).toBe('case.note_required');
    expect(checkTransition(facts('reported'), 'accept', ['centre'], undefined)).toBeNull();
  });

  it('allows one pending request at a time and decisions only on a pending request', () => {
    expect(
      checkTransition(facts('handling', { pendingKind: 'extension' }), 'request_suspension', ['assignee'], 'x')?.code,
    ).toBe('case.request_pending');
    expect(checkTransition(facts('handling', { pendingKind: 'extension' }), 'feed_back', ['assignee'], 'x')?.code).toBe(
      'case.request_pending',
    );
    expect(checkTransition(facts('handling'), 'decide_extension', ['centre'], 'x')?.code).toBe('case.no_request');
    expect(
      checkTransition(facts('handling', { pendingKind: 'suspension' }), 'decide_extension', ['centre'], 'x')?.code,
    ).toBe('case.no_request');
    expect(
      checkTransition(facts('handling', { pendingKind: 'suspension' }), 'decide_suspension', ['centre'], 'x'),
    ).toBeNull();
  });

  it('rates once; escalates tier by tier up to the city and no further', () => {
    expect(checkTransition(facts('closed', { rated: true }), 'rate', ['reporter'], undefined)?.code).toBe(
      'case.already_rated',
    );
    expect(nextLevel('grid')).toBe('village');
    expect(nextLevel('county')).toBe('city');
    expect(nextLevel('city')).toBeNull();
    expect(checkTransition(facts('accepted', { level: 'city' }), 'escalate', ['centre'], 'x')?.code).toBe(
      'case.top_level',
    );
    // A unit holding a case cannot escalate it; the grid worker holding it can.
    expect(checkTransition(facts('handling'), 'escalate', ['assignee'], 'x')?.code).toBe('case.not_allowed');
    expect(
      checkTransition(facts('handling', { assignedToGridWorker: true, level: 'grid' }), 'escalate', ['assignee'], 'x'),
    ).toBeNull();
  });

  it('lists the buttons an actor has', () => {
    expect(availableActions(facts('reported'), ['centre'])).toEqual([
      'accept',
      'reject',
      'void',
      'merge',
      'escalate',
      'supervise',
    ]);
    expect(availableActions(facts('dispatched'), ['assignee'])).toEqual(['sign', 'return']);
    expect(availableActions(facts('fed_back'), ['verifier'])).toEqual(['verify_pass', 'verify_fail']);
    expect(availableActions(facts('closed'), ['reporter'])).toEqual(['rate', 'reopen']);
    expect(availableActions(facts('closed'), [] as Relation[])).toEqual([]);
  });
});

const report: ReportFacts = {
  id: '00000000-0000-4000-8000-000000000001',
  code: '202611270000001',
  itemId: '00000000-0000-4000-8000-0000000000aa',
  itemCode: '01001',
  level: 'township',
  regionPath: '/41/4101/410104/410104001/410104001001/410104001001001/',
  gridId: null,
  lon: 113.7,
  lat: 34.7,
  address: null,
  description: '垃圾',
  channel: 'resident_web',
  source: null,
  externalRef: null,
  reporterUserId: 'r',
  reporterApiKeyId: null,
  reporterName: null,
  reporterPhoneEnc: null,
  reporterPhoneHash: null,
  reporterPhoneMasked: null,
  anonymous: false,
  reporterKey: 'u:r',
  idempotencyKey: 'k-1',
};
const at = (h: number) => new Date(Date.UTC(2026, 10, 23, h));
const clock = (stage: 'accept' | 'dispatch' | 'sign' | 'handle' | 'verify', h: number, limitH: number) => ({
  stage,
  startedAt: at(h).toISOString(),
  deadline: at(h + limitH).toISOString(),
  warnAt: at(h + limitH * 0.8).toISOString(),
});
const ev = (
  type: CaseEventRecord['type'],
  h: number,
  data: CaseEventRecord['data'] = {},
  actorId = 'x',
): CaseEventRecord => ({ type, at: at(h), actorId, data });

describe('case reducer: the case follows from its events', () => {
  const history: CaseEventRecord[] = [
    ev('report', 1, { report, clock: clock('accept', 1, 2) }, 'r'),
    ev('accept', 2, { clock: clock('dispatch', 2, 1) }),
    ev('dispatch', 3, {
      clock: clock('sign', 3, 2),
      target: { unitId: 'u1', userId: null },
      toLevel: 'township',
      onTime: false,
    }),
    ev('return', 4, { clock: clock('dispatch', 4, 1), toLevel: 'township' }),
    ev('dispatch', 4, { clock: clock('sign', 4, 2), target: { unitId: 'u2', userId: null }, onTime: true }),
    ev('sign', 5, { clock: clock('handle', 5, 24), handleDeadline: at(29).toISOString() }),
    ev('feed_back', 6, { clock: clock('verify', 6, 8), verifierUserId: 'g' }),
    ev('verify_fail', 7, { clock: clock('handle', 7, 24), handleDeadline: at(31).toISOString() }),
    ev('feed_back', 8, { clock: clock('verify', 8, 8), verifierUserId: 'g' }),
    ev('verify_pass', 9, { clock: null }),
    ev('close', 10, { clock: null }),
    ev('rate', 11, { rating: 'basically_satisfied', resolved: true }, 'r'),
  ];

  it('replays a full chain with a return and a rework', () => {
    const c = replayCase(history);
    expect(c).toMatchObject({
      state: 'closed',
      version: history.length,
      assigneeUnitId: 'u2',
      dispatchCount: 2,
      returnCount: 1,
      reworkCount: 1,
      dispatchOnTime: false, // judged on the first dispatch
      verifierUserId: 'g',
      rating: 'basically_satisfied',
      resolved: true,
      stage: null,
      everOverdue: false, // every stage ended by its deadline
      firstContactUserId: 'r',
    });
    expect(c.closedAt).toEqual(at(10));
    expect(c.handleDeadline).toEqual(at(31));
  });

  it('marks a case overdue only when a stage ends after its deadline', () => {
    const onTime = replayCase([
      ev('report', 1, { report, clock: clock('accept', 1, 2) }),
      ev('accept', 2, { clock: clock('dispatch', 2, 1) }),
    ]);
    expect(onTime.everOverdue).toBe(false);
    const late = replayCase([
      ev('report', 1, { report, clock: clock('accept', 1, 2) }),
      ev('accept', 4, { clock: clock('dispatch', 4, 1) }),
    ]);
    expect(late.everOverdue).toBe(true);
  });

  it('self-handling closes in one step at grid level; reopening returns to the centre', () => {
    const c = replayCase([ev('report', 1, { report, clock: null }, 'g'), ev('self_handle', 1, { clock: null }, 'g')]);
    expect(c).toMatchObject({ state: 'closed', selfHandled: true, level: 'grid', assigneeUserId: 'g', version: 2 });
    const reopened = applyCaseEvent(c, ev('reopen', 5, { clock: clock('dispatch', 5, 1), toLevel: 'township' }, 'r'));
    expect(reopened).toMatchObject({
      state: 'accepted',
      level: 'township',
      reopenCount: 1,
      closedAt: null,
      rating: null,
      stage: 'dispatch',
    });
  });

  it('keeps requests pending until decided; an approved suspension stops the clock', () => {
    const base = replayCase(history.slice(0, 6));
    const asked = applyCaseEvent(base, ev('request_suspension', 6, {}));
    expect(asked.pending).toMatchObject({ kind: 'suspension' });
    const suspended = applyCaseEvent(
      asked,
      ev('decide_suspension', 7, { approved: true, clock: null, remainingMs: 1000 }),
    );
    expect(suspended).toMatchObject({ state: 'suspended', pending: null, stage: null });
    const denied = applyCaseEvent(asked, ev('decide_suspension', 7, { approved: false }));
    expect(denied).toMatchObject({ state: 'handling', pending: null, stage: 'handle' });
  });

  it('escalation raises the level and clears the assignee; supervision records the rectify-by date', () => {
    const c = replayCase(history.slice(0, 6));
    const up = applyCaseEvent(c, ev('escalate', 6, { clock: clock('dispatch', 6, 1), toLevel: 'county' }));
    expect(up).toMatchObject({ state: 'accepted', level: 'county', escalationCount: 1, assigneeUnitId: null });
    const listed = applyCaseEvent(up, ev('supervise', 7, { supervision: 'listed', rectifyBy: at(48).toISOString() }));
    expect(listed).toMatchObject({ supervision: 'listed', rectifyBy: at(48), stage: 'dispatch' });
  });

  it('refuses a history that does not start with one report', () => {
    expect(() => replayCase([ev('accept', 1)])).toThrow();
    expect(() => replayCase([ev('report', 1, { report }), ev('report', 2, { report })])).toThrow();
  });

  it('each action maps to the state the chain expects', () => {
    const expected: Partial<Record<CaseAction, CaseState>> = {
      accept: 'accepted',
      reject: 'rejected',
      void: 'voided',
      merge: 'merged',
      sign: 'handling',
      feed_back: 'fed_back',
      verify_pass: 'verified',
      close: 'closed',
    };
    const start = replayCase([ev('report', 1, { report })]);
    for (const [action, state] of Object.entries(expected))
      expect(applyCaseEvent(start, ev(action as CaseAction, 2)).state).toBe(state);
  });
});
