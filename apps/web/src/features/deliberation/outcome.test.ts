import { describe, expect, it } from 'vitest';
import { liveOutcome, type TypedCounts } from './outcome.ts';
import type { DeliberationBody, RollBasis } from '@gewu/domain';

/*
 * The record form's live verdict, counted by hand: [body, basis, expected, typed, verdict, least present,
 * least in favour]. 2/3 of 9 is 6; more than half of 6 present is 4; more than half of 5 expected is 3;
 * half or more of 5 is 3; 2/3 of 30 households is 20; more than half of 30 adults is 16, of 16 present 9.
 */
const rows: [DeliberationBody, RollBasis, number, TypedCounts, string, number, number][] = [
  ['representatives_meeting', 'members', 9, { present: 5, inFavour: 5 }, 'not_quorate', 6, 3],
  ['representatives_meeting', 'members', 9, { present: 6, inFavour: 3, against: 3 }, 'not_passed', 6, 4],
  ['representatives_meeting', 'members', 9, { present: 6, inFavour: 3, abstaining: 3 }, 'not_passed', 6, 4],
  ['representatives_meeting', 'members', 9, { present: 6, inFavour: 4, against: 1, abstaining: 1 }, 'passed', 6, 4],
  ['representatives_meeting', 'members', 9, { present: 10, inFavour: 10 }, 'present_exceeds_expected', 6, 6],
  [
    'representatives_meeting',
    'members',
    9,
    { present: 6, inFavour: 4, against: 2, abstaining: 1 },
    'votes_exceed_present',
    6,
    4,
  ],
  ['representatives_meeting', 'members', 9, { present: 6, inFavour: 4, listed: 5 }, 'attendance_mismatch', 6, 4],
  ['representatives_meeting', 'members', 9, {}, 'not_quorate', 6, 1],
  ['party_branch', 'members', 5, { present: 3, inFavour: 3 }, 'passed', 3, 3],
  ['party_branch', 'members', 5, { present: 3, inFavour: 2, against: 1 }, 'not_passed', 3, 3],
  ['party_branch', 'members', 5, { present: 2, inFavour: 2 }, 'not_quorate', 3, 3],
  ['villagers_meeting', 'households', 30, { present: 19, inFavour: 19 }, 'not_quorate', 20, 10],
  ['villagers_meeting', 'adults', 30, { present: 16, inFavour: 9, against: 7 }, 'passed', 16, 9],
  ['villagers_meeting', 'adults', 30, { present: 16, inFavour: 8, against: 8 }, 'not_passed', 16, 9],
];

describe('liveOutcome', () => {
  it.each(rows)('%s (%s) of %i: %j → %s', (body, basis, expected, typed, verdict, quorum, majority) => {
    const o = liveOutcome(body, basis, expected, typed);
    expect([o.verdict, o.quorumNeeded, o.majorityNeeded]).toEqual([verdict, quorum, majority]);
  });
});
