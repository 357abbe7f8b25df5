import {
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ActivityKind, TeamKind, VolunteerState } from '@gewu/domain';

/** 群防群治 teams of a village or township (平安巡防队, 一村一警, 民调队伍, 志愿服务队). */
export const forceTeams = pgTable(
  'force_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionPath: text('region_path').notNull(),
    kind: text('kind').$type<TeamKind>().notNull(),
    name: text('name').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('force_teams_region_idx').on(t.regionPath)],
);

/** A team's member: phone and identity number encrypted, hashed and masked as the people module does. */
export const forceMembers = pgTable(
  'force_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => forceTeams.id),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    duty: text('duty'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    idEnc: text('id_enc'),
    idHash: text('id_hash'),
    idMasked: text('id_masked'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('force_members_team_idx').on(t.teamId)],
);

/** A resident's volunteer registration (one per account), decided by the village cadre or the centre. */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    skills: text('skills'),
    state: text('state').$type<VolunteerState>().notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('volunteers_user_uq').on(t.userId), index('volunteers_region_idx').on(t.regionPath)],
);

/** A patrol shift or volunteer event at a place, with its capacity; the id is the publisher's (idempotent). */
export const forceActivities = pgTable(
  'force_activities',
  {
    id: uuid('id').primaryKey(),
    regionPath: text('region_path').notNull(),
    kind: text('kind').$type<ActivityKind>().notNull(),
    title: text('title').notNull(),
    placeName: text('place_name').notNull(),
    lon: doublePrecision('lon').notNull(),
    lat: doublePrecision('lat').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('force_activities_region_idx').on(t.regionPath, t.startsAt)],
);

/** A volunteer's sign-up for an activity, with the on-site check-in (distance kept) and check-out. */
export const activitySignups = pgTable(
  'activity_signups',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => forceActivities.id),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    regionPath: text('region_path').notNull(),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkInDistanceM: integer('check_in_distance_m'),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    minutes: integer('minutes').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.volunteerId] }),
    index('activity_signups_volunteer_idx').on(t.volunteerId),
  ],
);
