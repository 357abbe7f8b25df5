import { describe, expect, it } from 'vitest';
import { addLimit, defaultWorkCalendar } from './calendar.ts';
import {
  DISPUTE_STATES,
  type DisputeState,
  disputeStageLimit,
  disputeTierOfPath,
  nextDisputeTier,
  riskProblem,
} from './disputes.ts';
import type { DisputeEventDataMap, DisputeEventRecord, DisputeRegistration } from './disputes-events.ts';
import {
  DISPUTE_ACTIONS,
  DISPUTE_RELATIONS,
  type DisputeFacts,
  type DisputeRelation,
  availableDisputeActions,
  checkDisputeTransition,
  disputeNextState,
} from './disputes-life.ts';
import { replayDispute } from './disputes-reducer.ts';
import { type AgreementDraft, agreementProblem, diversionProblem } from './disputes-rules.ts';

/*
 * The dispute flow's rules written out by hand from ../shared/docs/domain.md ("Disputes and
 * petitions"), 人民调解法 and issue 15, and checked against DISPUTE_LIFE through
 * checkDisputeTransition and the reducer. Nothing here is computed from the table under test.
 */

function table(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
}

const facts = (state: DisputeState, more: Partial<DisputeFacts> = {}): DisputeFacts => ({
  state,
  tier: 'village',
  followUpCount: 1,
  confirmationDeadline: null,
  ...more,
});
const ALL: DisputeRelation[] = [...DISPUTE_RELATIONS];

/**
 * State × action for an actor holding every relation, giving a note. Cell: the state the action
 * leads to; `·` refused with dispute.invalid_state.
 */
const TRANSITIONS = `
action              registered accepted   diverted   mediating  agreed     confirming performing closed failed declined
accept              accepted   ·          ·          ·          ·          ·          ·          ·      ·      ·
decline             declined   ·          ·          ·          ·          ·          ·          ·      ·      ·
divert              ·          diverted   ·          ·          ·          ·          ·          ·      ·      ·
assign              ·          ·          mediating  ·          ·          ·          ·          ·      ·      ·
reassign            ·          ·          ·          mediating  ·          ·          ·          ·      ·      ·
record_session      ·          ·          ·          mediating  ·          ·          ·          ·      ·      ·
agree               ·          ·          ·          agreed     ·          ·          ·          ·      ·      ·
fail                ·          ·          ·          failed     ·          ·          ·          ·      ·      ·
escalate            ·          accepted   accepted   accepted   ·          ·          ·          ·      ·      ·
apply_confirmation  ·          ·          ·          ·          confirming ·          ·          ·      ·      ·
record_confirmation ·          ·          ·          ·          ·          performing ·          ·      ·      ·
waive_confirmation  ·          ·          ·          ·          performing ·          ·          ·      ·      ·
follow_up           ·          ·          ·          ·          ·          ·          performing ·      ·      ·
close               ·          ·          ·          ·          ·          ·          closed     ·      ·      ·
assess_risk         registered accepted   diverted   mediating  agreed     confirming performing ·      ·      ·
refer_case          registered accepted   diverted   mediating  agreed     confirming performing ·      ·      ·
attach_signed_agreement ·      ·          ·          ·          agreed     confirming performing ·      ·      ·
`;

/**
 * Who may act (from a state where the action is allowed): Y allowed with that relation alone, ·
 * refused with dispute.not_allowed; `no-note`: what an actor holding every relation gets without one.
 */
const WHO = `
action              from       centre organisation mediator supervisor no-note
accept              registered Y      ·            ·        ·          ok
decline             registered Y      ·            ·        ·          note_required
divert              accepted   Y      ·            ·        ·          ok
assign              diverted   Y      Y            ·        ·          ok
reassign            mediating  Y      Y            ·        ·          note_required
record_session      mediating  ·      Y            Y        ·          note_required
agree               mediating  ·      ·            Y        ·          ok
fail                mediating  ·      ·            Y        ·          note_required
escalate            mediating  Y      ·            Y        ·          note_required
apply_confirmation  agreed     Y      ·            Y        ·          ok
record_confirmation confirming Y      ·            Y        ·          ok
waive_confirmation  agreed     Y      ·            Y        ·          note_required
follow_up           performing Y      ·            Y        ·          note_required
close               performing Y      ·            Y        ·          ok
assess_risk         mediating  Y      ·            ·        ·          note_required
refer_case          mediating  Y      Y            Y        ·          note_required
attach_signed_agreement agreed Y      Y            Y        ·          ok
`;

describe('DISPUTE_LIFE: states, who, notes', () => {
  it('every action × state leads where the hand-written table says', () => {
    const [header, ...rows] = table(TRANSITIONS);
    const states = (header ?? []).slice(1) as DisputeState[];
    expect([...states].sort()).toEqual([...DISPUTE_STATES].sort());
    expect(rows.map((r) => r[0]).sort()).toEqual([...DISPUTE_ACTIONS].sort());
    for (const row of rows) {
      const action = row[0] as (typeof DISPUTE_ACTIONS)[number];
      states.forEach((state, i) => {
        const refusal = checkDisputeTransition(facts(state), action, ALL, { note: '说明', appliedAt: new Date(0) });
        const want = row[i + 1];
        const got = refusal
          ? refusal.code === 'dispute.invalid_state'
            ? '·'
            : refusal.code
          : disputeNextState(action, state);
        expect([action, state, got]).toEqual([action, state, want]);
      });
    }
  });

  it('each relation may take exactly the actions the WHO table gives it', () => {
    const [header, ...rows] = table(WHO);
    const relations = (header ?? []).slice(2, 6) as DisputeRelation[];
    for (const row of rows) {
      const action = row[0] as (typeof DISPUTE_ACTIONS)[number];
      const from = row[1] as DisputeState;
      relations.forEach((rel, i) => {
        const r = checkDisputeTransition(facts(from), action, [rel], { note: '说明', appliedAt: new Date(0) });
        expect([action, rel, r?.code ?? 'ok']).toEqual([
          action,
          rel,
          row[i + 2] === 'Y' ? 'ok' : 'dispute.not_allowed',
        ]);
      });
      const noNote = checkDisputeTransition(facts(from), action, ALL, { appliedAt: new Date(0) });
      expect([action, noNote?.code ?? 'ok']).toEqual([action, row[6] === 'ok' ? 'ok' : `dispute.${row[6]}`]);
    }
  });

  it('a refusal carries a Chinese message naming the state and the action', () => {
    expect(checkDisputeTransition(facts('closed'), 'agree', ALL, {})).toEqual({
      code: 'dispute.invalid_state',
      message: '纠纷当前状态（已结案）不能达成调解协议',
    });
    expect(checkDisputeTransition(facts('mediating'), 'agree', ['centre'], {})).toEqual({
      code: 'dispute.not_allowed',
      message: '您无权对该纠纷达成调解协议',
    });
  });
});

describe('guards', () => {
  it('escalation stops at the county tier', () => {
    const note = { note: '村级调解不成' };
    expect(checkDisputeTransition(facts('mediating', { tier: 'village' }), 'escalate', ALL, note)).toBeNull();
    expect(checkDisputeTransition(facts('mediating', { tier: 'township' }), 'escalate', ALL, note)).toBeNull();
    expect(checkDisputeTransition(facts('mediating', { tier: 'county' }), 'escalate', ALL, note)?.code).toBe(
      'dispute.top_tier',
    );
    expect([nextDisputeTier('village'), nextDisputeTier('township'), nextDisputeTier('county')]).toEqual([
      'township',
      'county',
      null,
    ]);
  });

  it('closing needs a follow-up first', () => {
    expect(checkDisputeTransition(facts('performing', { followUpCount: 0 }), 'close', ALL, {})?.code).toBe(
      'dispute.follow_up_required',
    );
    expect(checkDisputeTransition(facts('performing', { followUpCount: 2 }), 'close', ALL, {})).toBeNull();
  });

  it('司法确认 may be applied for until the 30th day after the agreement took effect (人民调解法 art. 33), not after', () => {
    // Effective 2026-03-02 10:00 Beijing; 30 natural days later is 2026-04-01 10:00 Beijing (02:00 UTC).
    const effective = new Date('2026-03-02T02:00:00.000Z');
    const deadline = addLimit(effective, disputeStageLimit('confirm_window', null), defaultWorkCalendar());
    expect(deadline.toISOString()).toBe('2026-04-01T02:00:00.000Z');
    const f = facts('agreed', { confirmationDeadline: deadline });
    const at = (iso: string) => checkDisputeTransition(f, 'apply_confirmation', ALL, { appliedAt: new Date(iso) });
    expect(at('2026-03-02T02:00:00.000Z')).toBeNull();
    expect(at('2026-04-01T02:00:00.000Z')).toBeNull();
    expect(at('2026-04-01T02:00:00.001Z')).toEqual({
      code: 'dispute.confirmation_window_passed',
      message: '已超过调解协议生效之日起三十日的司法确认申请期限（人民调解法第三十三条）',
    });
  });

  it('the buttons: a mediator holding a dispute in mediation may record, agree, fail, escalate or file a case', () => {
    expect(availableDisputeActions(facts('mediating'), ['mediator', 'organisation'], new Date(0))).toEqual([
      'reassign',
      'record_session',
      'agree',
      'fail',
      'escalate',
      'refer_case',
    ]);
    expect(availableDisputeActions(facts('registered'), ['supervisor'], new Date(0))).toEqual([]);
  });
});

describe('stage limits', () => {
  it('default to the hand-copied values and a type changes only its editable stages', () => {
    expect(disputeStageLimit('mediate', null)).toEqual({ amount: 30, unit: 'natural_days' });
    expect(disputeStageLimit('accept', undefined)).toEqual({ amount: 3, unit: 'work_days' });
    expect(disputeStageLimit('court', null)).toEqual({ amount: 15, unit: 'natural_days' });
    const own = { mediate: { amount: 15, unit: 'natural_days' as const } };
    expect(disputeStageLimit('mediate', own)).toEqual({ amount: 15, unit: 'natural_days' });
    expect(disputeStageLimit('follow_up', own)).toEqual({ amount: 30, unit: 'natural_days' });
    // The statutory window is the law's: a type cannot shorten it.
    const sneaky = { confirm_window: { amount: 5, unit: 'natural_days' } } as never;
    expect(disputeStageLimit('confirm_window', sneaky)).toEqual({ amount: 30, unit: 'natural_days' });
  });
});

describe('tiers and risk', () => {
  it('a region path gives its tier', () => {
    expect(disputeTierOfPath('/41/4101/410104/410104001/410104001001/')).toBe('village');
    expect(disputeTierOfPath('/41/4101/410104/410104001/')).toBe('township');
    expect(disputeTierOfPath('/41/4101/410104/')).toBe('county');
    expect(disputeTierOfPath('/41/4101/')).toBe('county');
  });

  it('a major dispute needs a 稳控责任人; lower risks do not', () => {
    expect(riskProblem('major', null)).toBe('重大风险纠纷须指定稳控责任人');
    expect(riskProblem('major', 'u1')).toBeNull();
    expect(riskProblem('serious', null)).toBeNull();
    expect(riskProblem('general', undefined)).toBeNull();
  });
});

describe('agreement', () => {
  const parties = [
    { id: 'p1', side: 'a' as const },
    { id: 'p2', side: 'b' as const },
    { id: 'p3', side: 'third' as const },
  ];
  const now = new Date('2026-03-10T02:00:00.000Z');
  const good: AgreementDraft = {
    partyIds: ['p1', 'p2'],
    facts: '双方因宅基地边界发生争执',
    terms: [{ text: '乙方于三月底前拆除越界围墙', dueDate: '2026-03-31' }],
    effectiveAt: new Date('2026-03-10T01:00:00.000Z'),
  };
  const CASES: [string, Partial<AgreementDraft>, string | null][] = [
    ['a complete agreement', {}, null],
    ['no parties', { partyIds: [] }, 'dispute.agreement_parties_required'],
    ['one side only', { partyIds: ['p1', 'p3'] }, 'dispute.agreement_parties_required'],
    ['a stranger', { partyIds: ['p1', 'p2', 'zz'] }, 'dispute.agreement_party_unknown'],
    ['no facts', { facts: '  ' }, 'dispute.agreement_facts_required'],
    ['no terms', { terms: [] }, 'dispute.agreement_terms_required'],
    ['only blank terms', { terms: [{ text: ' ', dueDate: null }] }, 'dispute.agreement_terms_required'],
    ['effective tomorrow', { effectiveAt: new Date('2026-03-11T02:00:00.000Z') }, 'dispute.agreement_effective_future'],
    // 2026-03-10 01:00 UTC is 09:00 on the 10th in Beijing: due on the 9th is before it took effect.
    ['due before effective', { terms: [{ text: '赔偿', dueDate: '2026-03-09' }] }, 'dispute.term_due_before_effective'],
    ['due the same day', { terms: [{ text: '赔偿', dueDate: '2026-03-10' }] }, null],
  ];
  for (const [what, change, code] of CASES)
    it(`${what} → ${code ?? 'accepted'}`, () => {
      expect(agreementProblem({ ...good, ...change }, parties, now)?.code ?? null).toBe(code);
    });
});

describe('diversion: the path decides the organisation, the lowest capable tier first', () => {
  const ROWS = `
path                      org_kind        org_tier  dispute_tier note  result
people_mediation          people_village  village   village      -     ok
people_mediation          people_township township  village      -     tier_reason_required
people_mediation          people_township township  village      Y     ok
people_mediation          people_village  village   township     Y     tier_below
people_mediation          professional    county    county       -     ok
people_mediation          administrative  township  township     -     organisation_path_mismatch
administrative_mediation  administrative  township  township     -     ok
administrative_mediation  people_township township  township     -     organisation_path_mismatch
professional_mediation    professional    county    township     Y     ok
professional_mediation    people_county   county    county       -     organisation_path_mismatch
reconciliation            people_village  village   village      -     ok
reconciliation            administrative  township  township     -     ok
`;
  it('per the table', () => {
    for (const [path, kind, orgTier, tier, note, result] of table(ROWS).slice(1)) {
      const got = diversionProblem({
        path: path as never,
        disputeTier: tier as never,
        organisation: { kind: kind as never, tier: orgTier as never },
        note: note === 'Y' ? '案情复杂' : undefined,
      });
      expect([path, kind, tier, got?.code ?? 'ok']).toEqual([
        path,
        kind,
        tier,
        result === 'ok' ? 'ok' : `dispute.${result}`,
      ]);
    }
  });
});

describe('the reducer folds a whole agreement branch', () => {
  const t = (minute: number) => new Date(Date.UTC(2026, 2, 2, 1, minute));
  const clock = (stage: string, m: number) => ({
    stage: stage as never,
    startedAt: t(m).toISOString(),
    deadline: t(m + 100).toISOString(),
    warnAt: t(m + 80).toISOString(),
  });
  const registration: DisputeRegistration = {
    id: 'd1',
    code: 'JF202603020000001',
    typeCode: 'neighbour',
    summary: '邻里漏水纠纷',
    regionPath: '/41/4101/410104/410104001/410104001001/',
    address: null,
    tier: 'village',
    risk: 'general',
    civilToCriminal: false,
    stabilityUserId: null,
    source: 'walk_in',
    referringBody: null,
    externalRef: null,
    linkedCaseId: null,
    registeredBy: 'u-centre',
  };
  const ev = <T extends keyof DisputeEventDataMap>(type: T, m: number, data: DisputeEventDataMap[T]) =>
    ({ type, at: t(m), actorId: 'u', data }) as DisputeEventRecord;
  const agreement = {
    partyIds: ['p1', 'p2'],
    facts: '楼上漏水',
    terms: [{ text: '赔偿 800 元', dueDate: '2026-03-20' }],
    effectiveAt: t(50).toISOString(),
  };
  const events: DisputeEventRecord[] = [
    ev('register', 0, { dispute: registration, clock: clock('accept', 0) }),
    ev('accept', 10, { clock: clock('divert', 10) }),
    ev('divert', 20, {
      clock: clock('assign', 20),
      path: 'people_mediation',
      tier: 'village',
      organisationId: 'o1',
      organisationName: '明德社区人民调解委员会',
    }),
    ev('assign', 30, { clock: clock('mediate', 30), mediatorUserId: 'm1', mediatorName: '孙调解' }),
    ev('record_session', 40, {
      session: { heldAt: t(40).toISOString(), place: '社区调解室', attendeePartyIds: ['p1'], otherAttendees: [] },
    }),
    ev('record_session', 45, {
      session: { heldAt: t(45).toISOString(), place: '社区调解室', attendeePartyIds: ['p1', 'p2'], otherAttendees: [] },
    }),
    ev('agree', 50, { clock: clock('confirm_window', 50), agreement, confirmationDeadline: t(150).toISOString() }),
    ev('apply_confirmation', 60, {
      clock: clock('court', 60),
      appliedAt: t(60).toISOString(),
      court: '管城区人民法院',
    }),
    ev('record_confirmation', 70, {
      clock: clock('follow_up', 70),
      result: 'confirmed',
      decidedAt: t(70).toISOString(),
      rulingNo: null,
    }),
    ev('follow_up', 80, { performance: 'full' }),
    ev('close', 90, { clock: null }),
  ];

  it('ends closed with the agreement, the court result and the counters', () => {
    const d = replayDispute(events);
    expect({
      state: d.state,
      version: d.version,
      organisationId: d.organisationId,
      mediatorUserId: d.mediatorUserId,
      sessions: d.sessionCount,
      followUps: d.followUpCount,
      result: d.confirmationResult,
      performance: d.performance,
      stage: d.stage,
      deadline: d.stageDeadline,
      confirmationDeadline: d.confirmationDeadline?.toISOString(),
      endedAt: d.endedAt?.toISOString(),
      overdue: d.everOverdue,
    }).toEqual({
      state: 'closed',
      version: 11,
      organisationId: 'o1',
      mediatorUserId: 'm1',
      sessions: 2,
      followUps: 1,
      result: 'confirmed',
      performance: 'full',
      stage: null,
      deadline: null,
      confirmationDeadline: '2026-03-02T03:30:00.000Z',
      endedAt: '2026-03-02T02:30:00.000Z',
      overdue: false,
    });
    expect(d.agreement).toEqual(agreement);
  });

  it('state after each event', () => {
    const states = events.map((_, i) => replayDispute(events.slice(0, i + 1)).state);
    expect(states).toEqual([
      'registered',
      'accepted',
      'diverted',
      'mediating',
      'mediating',
      'mediating',
      'agreed',
      'confirming',
      'performing',
      'performing',
      'closed',
    ]);
  });

  it('escalation hands it to the tier above with no organisation or mediator, and a stage ending late counts as overdue', () => {
    const up = ev('escalate', 200, { clock: clock('divert', 200), fromTier: 'village', toTier: 'township' });
    const d = replayDispute([...events.slice(0, 4), up]);
    expect([d.state, d.tier, d.organisationId, d.mediatorUserId, d.path, d.escalationCount, d.stage]).toEqual([
      'accepted',
      'township',
      null,
      null,
      null,
      1,
      'divert',
    ]);
    // The mediation stage started at minute 30 with its deadline at minute 130; escalating at 200 is late.
    expect(d.everOverdue).toBe(true);
  });
});
