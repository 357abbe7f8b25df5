import { describe, expect, it } from 'vitest';
import {
  type DeliberationStage,
  type StageStatus,
  decidingBodyProblem,
  isOfVotingAge,
  leastReaching,
  meetingOutcome,
  nextStage,
  publicationClock,
  resolutionNoticeDue,
  stageBody,
  stageOperation,
} from './deliberation.ts';

const counts = (expected: number, present: number, inFavour: number, against = 0, abstaining = 0) => ({
  expected,
  present,
  inFavour,
  against,
  abstaining,
});

describe('村民代表会议 (art. 26): at least two thirds present, more than half of those present in favour', () => {
  // [expected, present, for, against, abstain, quorate, passed]
  const table: [number, number, number, number, number, boolean, boolean][] = [
    [30, 20, 11, 9, 0, true, true], // exactly two thirds present: quorate; 11 of 20 is more than half
    [30, 19, 19, 0, 0, false, false], // one short of two thirds: not quorate, unanimous or not
    [30, 20, 10, 10, 0, true, false], // exactly half in favour: not passed
    [30, 20, 10, 0, 10, true, false], // abstentions are present and not in favour
    [30, 20, 10, 0, 0, true, false], // ten present did not vote: still counted as present
    [31, 21, 11, 0, 0, true, true], // 21 × 3 = 63 ≥ 62
    [31, 20, 20, 0, 0, false, false], // 60 < 62
    [9, 6, 4, 2, 0, true, true], // 2/3 of 9 is 6 exactly
    [9, 6, 3, 3, 0, true, false],
    [1, 1, 1, 0, 0, true, true],
  ];
  it.each(table)('%i expected, %i present, %i/%i/%i → quorate %s, passed %s', (e, p, f, a, ab, q, ok) => {
    const o = meetingOutcome('representatives_meeting', 'members', counts(e, p, f, a, ab));
    expect([o.quorate, o.passed]).toEqual([q, ok]);
  });
});

describe('村民会议 (art. 22): by the 18+ villagers more than half, by households at least two thirds', () => {
  const table: [string, 'adults' | 'households', number, number, number, boolean, boolean][] = [
    ['exactly half the adults', 'adults', 400, 200, 200, false, false],
    ['one more than half', 'adults', 400, 201, 101, true, true],
    ['half of those present is not enough', 'adults', 400, 202, 101, true, false],
    ['odd roll: 151 of 301 is more than half', 'adults', 301, 151, 76, true, true],
    ['odd roll: 150 of 301 is not', 'adults', 301, 150, 150, false, false],
    ['households: exactly two thirds', 'households', 120, 80, 41, true, true],
    ['households: 79 of 120', 'households', 120, 79, 79, false, false],
    ['households: more than half but under two thirds', 'households', 120, 70, 70, false, false],
  ];
  it.each(table)('%s', (_, basis, e, p, f, q, ok) => {
    const o = meetingOutcome('villagers_meeting', basis, counts(e, p, f));
    expect([o.quorate, o.passed]).toEqual([q, ok]);
  });
});

describe('党员大会: half or more present (半数以上), more than half of those expected in favour (超过半数)', () => {
  it.each([
    [40, 21, 21, true, true],
    [40, 20, 20, true, false], // exactly half present is quorate (以上 includes the number); 20 of 40 expected is not more than half
    [40, 19, 19, false, false], // under half present
    [40, 30, 20, true, false], // 20 of 40 expected is half: not passed although 2/3 of those present
    [40, 30, 21, true, true],
  ])('%i expected, %i present, %i for → %s %s', (e, p, f, q, ok) => {
    const o = meetingOutcome('party_members', 'members', counts(e, p, f));
    expect([o.quorate, o.passed]).toEqual([q, ok]);
  });
});

describe('impossible counts are neither quorate nor passed', () => {
  it.each([
    [counts(10, 11, 11), 'present_exceeds_expected'],
    [counts(10, 8, 5, 2, 2), 'votes_exceed_present'],
    [counts(10, -1, 0), 'negative'],
    [counts(10, 7.5, 5), 'negative'],
  ])('%o → %s', (c, problem) => {
    const o = meetingOutcome('representatives_meeting', 'members', c);
    expect([o.problem, o.quorate, o.passed]).toEqual([problem, false, false]);
  });
  it('an empty roll never makes a quorum', () => {
    expect(meetingOutcome('two_committees', 'members', counts(0, 0, 0)).quorate).toBe(false);
  });
});

describe('least numbers needed (shown beside the form)', () => {
  it.each([
    [30, { num: 2, den: 3, strict: false }, 20],
    [31, { num: 2, den: 3, strict: false }, 21],
    [20, { num: 1, den: 2, strict: true }, 11],
    [21, { num: 1, den: 2, strict: true }, 11],
    [1, { num: 1, den: 2, strict: true }, 1],
    [0, { num: 1, den: 2, strict: true }, 1],
  ])('of %i with %o: %i', (whole, t, n) => {
    expect(leastReaching(whole, t)).toBe(n);
  });
  it('the representatives meeting of 30 with 20 present needs 20 present and 11 in favour', () => {
    const o = meetingOutcome('representatives_meeting', 'members', counts(30, 20, 0));
    expect([o.quorumNeeded, o.majorityNeeded]).toEqual([20, 11]);
  });
});

describe('a matter goes to the body the law names', () => {
  it.each([
    ['land_compensation', 'villagers_meeting', false, null],
    ['land_compensation', 'representatives_meeting', true, null],
    ['land_compensation', 'representatives_meeting', false, 'authorisation_required'],
    ['homestead', 'residents_council', true, 'wrong_body'],
    ['village_charter', 'representatives_meeting', true, 'wrong_body'],
    ['revoke_representatives_decision', 'representatives_meeting', true, 'wrong_body'],
    ['community_affairs', 'residents_council', false, null],
    ['community_affairs', 'villagers_meeting', false, 'wrong_body'],
  ] as const)('%s decided by %s (authorised %s) → %s', (kind, body, authorised, problem) => {
    expect(decidingBodyProblem(kind, body, authorised)).toBe(problem);
  });
});

describe('18 years from the 18th birthday', () => {
  it.each([
    ['2008-05-20', '2026-05-20', true],
    ['2008-05-20', '2026-05-19', false],
    ['2008-02-29', '2026-02-28', false],
    ['2008-02-29', '2026-03-01', true],
    ['1950-01-01', '2026-01-01', true],
    ['2010-01-01', '2026-12-31', false],
  ])('born %s, on %s → %s', (b, d, ok) => {
    expect(isOfVotingAge(b, d)).toBe(ok);
  });
});

describe('四议两公开: a stage opens only when the one before it concluded', () => {
  const all = (s: StageStatus, over: Partial<Record<DeliberationStage, StageStatus>> = {}) =>
    ({
      proposal: s,
      consultation: s,
      review: s,
      resolution: s,
      resolution_notice: s,
      result_notice: s,
      ...over,
    }) as Record<DeliberationStage, StageStatus>;
  it.each([
    ['proposal', all('pending', { proposal: 'open' }), 'convene'],
    ['proposal', all('pending', { proposal: 'convened' }), 'record'],
    ['consultation', all('pending', { proposal: 'convened', consultation: 'open' }), null],
    ['consultation', all('pending', { proposal: 'concluded', consultation: 'open' }), 'convene'],
    ['resolution', all('concluded', { resolution: 'convened', review: 'open' }), null],
    ['resolution_notice', all('concluded', { resolution_notice: 'open', result_notice: 'pending' }), 'publish'],
    ['result_notice', all('concluded', { resolution_notice: 'open', result_notice: 'open' }), null],
    ['result_notice', all('concluded', { result_notice: 'open' }), 'publish'],
    ['result_notice', all('concluded'), null],
  ] as const)('%s with %o → %s', (stage, statuses, op) => {
    expect(stageOperation(stage, statuses)).toBe(op);
  });
  it('the order and who meets', () => {
    const order: string[] = [];
    for (let s: DeliberationStage | null = 'proposal'; s; s = nextStage(s)) order.push(s);
    expect(order).toEqual(['proposal', 'consultation', 'review', 'resolution', 'resolution_notice', 'result_notice']);
    expect(order.map((s) => stageBody(s as DeliberationStage, 'representatives_meeting'))).toEqual([
      'party_branch',
      'two_committees',
      'party_members',
      'representatives_meeting',
      null,
      null,
    ]);
  });
});

describe('publication deadlines', () => {
  it('the resolution is published within 3 days, yellow at 80 %', () => {
    const at = new Date('2026-03-02T02:00:00Z');
    const due = resolutionNoticeDue(at);
    expect(due.toISOString()).toBe('2026-03-05T02:00:00.000Z');
    expect(publicationClock(at, due).warnAt.toISOString()).toBe('2026-03-04T11:36:00.000Z');
  });
});
