import type { TFunction } from 'i18next';
import type { DisputeDetail, DisputeEventView } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { partyName } from './parties.ts';

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** What an event's data adds to its note, as short facts (tags). */
export function eventFacts(t: TFunction, e: DisputeEventView, parties: DisputeDetail['parties']): string[] {
  const d = e.data;
  const facts: string[] = [];
  const channel = str(d.channel) ?? str(d.guidedPath);
  if (channel) facts.push(t(`disputes.paths.${channel as 'litigation'}`, { defaultValue: channel }));
  if (e.type === 'divert') {
    if (str(d.path)) facts.push(t(`disputes.paths.${d.path as 'people_mediation'}`));
    if (str(d.organisationName)) facts.push(d.organisationName as string);
  }
  if (str(d.mediatorName)) facts.push(t('disputes.timeline.mediator', { name: d.mediatorName }));
  if (str(d.toTier)) facts.push(t('disputes.timeline.toTier', { tier: t(`disputes.tiers.${d.toTier as 'county'}`) }));
  const session = d.session as
    { heldAt?: string; place?: string; attendeePartyIds?: string[]; otherAttendees?: string[] } | undefined;
  if (session) {
    facts.push(t('disputes.timeline.session', { at: formatTime(session.heldAt), place: session.place ?? '' }));
    const names = (session.attendeePartyIds ?? []).map((id) => {
      const p = parties.find((x) => x.id === id);
      return p ? partyName(p) : '—';
    });
    const all = [...names, ...(session.otherAttendees ?? [])];
    if (all.length) facts.push(t('disputes.timeline.attendees', { names: all.join('、') }));
  }
  const agreement = d.agreement as { terms?: unknown[]; effectiveAt?: string } | undefined;
  if (agreement) {
    facts.push(t('disputes.timeline.terms', { n: agreement.terms?.length ?? 0 }));
    facts.push(t('disputes.timeline.effective', { at: formatTime(agreement.effectiveAt) }));
  }
  if (str(d.court)) facts.push(d.court as string);
  if (str(d.result)) facts.push(t(`disputes.confirmationResults.${d.result as 'confirmed'}`));
  if (str(d.rulingNo)) facts.push(d.rulingNo as string);
  if (str(d.performance)) facts.push(t(`disputes.performance.${d.performance as 'full'}`));
  if (e.type === 'assess_risk' && str(d.risk)) {
    facts.push(t(`disputes.risks.${d.risk as 'major'}`));
    if (d.civilToCriminal === true) facts.push(t('disputes.fields.civilToCriminalShort'));
  }
  return facts;
}
