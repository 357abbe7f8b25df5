import { z } from 'zod';

/**
 * Links between a case and a dispute, kept both ways (issue 15: "a grid worker's report or a case can be
 * turned into a dispute, and a dispute into a case, keeping the link both ways"):
 * - converted_to / converted_from: the case was turned into the dispute (转矛盾纠纷; the case ends as
 *   `converted`, CASE_LIFE.convert_to_dispute; the dispute's source is `case_conversion`);
 * - referred_to / referred_from: mediation of the dispute found a matter for a department, filed as the
 *   case (转案件; the dispute goes on, DISPUTE_LIFE.refer_case; the case's channel is `dispute`);
 * - received_at: the record was opened by a visit at the centre's window (来访登记, one door: the visit
 *   names the case, dispute or petition it was routed to); the visit shows by its receipt number.
 */
export const RECORD_LINK_RELATIONS = [
  'converted_to',
  'converted_from',
  'referred_to',
  'referred_from',
  'received_at',
] as const;
export type RecordLinkRelation = (typeof RECORD_LINK_RELATIONS)[number];
export const RECORD_KINDS = ['case', 'dispute', 'petition', 'visit'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * The other record as a detail view shows it. Scope decides: a viewer who may open the other record
 * gets its id, code and state; one who may not sees only that the link exists (its kind and relation,
 * every other field null) — never its code, which would tell them it exists and where to ask.
 */
export const recordLinkSchema = z.object({
  relation: z.enum(RECORD_LINK_RELATIONS),
  kind: z.enum(RECORD_KINDS),
  visible: z.boolean(),
  id: z.string().nullable(),
  code: z.string().nullable(),
  state: z.string().nullable(),
  /**
   * The state in Chinese (CASE_STATE_LABELS / DISPUTE_STATE_LABELS); for a visit, the track it was
   * routed to (its `state`) and that track's label. A visit's `code` is its receipt number as printed.
   */
  stateLabel: z.string().nullable(),
});
export type RecordLink = z.infer<typeof recordLinkSchema>;
