import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseEventType,
  type CaseState,
  RELATIONS,
  type Relation,
  nextLevel,
} from './cases.ts';
import type { CaseEventDataMap, CaseEventRecord, CaseProjection, ReportFacts } from './cases-events.ts';
import { type CaseFacts, availableActions, checkTransition, nextStateOf } from './cases-life.ts';
import { applyCaseEvent, replayCase } from './cases-reducer.ts';

/*
 * The case chain's rules written out by hand from ../shared/docs/domain.md ("The case chain"), and
 * checked against CASE_LIFE through checkTransition and the reducer. Nothing here is computed from
 * the table under test: a wrong rule in cases-life.ts fails one of these rows.
 */

/** Splits a whitespace-aligned table into its header (the first line) and rows of cells. */
function table(text: string): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  return { header, rows };
}
/** The cell in column `i` of a row (a short row is a mistake in the table). */
function cell(row: readonly string[], i: number): string {
  const c = row[i];
  if (c === undefined) throw new Error(`row "${row.join(' ')}" has no column ${i}`);
  return c;
}

const FACTS: Record<string, Partial<CaseFacts>> = {
  '-': {},
  ext: { pendingKind: 'extension' },
  sus: { pendingKind: 'suspension' },
  rated: { rated: true },
  gw: { assignedToGridWorker: true },
  grid: { level: 'grid' },
  county: { level: 'county' },
  city: { level: 'city' },
  cl: { claimable: true },
};
/** Facts of a case in `state`: no pending request, not rated, at township level, held by a unit; `spec` adds to them. */
const facts = (state: CaseState, spec = '-'): CaseFacts => ({
  state,
  pendingKind: null,
  rated: false,
  level: 'township',
  assignedToGridWorker: false,
  ...Object.assign({}, ...spec.split(',').map((k) => FACTS[k])),
});
const codeOf = (cell: string) => (cell === 'ok' ? null : cell.includes('.') ? cell : `case.${cell}`);

/**
 * State × action for one actor holding every relation to a case at township level that a grid worker
 * holds, with no pending request and no rating, giving a reason and confirming the item's condition.
 * Cell: the state the action leads to (allowed); `·` refused with case.invalid_state; otherwise the
 * code of the refusal (case.<cell>). Decisions need a pending request (see the guards below).
 */
const TRANSITIONS = `
action             reported   accepted   dispatched handling   suspended  fed_back   verified   closed     rejected   voided     merged  converted  claimed    claim_done
accept             accepted   ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
reject             rejected   ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
void               voided     voided     ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
merge              merged     merged     ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
dispatch           ·          dispatched ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
sign               ·          ·          handling   ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
return             ·          ·          accepted   ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
step               ·          ·          ·          handling   ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
request_extension  ·          ·          ·          handling   ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
decide_extension   ·          ·          ·          no_request ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
request_suspension ·          ·          ·          handling   ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
decide_suspension  ·          ·          ·          no_request ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
resume             ·          ·          ·          ·          handling   ·          ·          ·          ·          ·          ·          ·          ·          ·
feed_back          ·          ·          ·          fed_back   ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
co_feed_back       ·          ·          dispatched handling   suspended  ·          ·          ·          ·          ·          ·          ·          ·          ·
verify_pass        ·          ·          ·          ·          ·          verified   ·          ·          ·          ·          ·          ·          ·          ·
verify_fail        ·          ·          ·          ·          ·          handling   ·          ·          ·          ·          ·          ·          ·          ·
close              ·          ·          ·          ·          ·          ·          closed     ·          ·          ·          ·          ·          ·          ·
rate               ·          ·          ·          ·          ·          ·          ·          closed     ·          ·          ·          ·          ·          ·
callback           ·          ·          ·          ·          ·          ·          ·          closed     ·          ·          ·          ·          ·          ·
reopen             ·          ·          ·          ·          ·          ·          ·          accepted   ·          ·          ·          ·          ·          ·
escalate           accepted   accepted   ·          accepted   ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
supervise          reported   accepted   dispatched handling   suspended  fed_back   verified   ·          ·          ·          ·          ·          claimed    claim_done
convert_to_dispute converted  converted  ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
claim              claimed    claimed    ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·
unclaim            ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          reported   ·
claim_close        ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          claim_done ·
claim_confirm      ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          closed
claim_reopen       ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          ·          reported
`;

/**
 * Who may act, and what a missing reason or an unconfirmed condition does. Per row: the action from a
 * state where it is allowed, with facts (`-` plain; `ext`/`sus` a pending extension/suspension request;
 * `gw` the case held by a grid worker). Relations: Y allowed alone, · refused (case.not_allowed).
 * `no-note`/`unconfirmed`: what an actor holding every relation gets without a reason / without
 * confirming the item's condition (ok = allowed).
 */
const WHO = `
action             from       facts centre assignee coUnit verifier reporter supervisor volunteer claimant no-note       unconfirmed
accept             reported   -     Y      ·        ·      ·        ·        ·          ·         ·        ok            condition_unconfirmed
reject             reported   -     Y      ·        ·      ·        ·        ·          ·         ·        note_required ok
void               reported   -     Y      ·        ·      ·        ·        ·          ·         ·        note_required ok
void               accepted   -     Y      ·        ·      ·        ·        ·          ·         ·        note_required ok
merge              reported   -     Y      ·        ·      ·        ·        ·          ·         ·        note_required ok
merge              accepted   -     Y      ·        ·      ·        ·        ·          ·         ·        note_required ok
dispatch           accepted   -     Y      ·        ·      ·        ·        ·          ·         ·        ok            ok
sign               dispatched -     ·      Y        ·      ·        ·        ·          ·         ·        ok            ok
return             dispatched -     ·      Y        ·      ·        ·        ·          ·         ·        note_required ok
step               handling   -     ·      Y        Y      ·        ·        ·          ·         ·        note_required ok
request_extension  handling   -     ·      Y        ·      ·        ·        ·          ·         ·        note_required ok
decide_extension   handling   ext   Y      ·        ·      ·        ·        ·          ·         ·        ok            ok
request_suspension handling   -     ·      Y        ·      ·        ·        ·          ·         ·        note_required ok
decide_suspension  handling   sus   Y      ·        ·      ·        ·        ·          ·         ·        ok            ok
resume             suspended  -     Y      ·        ·      ·        ·        ·          ·         ·        ok            ok
feed_back          handling   -     ·      Y        ·      ·        ·        ·          ·         ·        note_required ok
co_feed_back       dispatched -     ·      ·        Y      ·        ·        ·          ·         ·        note_required ok
co_feed_back       handling   -     ·      ·        Y      ·        ·        ·          ·         ·        note_required ok
co_feed_back       suspended  -     ·      ·        Y      ·        ·        ·          ·         ·        note_required ok
verify_pass        fed_back   -     Y      ·        ·      Y        ·        ·          ·         ·        ok            ok
verify_fail        fed_back   -     Y      ·        ·      Y        ·        ·          ·         ·        note_required ok
close              verified   -     Y      ·        ·      ·        ·        ·          ·         ·        ok            condition_unconfirmed
rate               closed     -     Y      ·        ·      ·        Y        ·          ·         ·        ok            ok
callback           closed     -     Y      ·        ·      ·        ·        ·          ·         ·        note_required ok
reopen             closed     -     Y      ·        ·      ·        Y        ·          ·         ·        note_required ok
escalate           reported   -     Y      ·        ·      ·        ·        ·          ·         ·        note_required ok
escalate           accepted   -     Y      ·        ·      ·        ·        ·          ·         ·        note_required ok
escalate           handling   gw    ·      Y        ·      ·        ·        ·          ·         ·        note_required ok
escalate           handling   -     ·      ·        ·      ·        ·        ·          ·         ·        note_required not_allowed
supervise          reported   -     Y      ·        ·      ·        ·        Y          ·         ·        note_required ok
supervise          dispatched -     Y      ·        ·      ·        ·        Y          ·         ·        note_required ok
supervise          suspended  -     Y      ·        ·      ·        ·        Y          ·         ·        note_required ok
supervise          verified   -     Y      ·        ·      ·        ·        Y          ·         ·        note_required ok
convert_to_dispute reported   -     Y      ·        ·      ·        ·        ·          ·         ·        note_required ok
convert_to_dispute accepted   -     Y      ·        ·      ·        ·        ·          ·         ·        note_required ok
claim              reported   cl    ·      ·        ·      ·        ·        ·          Y         ·        ok            ok
claim              accepted   cl    ·      ·        ·      ·        ·        ·          Y         ·        ok            ok
unclaim            claimed    -     ·      ·        ·      ·        ·        ·          ·         Y        note_required ok
claim_close        claimed    -     ·      ·        ·      ·        ·        ·          ·         Y        note_required ok
claim_confirm      claim_done -     Y      ·        ·      Y        ·        ·          ·         ·        ok            ok
claim_reopen       claim_done -     Y      ·        ·      Y        ·        ·          ·         ·        note_required ok
`;

/**
 * Checks beyond state and relation (with a reason given and the condition confirmed). Facts as above,
 * plus `rated` and the case's level (`grid`, `county`, `city`; township when absent). Result: ok or
 * the refusal code.
 */
const GUARDS = `
from       facts     action              actor             result
handling   ext       request_extension   assignee          request_pending
handling   ext       request_suspension  assignee          request_pending
handling   sus       request_extension   assignee          request_pending
handling   sus       request_suspension  assignee          request_pending
handling   ext       feed_back           assignee          request_pending
handling   sus       feed_back           assignee          request_pending
handling   ext       step                assignee          ok
handling   sus       co_feed_back        coUnit            ok
handling   -         decide_extension    centre            no_request
handling   sus       decide_extension    centre            no_request
handling   ext       decide_extension    centre            ok
handling   -         decide_suspension   centre            no_request
handling   ext       decide_suspension   centre            no_request
handling   sus       decide_suspension   centre            ok
closed     rated     rate                reporter          already_rated
closed     rated     rate                centre            already_rated
closed     rated     reopen              reporter          ok
closed     rated     callback            centre            ok
reported   city      escalate            centre            top_level
accepted   city      escalate            centre            top_level
accepted   county    escalate            centre            ok
handling   gw,grid   escalate            assignee          ok
handling   gw,city   escalate            assignee          top_level
handling   -         escalate            assignee          not_allowed
handling   gw        escalate            centre            not_allowed
handling   -         escalate            centre            not_allowed
reported   -         escalate            assignee          not_allowed
accepted   gw        escalate            assignee          not_allowed
reported   -         claim               volunteer         claim.not_claimable
accepted   -         claim               volunteer         claim.not_claimable
reported   cl        claim               volunteer         ok
reported   cl        claim               reporter          not_allowed
`;

describe('case transitions: state × action (hand-written table)', () => {
  const { header, rows } = table(TRANSITIONS);
  const states = header.slice(1) as CaseState[];

  it('covers every state and every action once', () => {
    expect([...states].sort()).toEqual([...CASE_STATES].sort());
    expect(rows.map((r) => r[0]).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it.each(rows.map((r) => [cell(r, 0), r.slice(1)] as const))('%s', (action, cells) => {
    expect(cells).toHaveLength(states.length);
    states.forEach((state, i) => {
      const next = cell(cells, i);
      const refusal = checkTransition(facts(state, 'gw,cl'), action as CaseAction, RELATIONS, {
        note: 'a reason',
        conditionMet: true,
      });
      const expected =
        next === '·' ? 'case.invalid_state' : (CASE_STATES as readonly string[]).includes(next) ? null : `case.${next}`;
      expect(refusal?.code ?? null, `${action} from ${state}`).toBe(expected);
      if (refusal) return;
      // The reducer moves the case to the state the table says.
      expect(nextStateOf(action as CaseAction, state), `${action} from ${state}`).toBe(next);
      const after = applyCaseEvent(caseIn(state), eventOf(action as CaseAction));
      expect(after.state, `${action} from ${state} (reducer)`).toBe(next);
    });
  });
});

describe('case transitions: who may act, reasons and confirmed conditions', () => {
  const { header, rows } = table(WHO);
  const relations = header.slice(3, 11) as Relation[];

  it('names every relation', () => {
    expect(relations).toEqual([...RELATIONS]);
  });

  it.each(rows.map((r) => [`${cell(r, 0)} from ${cell(r, 1)} (${cell(r, 2)})`, r] as const))('%s', (_name, r) => {
    const [action, from, spec] = [cell(r, 0) as CaseAction, cell(r, 1) as CaseState, cell(r, 2)];
    const f = facts(from, spec);
    relations.forEach((rel, i) => {
      const refusal = checkTransition(f, action, [rel], { note: 'a reason', conditionMet: true });
      expect(refusal?.code ?? null, rel).toBe(cell(r, 3 + i) === 'Y' ? null : 'case.not_allowed');
    });
    for (const note of [undefined, '   '])
      expect(checkTransition(f, action, RELATIONS, { note, conditionMet: true })?.code ?? null, 'no note').toBe(
        codeOf(cell(r, 11)),
      );
    for (const conditionMet of [undefined, false])
      expect(checkTransition(f, action, RELATIONS, { note: 'a reason', conditionMet })?.code ?? null).toBe(
        codeOf(cell(r, 12)),
      );
  });

  it('checks the state first, then the relation, then the reason, then the condition', () => {
    expect(checkTransition(facts('closed'), 'accept', ['reporter'], {})?.code).toBe('case.invalid_state');
    expect(checkTransition(facts('reported'), 'reject', ['reporter'], {})?.code).toBe('case.not_allowed');
    expect(checkTransition(facts('reported'), 'merge', ['centre'], { conditionMet: false })?.code).toBe(
      'case.note_required',
    );
    expect(checkTransition(facts('verified'), 'close', ['centre'], {})?.code).toBe('case.condition_unconfirmed');
  });

  it('says in Chinese which condition is to be confirmed', () => {
    expect(checkTransition(facts('reported'), 'accept', ['centre'], {})?.message).toBe('请确认符合该事项的立案条件');
    expect(checkTransition(facts('verified'), 'close', ['centre'], {})?.message).toBe('请确认符合该事项的结案条件');
  });
});

describe('case transitions: guards', () => {
  const { rows } = table(GUARDS);
  it.each(rows.map((r) => [`${cell(r, 2)} from ${cell(r, 0)} (${cell(r, 1)}) by ${cell(r, 3)}`, r] as const))(
    '%s',
    (_name, r) => {
      const [from, spec, action, actor, result] = [0, 1, 2, 3, 4].map((i) => cell(r, i)) as [
        string,
        string,
        string,
        string,
        string,
      ];
      const refusal = checkTransition(
        facts(from as CaseState, spec),
        action as CaseAction,
        actor.split(',') as Relation[],
        {
          note: 'a reason',
          conditionMet: true,
        },
      );
      expect(refusal?.code ?? null).toBe(codeOf(result));
    },
  );

  it('escalates tier by tier up to the city and no further', () => {
    expect(nextLevel('grid')).toBe('village');
    expect(nextLevel('village')).toBe('township');
    expect(nextLevel('township')).toBe('county');
    expect(nextLevel('county')).toBe('city');
    expect(nextLevel('city')).toBeNull();
  });

  it('lists the buttons an actor has', () => {
    expect(availableActions(facts('reported'), ['centre'])).toEqual([
      'accept',
      'reject',
      'void',
      'merge',
      'escalate',
      'supervise',
      'convert_to_dispute',
    ]);
    expect(availableActions(facts('dispatched'), ['assignee'])).toEqual(['sign', 'return']);
    expect(availableActions(facts('handling'), ['assignee'])).toEqual([
      'step',
      'request_extension',
      'request_suspension',
      'feed_back',
    ]);
    expect(availableActions(facts('handling', 'gw'), ['assignee'])).toEqual([
      'step',
      'request_extension',
      'request_suspension',
      'feed_back',
      'escalate',
    ]);
    expect(availableActions(facts('handling', 'sus'), ['centre'])).toEqual(['decide_suspension', 'supervise']);
    expect(availableActions(facts('fed_back'), ['verifier'])).toEqual(['verify_pass', 'verify_fail']);
    expect(availableActions(facts('closed'), ['reporter'])).toEqual(['rate', 'reopen']);
    expect(availableActions(facts('closed', 'rated'), ['reporter'])).toEqual(['reopen']);
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
function ev<T extends CaseEventType>(
  type: T,
  h: number,
  data: CaseEventDataMap[T],
  actorId: string | null = 'x',
): CaseEventRecord {
  return { type, at: at(h), actorId, data } as CaseEventRecord;
}
const unit = (unitId: string) => ({ unitId, userId: null });

/** A case reported by resident `r` and then put in `state` (only the state matters to the transition table). */
function caseIn(state: CaseState): CaseProjection {
  return { ...replayCase([ev('report', 1, { report, clock: clock('accept', 1, 2) }, 'r')]), state };
}

/** Plausible data for each action's event, as the server would write it. */
const DATA: { [A in CaseAction]: CaseEventDataMap[A] } = {
  accept: { clock: clock('dispatch', 2, 1), filing: { text: '占道堆放垃圾', met: true } },
  reject: { clock: null },
  void: { clock: null },
  merge: { clock: null, mergedIntoId: '00000000-0000-4000-8000-000000000002' },
  dispatch: { clock: clock('sign', 2, 2), target: unit('u1'), coUnitIds: [], toLevel: 'township', onTime: true },
  sign: { clock: clock('handle', 2, 24), handleDeadline: at(26).toISOString() },
  return: { clock: clock('dispatch', 2, 1), toLevel: 'township' },
  step: {},
  request_extension: { requestedUntil: at(50).toISOString() },
  decide_extension: { approved: false },
  request_suspension: {},
  decide_suspension: { approved: false },
  resume: { clock: clock('handle', 2, 24), handleDeadline: at(26).toISOString() },
  feed_back: { clock: clock('verify', 2, 8), verifierUserId: 'g' },
  co_feed_back: {},
  verify_pass: { clock: null },
  verify_fail: { clock: clock('handle', 2, 24), handleDeadline: at(26).toISOString(), unitId: 'u1' },
  close: { clock: null, closing: { text: '垃圾已清运', met: true } },
  rate: { rating: 'satisfied', resolved: true },
  callback: { contactedInTime: true },
  reopen: { clock: clock('dispatch', 2, 1), toLevel: 'township' },
  escalate: { clock: clock('dispatch', 2, 1), toLevel: 'county' },
  supervise: { supervision: 'supervise', rectifyBy: null },
  convert_to_dispute: {
    clock: null,
    disputeId: '00000000-0000-4000-8000-000000000009',
    disputeCode: 'JF202603020000001',
  },
  claim: { clock: null },
  unclaim: { clock: clock('accept', 2, 2) },
  claim_close: {
    clock: clock('verify', 2, 8),
    beforePhotoId: '00000000-0000-4000-8000-00000000000b',
    afterPhotoId: '00000000-0000-4000-8000-00000000000a',
    verifierUserId: 'g',
  },
  claim_confirm: { clock: null },
  claim_reopen: { clock: clock('accept', 2, 2) },
};
const eventOf = (action: CaseAction) => ev(action, 2, DATA[action]);

describe('case reducer: the case follows from its events', () => {
  const history: CaseEventRecord[] = [
    ev('report', 1, { report, clock: clock('accept', 1, 2) }, 'r'),
    ev('accept', 2, { clock: clock('dispatch', 2, 1) }, 'd'),
    ev('dispatch', 3, {
      clock: clock('sign', 3, 2),
      target: unit('u1'),
      coUnitIds: [],
      toLevel: 'township',
      onTime: false,
    }),
    ev('return', 4, { clock: clock('dispatch', 4, 1), toLevel: 'township' }),
    ev('dispatch', 4, {
      clock: clock('sign', 4, 2),
      target: unit('u2'),
      coUnitIds: [],
      toLevel: 'township',
      onTime: true,
    }),
    ev('sign', 5, { clock: clock('handle', 5, 24), handleDeadline: at(29).toISOString() }),
    ev('feed_back', 6, { clock: clock('verify', 6, 8), verifierUserId: 'g' }),
    ev('verify_fail', 7, { clock: clock('handle', 7, 24), handleDeadline: at(31).toISOString(), unitId: 'u2' }),
    ev('feed_back', 8, { clock: clock('verify', 8, 8), verifierUserId: 'g' }),
    ev('verify_pass', 9, { clock: null }),
    ev('close', 10, { clock: null }),
    ev('rate', 11, { rating: 'basically_satisfied', resolved: true }, 'r'),
  ];

  it('replays a full chain with a return and a rework', () => {
    const c = replayCase(history);
    expect(c).toMatchObject({
      state: 'closed',
      version: 12,
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
      // 首接负责制: a resident's report gets the dispatcher who accepted it as its first contact
      firstContactUserId: 'd',
    });
    expect(c.acceptedAt).toEqual(at(2));
    expect(c.closedAt).toEqual(at(10));
    expect(c.handleDeadline).toEqual(at(31));
  });

  it('首接负责制: staff who took the report (hotline, window, patrol) are the first contact, not the accepting dispatcher', () => {
    for (const channel of ['hotline', 'walk_in', 'grid_worker'] as const) {
      const c = replayCase([
        ev('report', 1, { report: { ...report, channel }, clock: clock('accept', 1, 2) }, 'staff'),
        ev('accept', 2, { clock: clock('dispatch', 2, 1) }, 'd'),
      ]);
      expect(c.firstContactUserId, channel).toBe('staff');
    }
    const api = replayCase([ev('report', 1, { report: { ...report, channel: 'api' }, clock: null }, null)]);
    expect(api.firstContactUserId).toBeNull();
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
      assigneeUserId: null,
      closedAt: null,
      rating: null,
      stage: 'dispatch',
    });
  });

  it('keeps requests pending until decided; an approved suspension stops the clock', () => {
    const base = replayCase(history.slice(0, 6));
    const asked = applyCaseEvent(base, ev('request_suspension', 6, {}));
    expect(asked.pending).toEqual({ kind: 'suspension', requestedBy: 'x' });
    const suspended = applyCaseEvent(
      asked,
      ev('decide_suspension', 7, { approved: true, clock: null, remainingMs: 1000 }),
    );
    expect(suspended).toMatchObject({ state: 'suspended', pending: null, stage: null });
    expect(nextStateOf('decide_suspension', 'handling', true)).toBe('suspended');
    const denied = applyCaseEvent(asked, ev('decide_suspension', 7, { approved: false }));
    expect(denied).toMatchObject({ state: 'handling', pending: null, stage: 'handle' });
    expect(nextStateOf('decide_suspension', 'handling', false)).toBe('handling');
    const resumed = applyCaseEvent(
      suspended,
      ev('resume', 30, { clock: clock('handle', 30, 10), handleDeadline: at(40).toISOString() }),
    );
    expect(resumed).toMatchObject({
      state: 'handling',
      stage: 'handle',
      handleDeadline: at(40),
      stageDeadline: at(40),
    });
  });

  it('an approved extension moves the deadline and keeps the state; a refused one changes neither', () => {
    const base = replayCase(history.slice(0, 6));
    const asked = applyCaseEvent(base, ev('request_extension', 6, { requestedUntil: at(50).toISOString() }));
    expect(asked.pending).toEqual({ kind: 'extension', requestedUntil: at(50).toISOString(), requestedBy: 'x' });
    const approved = applyCaseEvent(
      asked,
      ev('decide_extension', 7, {
        approved: true,
        clock: {
          stage: 'handle',
          startedAt: at(5).toISOString(),
          deadline: at(50).toISOString(),
          warnAt: at(41).toISOString(),
        },
        handleDeadline: at(50).toISOString(),
      }),
    );
    expect(approved).toMatchObject({
      state: 'handling',
      pending: null,
      stage: 'handle',
      stageStartedAt: at(5),
      stageDeadline: at(50),
      handleDeadline: at(50),
    });
    const refused = applyCaseEvent(asked, ev('decide_extension', 7, { approved: false }));
    expect(refused).toMatchObject({ state: 'handling', pending: null, stageDeadline: at(29), handleDeadline: at(29) });
  });

  it('escalation raises the level and clears the assignee; supervision records the rectify-by date', () => {
    const c = replayCase(history.slice(0, 6));
    const up = applyCaseEvent(c, ev('escalate', 6, { clock: clock('dispatch', 6, 1), toLevel: 'county' }));
    expect(up).toMatchObject({ state: 'accepted', level: 'county', escalationCount: 1, assigneeUnitId: null });
    const listed = applyCaseEvent(up, ev('supervise', 7, { supervision: 'listed', rectifyBy: at(48).toISOString() }));
    expect(listed).toMatchObject({ supervision: 'listed', rectifyBy: at(48), stage: 'dispatch' });
  });

  it('converting records the dispute the case became and stops its clock', () => {
    const converted = applyCaseEvent(caseIn('accepted'), eventOf('convert_to_dispute'));
    expect(converted).toMatchObject({
      state: 'converted',
      convertedDisputeId: '00000000-0000-4000-8000-000000000009',
      stage: null,
      stageDeadline: null,
    });
  });

  it('merging records the case it was merged into', () => {
    const merged = applyCaseEvent(caseIn('reported'), eventOf('merge'));
    expect(merged).toMatchObject({
      state: 'merged',
      mergedIntoId: '00000000-0000-4000-8000-000000000002',
      stage: null,
    });
  });

  it('refuses a history that does not start with one report', () => {
    expect(() => replayCase([ev('accept', 1, { clock: clock('dispatch', 1, 1) })])).toThrow('event before the report');
    expect(() =>
      replayCase([ev('report', 1, { report, clock: null }), ev('report', 2, { report, clock: null })]),
    ).toThrow('a case starts with exactly one report event');
  });
});

describe('市民认领 on the case chain', () => {
  const claimed = [
    ev('report', 1, { report, clock: clock('accept', 1, 2) }, 'r'),
    ev('claim', 2, { clock: null }, 'v'),
    ev(
      'claim_close',
      3,
      {
        clock: clock('verify', 3, 8),
        beforePhotoId: '00000000-0000-4000-8000-00000000000b',
        afterPhotoId: '00000000-0000-4000-8000-00000000000a',
        verifierUserId: 'g',
      },
      'v',
    ),
  ];

  it('closes a confirmed claim as handled by a volunteer, not as the grid worker’s 即报即办', () => {
    const c = replayCase([...claimed, ev('claim_confirm', 4, { clock: null }, 'g')]);
    expect(c).toMatchObject({
      state: 'closed',
      claimantUserId: 'v',
      claimHandled: true,
      selfHandled: false,
      verifierUserId: 'g',
      stage: null,
      assigneeUserId: null,
    });
    expect(c.closedAt).toEqual(at(4));
    expect(c.fedBackAt).toEqual(at(3));
  });

  it('sends a claim back to the centre’s intake with the accept clock, the volunteer released', () => {
    const c = replayCase([...claimed, ev('claim_reopen', 4, { clock: clock('accept', 4, 2) }, 'g')]);
    expect(c).toMatchObject({ state: 'reported', claimantUserId: null, claimHandled: false, stage: 'accept' });
    expect(c.verifierUserId).toBeNull();
  });
});
