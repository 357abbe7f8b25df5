import { RECEPTION_TRACK_RULES, type ReceptionTrack, formatReceiptNumber } from '@gewu/domain';
import { can } from '../../platform/access.ts';
import { registerBackLink, registerLinkTarget } from '../../platform/links.ts';
import { findVisitOfRecord, findVisitWhere } from './reception.repository.ts';
import { visibleVisits } from './reception.queries.ts';

/*
 * The visit at the other end of a link (one door): a case, dispute or petition the window opened shows
 * "来自综治中心窗口" with the visit's receipt number to those who may read the centre's visits in
 * their region (reception.read, visibleVisits), and only that it came from the window to others (a
 * mediator, another township's centre).
 */

registerLinkTarget('visit', async (db, actor, id) => {
  if (!can(actor, 'reception.read')) return null;
  const found = await findVisitWhere(db, id, visibleVisits(actor));
  if (!found) return null;
  const track = found.v.track as ReceptionTrack;
  return {
    id: found.v.id,
    code: formatReceiptNumber(found.v.receiptNumber),
    state: track,
    stateLabel: RECEPTION_TRACK_RULES[track].label,
  };
});

/** The tracks whose record is another module's (RECEPTION_TRACK_RULES.record): those records link back to the visit. */
const RECORD_TRACKS: readonly ReceptionTrack[] = ['case', 'dispute', 'petition'];

registerBackLink('received_at', 'visit', async (db, of) => {
  const track = RECORD_TRACKS.find((t) => t === of.kind);
  return track ? findVisitOfRecord(db, track, of.id) : null;
});
