import { caseEventKey } from '../../components/caseEventKey.ts';
import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { Photos } from '../attachments/Photos.tsx';
import { eventColor } from './colors.ts';

type Event = CaseDetail['events'][number];

/** What the event's data adds to its note: the extension asked for, the decision, the rating. */
function EventFacts({ e }: { e: Event }) {
  const { t } = useTranslation();
  const d = e.data;
  const facts: string[] = [];
  if (typeof d.requestedUntil === 'string')
    facts.push(t('cases.timeline.requestedUntil', { until: formatTime(d.requestedUntil) }));
  if (typeof d.approved === 'boolean') facts.push(d.approved ? t('cases.dialog.approve') : t('cases.dialog.deny'));
  if (typeof d.rating === 'string')
    facts.push(t(`cases.ratings.${d.rating as 'satisfied'}`, { defaultValue: d.rating }));
  if (typeof d.resolved === 'boolean')
    facts.push(d.resolved ? t('cases.dialog.resolvedYes') : t('cases.dialog.resolvedNo'));
  if (typeof d.toLevel === 'string')
    facts.push(
      t('cases.timeline.toLevel', { level: t(`cases.levels.${d.toLevel as 'grid'}`, { defaultValue: d.toLevel }) }),
    );
  if (d.supervision === 'listed')
    facts.push(
      t('cases.supervision.listed') +
        (typeof d.rectifyBy === 'string' ? ` · ${t('cases.fields.rectifyBy')} ${formatTime(d.rectifyBy)}` : ''),
    );
  if (facts.length === 0) return null;
  return (
    <Space size={4} wrap>
      {facts.map((f) => (
        <Tag key={f}>{f}</Tag>
      ))}
    </Space>
  );
}

/** The case's history, newest first: what happened, who did it, when, the note and photos. */
export function CaseTimeline({ events }: { events: CaseDetail['events'] }) {
  const { t } = useTranslation();
  const label = (e: Event) => t(caseEventKey(e), { defaultValue: e.label });
  return (
    <Timeline
      data-testid="case-timeline"
      items={[...events].reverse().map((e) => ({
        key: e.seq,
        color: eventColor(e.type),
        content: (
          <div data-testid={`case-event-${e.seq}`} data-type={e.type}>
            <Space size={8} wrap>
              <Typography.Text strong>{label(e)}</Typography.Text>
              {e.actorName && <Typography.Text type="secondary">{e.actorName}</Typography.Text>}
              <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
            </Space>
            <EventFacts e={e} />
            {e.note && (
              <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>
            )}
            <Photos ids={e.attachmentIds} size={56} />
          </div>
        ),
      }))}
    />
  );
}
