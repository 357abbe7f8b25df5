import { z } from 'zod';
import { intField, safeString } from './text.ts';
import { ACTIVITY_KINDS, TEAM_KINDS, VOLUNTEER_STATES } from './forces.ts';
import { CASE_STATES } from './cases.ts';

/* 群防群治 and 市民认领: request bodies and views (rules in forces.ts). */

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const idempotencyKey = safeString().trim().min(8).max(100);

export const teamInputSchema = z.strictObject({
  regionId: z.string().uuid(),
  kind: z.enum(TEAM_KINDS),
  name: safeString().trim().min(1).max(64),
});
export type TeamInput = z.infer<typeof teamInputSchema>;
/** Renaming a team or changing its kind (its village or township stays). */
export const teamUpdateSchema = teamInputSchema.omit({ regionId: true });
export type TeamUpdate = z.infer<typeof teamUpdateSchema>;
export const teamViewSchema = z.object({
  id: z.string(),
  regionPath: z.string(),
  kind: z.enum(TEAM_KINDS),
  name: z.string(),
  members: z.number(),
});
export type TeamView = z.infer<typeof teamViewSchema>;
export const teamsViewSchema = z.object({ items: z.array(teamViewSchema) });

export const memberInputSchema = z.strictObject({
  name: safeString().trim().min(1).max(64),
  phone: safeString().trim().max(20).optional(),
  idNumber: safeString().trim().max(18).optional(),
  duty: safeString().trim().max(64).optional(),
});
export type MemberInput = z.infer<typeof memberInputSchema>;
/** A member as every response shows them: name, duty and masked numbers only. */
export const memberViewSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  name: z.string(),
  duty: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  idMasked: z.string().nullable(),
});
export type MemberView = z.infer<typeof memberViewSchema>;
export const membersViewSchema = z.object({ items: z.array(memberViewSchema) });

/*
 * A member's full phone or identity number is revealed as residents' are (people.ts revealBodySchema /
 * revealedSchema): a reason, audited, to a role with person.reveal.
 */

export const volunteerRegisterSchema = z.strictObject({
  skills: safeString().trim().max(200).optional(),
});
export const volunteerDecideSchema = z.strictObject({ approved: z.boolean() });
/** A volunteer's registration with totals: hours served, self-handled problems and the points balance. */
export const volunteerViewSchema = z.object({
  id: z.string(),
  regionPath: z.string(),
  name: z.string(),
  skills: z.string().nullable(),
  state: z.enum(VOLUNTEER_STATES),
  minutes: z.number(),
  selfHandled: z.number(),
  points: z.number(),
});
export type VolunteerView = z.infer<typeof volunteerViewSchema>;
export const volunteersViewSchema = z.object({ items: z.array(volunteerViewSchema) });

export const activityInputSchema = z
  .strictObject({
    id: z.string().uuid(),
    regionId: z.string().uuid(),
    kind: z.enum(ACTIVITY_KINDS),
    title: safeString().trim().min(1).max(100),
    placeName: safeString().trim().min(1).max(100),
    lon,
    lat,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    capacity: z.number().int().min(1).max(1000),
  })
  .refine((a) => new Date(a.endsAt) > new Date(a.startsAt), { path: ['endsAt'], message: '结束时间应晚于开始时间' });
export type ActivityInput = z.infer<typeof activityInputSchema>;
export const activityViewSchema = z.object({
  id: z.string(),
  regionPath: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  placeName: z.string(),
  lon: z.number(),
  lat: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  signedUp: z.number(),
  /** The asking volunteer's own sign-up, if any. */
  mine: z
    .object({ checkedInAt: z.string().nullable(), checkedOutAt: z.string().nullable(), minutes: z.number() })
    .nullable(),
});
export type ActivityView = z.infer<typeof activityViewSchema>;
export const activitiesViewSchema = z.object({ items: z.array(activityViewSchema) });

/** One sign-up as the desk sees it: the volunteer's name, check-in (with its distance), check-out and minutes. */
export const signupViewSchema = z.object({
  volunteerId: z.string(),
  name: z.string(),
  signedUpAt: z.string(),
  checkedInAt: z.string().nullable(),
  checkInDistanceM: z.number().nullable(),
  checkedOutAt: z.string().nullable(),
  minutes: z.number(),
});
export type SignupView = z.infer<typeof signupViewSchema>;
export const signupsViewSchema = z.object({ items: z.array(signupViewSchema) });

export const signupBodySchema = z.strictObject({ idempotencyKey });
export const checkInBodySchema = z.strictObject({ lon, lat });
export const attendanceViewSchema = z.object({
  activityId: z.string(),
  checkedInAt: z.string().nullable(),
  checkInDistanceM: z.number().nullable(),
  checkedOutAt: z.string().nullable(),
  minutes: z.number(),
});
export type AttendanceView = z.infer<typeof attendanceViewSchema>;

/** The desk's claims: cases a volunteer holds (claimed) or has closed awaiting confirmation (claim_done). */
export const DESK_CLAIM_STATES = ['claimed', 'claim_done'] as const;
export const deskClaimViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  itemName: z.string(),
  state: z.enum(CASE_STATES),
  address: z.string().nullable(),
  regionPath: z.string(),
  claimantName: z.string().nullable(),
  updatedAt: z.string(),
});
export type DeskClaimView = z.infer<typeof deskClaimViewSchema>;
export const deskClaimsViewSchema = z.object({ items: z.array(deskClaimViewSchema) });

export const claimNearbyQuerySchema = z.strictObject({
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});
/** A case a volunteer may claim or holds: the item and the place to go to; no reporter, no reporter's words. */
export const claimCaseViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  state: z.enum(CASE_STATES),
  address: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  distanceM: z.number().nullable(),
  version: z.number(),
});
export type ClaimCaseView = z.infer<typeof claimCaseViewSchema>;
export const claimCasesViewSchema = z.object({ items: z.array(claimCaseViewSchema) });
const version = intField(1);
export const claimBodySchema = z.strictObject({ caseId: z.string().uuid(), version, idempotencyKey });
export const claimCloseSchema = z.strictObject({
  version,
  beforePhotoId: z.string().uuid(),
  afterPhotoId: z.string().uuid(),
  note: safeString().trim().min(1).max(500),
  idempotencyKey,
});
/** The grid worker (or the centre): `confirm` closes the case as handled by the volunteer, else back to the chain with a reason. */
export const claimDecideSchema = z.strictObject({
  version,
  confirm: z.boolean(),
  note: safeString().trim().max(500).optional(),
  idempotencyKey,
});

export const forcesFiguresQuerySchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  regionId: z.string().uuid().optional(),
});
export const forcesFiguresSchema = z.object({
  regionPath: z.string(),
  from: z.string(),
  to: z.string(),
  volunteers: z.number(),
  attendances: z.number(),
  minutes: z.number(),
  /** Cases closed by a volunteer and confirmed by the grid worker (市民认领), apart from 即报即办. */
  selfHandled: z.number(),
  claimsReopened: z.number(),
});
export type ForcesFigures = z.infer<typeof forcesFiguresSchema>;
export const claimReleaseSchema = z.strictObject({
  version,
  note: safeString().trim().min(1).max(500),
  idempotencyKey,
});
