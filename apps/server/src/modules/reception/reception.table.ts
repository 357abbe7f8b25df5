import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ReceptionTrack, VisitCategory, VisitDetails } from '@gewu/domain';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';

/**
 * A visit to the centre's window (来访登记), registered and routed in one step. The visitor's name,
 * identity number and phone are stored only encrypted (`*_enc`), findable by a keyed hash (`*_hash`)
 * and shown masked (`*_masked`), as residents' and parties' are; an anonymous visit (legal advice
 * only) has none. `receipt_number` (12 digits, RECEIPT_DIGITS) is what the visitor holds.
 * `track_record_id` is the case, dispute or petition the visit opened (none for advice and referral,
 * whose `details` and `state` live here).
 */
export const receptionVisits = pgTable(
  'reception_visits',
  {
    id: uuid('id').primaryKey(),
    receiptNumber: text('receipt_number').notNull(),
    /** The centre that received the visitor: the registering account's region. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    regionPath: text('region_path').notNull(),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    nameEnc: text('name_enc'),
    nameMasked: text('name_masked'),
    idEnc: text('id_enc'),
    idHash: text('id_hash'),
    idMasked: text('id_masked'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    headcount: integer('headcount').notNull().default(1),
    category: text('category').$type<VisitCategory>().notNull(),
    matter: text('matter').notNull(),
    track: text('track').$type<ReceptionTrack>().notNull(),
    trackRecordId: uuid('track_record_id'),
    trackCode: text('track_code'),
    /** The state of a visit settled at the window (answered, referred); null while another record holds it. */
    state: text('state'),
    details: jsonb('details').$type<VisitDetails>(),
    registeredBy: uuid('registered_by')
      .notNull()
      .references(() => users.id),
    /** Per registering account: a retry with the same key gets the same visit (and receipt). */
    idempotencyKey: text('idempotency_key').notNull(),
    /** The resident account that proved the visit is theirs (receipt number + phone's last four). */
    claimedBy: uuid('claimed_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('reception_visits_receipt_idx').on(t.receiptNumber),
    uniqueIndex('reception_visits_idempotency_idx').on(t.registeredBy, t.idempotencyKey),
    index('reception_visits_region_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.visitedAt),
    index('reception_visits_id_hash_idx').on(t.idHash),
    index('reception_visits_claimed_idx').on(t.claimedBy),
    index('reception_visits_record_idx').on(t.trackRecordId),
  ],
);

/**
 * The wrong answers of the public progress lookup (PROGRESS_LOOKUP_LIMITS), one row per failure and
 * key — `n:<receipt number as typed>` and `a:<client address>` — kept for the window. A lookup writes
 * its rows first (a reservation) and removes them when the answer was right, so a burst of parallel
 * guesses cannot slip past the limit.
 */
export const receptionLookupFailures = pgTable(
  'reception_lookup_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('reception_lookup_failures_key_idx').on(t.key, t.at),
    index('reception_lookup_failures_at_idx').on(t.at),
  ],
);

/**
 * The identity a resident account has proved (my visits): the keyed hash of the identity number of a
 * visit the account claimed with its receipt number and phone digits — a number checked against the
 * card at the window. Visits carrying the same number then show in the account's 我的来访. One per
 * account: a second claim with another person's number is refused.
 */
export const receptionIdentities = pgTable('reception_identities', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  idHash: text('id_hash').notNull(),
  viaVisitId: uuid('via_visit_id').notNull(),
  provedAt: timestamp('proved_at', { withTimezone: true }).notNull(),
});
