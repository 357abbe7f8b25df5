import { CASE_STATE_LABELS, type CaseState, TERMINAL_STATES } from './cases.ts';

/**
 * What of a case the public sees through Open311 (GeoReport v2 `requests`, `servicerequestupdates`),
 * and whether it is shown at all. A resident's report is their own words about their own street;
 * putting it on an open feed is a disclosure of personal information that needs their consent
 * (个人信息保护法 art. 13, 14, 25: publishing personal information needs separate consent), or a
 * decision by the centre, which then answers for what it publishes (村(居)务公开 is the centre's job).
 *
 * - Filed through Open311 itself (channel `api`, source `open311`): the client posted it to a public
 *   311 server, whose `requests` are public by the specification — published by the client's own act,
 *   with its own text and point, unless the centre withdraws or edits it.
 * - Any other channel (the resident's web or phone form, a grid worker, the hotline, other systems):
 *   published only with the reporter's consent (asked on the report form, not given unless ticked)
 *   or the centre's decision. Its free text is not shown until a staff member has read it (the
 *   centre's publication decision is that review; it may replace the text or hide it); its address
 *   text is never shown; its point is rounded to PUBLIC_COORDINATE_DECIMALS, about a hundred metres —
 *   enough to find the street, not the door of whoever reported it.
 * - The centre's decision, when there is one, overrides the consent either way; the original
 *   description is never changed by it.
 */
export const PUBLIC_COORDINATE_DECIMALS = 3;

export interface PublicationFacts {
  channel: string;
  source: string | null;
  publicConsent: boolean;
  description: string;
  address: string | null;
  lon: number | null;
  lat: number | null;
}

/** The centre's moderation of a case's public copy (none until a staff member decides). */
export interface PublicationDecision {
  published: boolean;
  /** The text to publish instead of the reporter's; null keeps the original. */
  publicDescription: string | null;
  /** Publish the case without any text. */
  descriptionHidden: boolean;
}

export function filedThroughOpen311(c: Pick<PublicationFacts, 'channel' | 'source'>): boolean {
  return c.channel === 'api' && c.source === 'open311';
}

/** Whether the case is on the public feed at all (the SQL of the Open311 queries says the same: coalesce(decision, consent)). */
export function isPublished(c: Pick<PublicationFacts, 'publicConsent'>, d: PublicationDecision | null): boolean {
  return d ? d.published : c.publicConsent;
}

export interface PublicCopy {
  description: string;
  address: string;
  lon: number | null;
  lat: number | null;
}

const round = (v: number | null) => (v === null ? null : Number(v.toFixed(PUBLIC_COORDINATE_DECIMALS)));

/** The public face of a published case. */
export function publicCopy(c: PublicationFacts, d: PublicationDecision | null): PublicCopy {
  const own = filedThroughOpen311(c);
  const reviewed = own || d !== null;
  const description = !reviewed || d?.descriptionHidden ? '' : (d?.publicDescription ?? c.description);
  return own
    ? { description, address: c.address ?? '', lon: c.lon, lat: c.lat }
    : { description, address: '', lon: round(c.lon), lat: round(c.lat) };
}

/**
 * A case's state as an Open311 status (GeoReport v2 has only `open` and `closed`) and its
 * `status_notes`, for `requests` and `servicerequestupdates` alike. Every ending is `closed`; the
 * note says which ending it was, so a client can tell a fixed problem from a refused, voided or
 * merged report. Open states say which step the case waits at.
 */
const CLOSED_NOTES: Partial<Record<CaseState, string>> = {
  closed: '已结案',
  rejected: '已关闭：不予受理',
  voided: '已关闭：已作废',
  merged: '已关闭：与其他上报重复，已并案处理',
  converted: '已关闭：已转入矛盾纠纷调处',
};

export function open311Status(state: CaseState): { status: 'open' | 'closed'; notes: string } {
  return TERMINAL_STATES.includes(state)
    ? { status: 'closed', notes: CLOSED_NOTES[state] ?? CASE_STATE_LABELS[state] }
    : { status: 'open', notes: CASE_STATE_LABELS[state] };
}
