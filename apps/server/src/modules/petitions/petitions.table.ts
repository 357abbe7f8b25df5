import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  PetitionChannel,
  PetitionEventData,
  PetitionEventType,
  PetitionHearing,
  PetitionIntake,
  PetitionMatterType,
  PetitionOpinion,
  PetitionStage,
  PetitionState,
  RefilingBar,
} from '@gewu/domain';

export const petitionCodeSeq = pgSequence('petition_code_seq', { startWith: 1 });
/** The serial of the written opinions (处理意见书、复查意见书、复核意见书): 〔年〕X访字第N号. */
export const petitionOpinionSeq = pgSequence('petition_opinion_seq', { startWith: 1 });

/**
 * A petition (信访事项) — the projection of its events (`petition_events`) by the pure reducer in
 * @gewu/domain (petitions-reducer.ts). `XF` + the day + a sequence. `version` is the number of events;
 * an action updates the row only `WHERE version = <seen>`.
 */
export const petitions = pgTable(
  'petitions',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    channel: text('channel').$type<PetitionChannel>().notNull(),
    /** The village/community or township the matter concerns; the centre over it handles the petition. */
    regionPath: text('region_path').notNull(),
    summary: text('summary').notNull(),
    matterType: text('matter_type').$type<PetitionMatterType>().notNull(),
    respondent: text('respondent').notNull(),
    subjectObject: text('subject_object').notNull(),
    subjectKey: text('subject_key'),
    /** The first petition of the matter (itself for a new one). */
    matterId: uuid('matter_id').notNull(),
    repeatOfId: uuid('repeat_of_id'),
    headcount: integer('headcount').notNull(),
    collective: boolean('collective').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    registeredBy: uuid('registered_by'),
    receiptNo: text('receipt_no'),
    newFactsOrReasons: boolean('new_facts_or_reasons').notNull().default(false),
    refilingBar: jsonb('refiling_bar').$type<RefilingBar>(),
    state: text('state').$type<PetitionState>().notNull(),
    stage: text('stage').$type<PetitionStage>(),
    stageStartedAt: timestamp('stage_started_at', { withTimezone: true }),
    stageLastDay: date('stage_last_day', { mode: 'string' }),
    stageDeadline: timestamp('stage_deadline', { withTimezone: true }),
    stageWarnAt: timestamp('stage_warn_at', { withTimezone: true }),
    everOverdue: boolean('ever_overdue').notNull().default(false),
    intake: jsonb('intake').$type<PetitionIntake>(),
    intakeAt: timestamp('intake_at', { withTimezone: true }),
    intakeLate: boolean('intake_late'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    extensionDays: integer('extension_days').notNull().default(0),
    hearings: jsonb('hearings')
      .$type<PetitionHearing[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    reply: jsonb('reply').$type<PetitionOpinion>(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    handlingLate: boolean('handling_late'),
    windowLastDay: date('window_last_day', { mode: 'string' }),
    reviewRequestedOn: date('review_requested_on', { mode: 'string' }),
    review: jsonb('review').$type<PetitionOpinion>(),
    reviewDecidedAt: timestamp('review_decided_at', { withTimezone: true }),
    reexaminationRequestedOn: date('reexamination_requested_on', { mode: 'string' }),
    reexamination: jsonb('reexamination').$type<PetitionOpinion>(),
    reexaminationDecidedAt: timestamp('reexamination_decided_at', { withTimezone: true }),
    /** 领导包案: the leader who took it. */
    leaderUserId: uuid('leader_user_id'),
    leaderTakenAt: timestamp('leader_taken_at', { withTimezone: true }),
    supervisionCount: integer('supervision_count').notNull().default(0),
    lastSupervisedAt: timestamp('last_supervised_at', { withTimezone: true }),
    noticeCount: integer('notice_count').notNull().default(0),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    index('petitions_region_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.registeredAt),
    index('petitions_registered_idx').on(t.registeredAt),
    index('petitions_matter_idx').on(t.matterId),
    index('petitions_subject_key_idx')
      .on(t.subjectKey)
      .where(sql`subject_key IS NOT NULL`),
    index('petitions_leader_idx')
      .on(t.leaderUserId)
      .where(sql`leader_user_id IS NOT NULL`),
    index('petitions_deadline_idx').on(t.stageDeadline),
  ],
);

/** The append-only history of a petition: who did what when, with the notices and opinions it gave. */
export const petitionEvents = pgTable(
  'petition_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    petitionId: uuid('petition_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').$type<PetitionEventType>().notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
    data: jsonb('data').$type<PetitionEventData>().notNull(),
  },
  (t) => [uniqueIndex('petition_events_seq_idx').on(t.petitionId, t.seq)],
);

/**
 * The petitioners (信访人): one for a letter, several for a joint or collective petition. Name, identity
 * number and phone are stored only encrypted (`*_enc`), the numbers findable by a keyed hash (`*_hash`,
 * which also finds a refiling by the same person), all shown masked (`*_masked`) — as dispute parties'.
 */
export const petitionPetitioners = pgTable(
  'petition_petitioners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    nameEnc: text('name_enc').notNull(),
    nameMasked: text('name_masked').notNull(),
    gender: text('gender').$type<'male' | 'female'>(),
    idEnc: text('id_enc'),
    idHash: text('id_hash'),
    idMasked: text('id_masked'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    address: text('address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('petition_petitioners_petition_idx').on(t.petitionId),
    index('petition_petitioners_id_hash_idx')
      .on(t.idHash)
      .where(sql`id_hash IS NOT NULL`),
  ],
);
