import { meetingOutcome, type DeliberationBody, type RollBasis } from '@gewu/domain';

/** The counts as typed in the record form (blank fields are undefined). */
export interface TypedCounts {
  present?: number | null;
  inFavour?: number | null;
  against?: number | null;
  abstaining?: number | null;
  /** Roll entries ticked present, when the attendance is listed. */
  listed?: number;
}

/** What the form shows under the counts, and whether it may be submitted. */
export interface LiveOutcome {
  /** passed: may be submitted; otherwise the reason (an i18n key under deliberation.outcome) it may not. */
  verdict:
    | 'passed'
    | 'not_quorate'
    | 'not_passed'
    | 'present_exceeds_expected'
    | 'votes_exceed_present'
    | 'negative'
    | 'attendance_mismatch';
  quorumNeeded: number;
  majorityNeeded: number;
  quorate: boolean;
}

/**
 * The meeting's result as the counts are typed: the domain's meetingOutcome (the rule the server
 * enforces), plus the form's own check that a listed attendance matches 实到. Blank counts are 0.
 */
export function liveOutcome(
  body: DeliberationBody,
  basis: RollBasis,
  expected: number,
  typed: TypedCounts,
): LiveOutcome {
  const n = (v: number | null | undefined) => v ?? 0;
  const o = meetingOutcome(body, basis, {
    expected,
    present: n(typed.present),
    inFavour: n(typed.inFavour),
    against: n(typed.against),
    abstaining: n(typed.abstaining),
  });
  const base = { quorumNeeded: o.quorumNeeded, majorityNeeded: o.majorityNeeded, quorate: o.quorate };
  if (o.problem) return { ...base, verdict: o.problem };
  if (typed.listed && typed.listed !== n(typed.present)) return { ...base, verdict: 'attendance_mismatch' };
  if (!o.quorate) return { ...base, verdict: 'not_quorate' };
  return { ...base, verdict: o.passed ? 'passed' : 'not_passed' };
}
