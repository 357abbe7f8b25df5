import { metresBetween } from './geo-distance.ts';

/*
 * 群防群治 (community forces) and 市民认领: the teams that work with the grids, volunteers and their
 * activities, hours and points. Zod-free: the phone imports it. Contracts are in forces-contracts.ts.
 * Source: issue 17 points 5–6 and ../shared/docs/domain.md "Field work"; figures marked "local practice,
 * editable" are this platform's defaults, not law.
 */

/** Kinds of community force (群防群治力量). */
export const TEAM_KINDS = ['patrol_team', 'village_police', 'mediation_team', 'volunteer_team'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  patrol_team: '平安巡防队',
  village_police: '一村一警',
  mediation_team: '民调队伍',
  volunteer_team: '志愿服务队',
};

/** Kinds of activity a village or centre publishes. */
export const ACTIVITY_KINDS = ['patrol_shift', 'volunteer_event'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  patrol_shift: '巡防值班',
  volunteer_event: '志愿服务活动',
};

/** A resident's volunteer registration: pending until the village cadre or the centre decides. */
export const VOLUNTEER_STATES = ['pending', 'approved', 'rejected'] as const;
export type VolunteerState = (typeof VOLUNTEER_STATES)[number];
export const VOLUNTEER_STATE_LABELS: Record<VolunteerState, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

/**
 * Volunteer points (志愿积分): local practice, editable. Per whole hour of service (rounded down to the
 * quarter hour before multiplying), and per problem a volunteer claimed, closed and the grid worker
 * confirmed (市民认领).
 */
export const VOLUNTEER_POINTS = { perHour: 10, perSelfHandled: 5 } as const;
export type VolunteerPoints = { perHour: number; perSelfHandled: number };

/**
 * Check-in on site (到场签到): within `radiusM` of the activity's place, from `earlyMinutes` before its
 * start until its end. Local practice, editable: 200 m is about a block, enough for a phone's GPS in town.
 */
export const CHECK_IN_RULE = { radiusM: 200, earlyMinutes: 30 } as const;

/**
 * 认领时限: a case a volunteer claimed and has not closed (认领处置完成) within `hours` goes back to the
 * centre's intake by itself — the clock engine's kind `case.claim` — and the volunteer is told. Local
 * practice, editable, not law: small problems (litter, a blocked grate) are meant to be dealt with the
 * same or next day (Hengqin's 物业城市 model); two days leaves a weekend's slack before the centre takes
 * the case back into the normal chain, where its own stage clocks run again.
 */
export const CLAIM_HOLD = { hours: 48 } as const;

/** When a claim made at `claimedAt` runs out (CLAIM_HOLD). */
export function claimExpiresAt(claimedAt: Date, hold: { hours: number } = CLAIM_HOLD): Date {
  return new Date(claimedAt.getTime() + hold.hours * 3_600_000);
}

/** The note and timeline label of a claim released on its clock (an `unclaim` event with `expired`, no actor). */
export const CLAIM_EXPIRED_NOTE = `认领后 ${CLAIM_HOLD.hours} 小时内未完成处置，系统自动退回综治中心`;
export const CLAIM_EXPIRED_LABEL = '认领超时自动退回';

/** 附近可认领: claimable cases within this radius of the volunteer (local practice, editable). */
export const CLAIM_NEARBY = { radiusM: 1000, max: 20 } as const;

/** Minutes served: check-in to check-out, counted only inside the activity's start–end (never negative). */
export function minutesServed(checkIn: Date, checkOut: Date, activity: { startsAt: Date; endsAt: Date }): number {
  const from = Math.max(checkIn.getTime(), activity.startsAt.getTime());
  const to = Math.min(checkOut.getTime(), activity.endsAt.getTime());
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** Points for served minutes and confirmed self-handled problems; hours count by whole quarter hours. */
export function volunteerPoints(
  minutes: number,
  selfHandled: number,
  rule: VolunteerPoints = VOLUNTEER_POINTS,
): number {
  const quarters = Math.floor(minutes / 15);
  return (quarters * rule.perHour) / 4 + selfHandled * rule.perSelfHandled;
}

export type CheckInRefusal = 'too_far' | 'too_early' | 'ended';

/** Whether a check-in at `at` from `pos` is accepted for the activity; the distance is always returned. */
export function checkInProblem(
  pos: { lon: number; lat: number },
  at: Date,
  activity: { lon: number; lat: number; startsAt: Date; endsAt: Date },
  rule: { radiusM: number; earlyMinutes: number } = CHECK_IN_RULE,
): { distanceM: number; problem: CheckInRefusal | null } {
  const distanceM = Math.round(metresBetween(pos, activity));
  if (at.getTime() < activity.startsAt.getTime() - rule.earlyMinutes * 60_000)
    return { distanceM, problem: 'too_early' };
  if (at.getTime() >= activity.endsAt.getTime()) return { distanceM, problem: 'ended' };
  return { distanceM, problem: distanceM > rule.radiusM ? 'too_far' : null };
}

/**
 * 市民认领: a case may be claimed by an approved volunteer when its item is marked claimable in the
 * catalogue and nobody holds it yet (new or accepted, not dispatched). The case chain's own rule is
 * CASE_LIFE.claim (cases-life.ts); this is the same test for the phone's list.
 */
export function isClaimable(c: { claimable: boolean; state: string }): boolean {
  return c.claimable && (c.state === 'reported' || c.state === 'accepted');
}
