import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail, DisputeEventType } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { Photos } from '../attachments/Photos.tsx';
import { disputeEventColor } from './colors.ts';
import { eventFacts } from './timelineFacts.ts';

/** The dispute's history, newest first: what happened, who did it, when, the facts, the note and photos. */
export function DisputeTimeline({ detail }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="dispute-timeline"
      items={[...detail.events].reverse().map((e) => ({
        key: e.seq,
        color: disputeEventColor(e.type),
        content: (
          <div data-testid={`dispute-event-${e.seq}`} data-type={e.type}>
            <Space size={8} wrap>
              <Typography.Text strong>
                {t(`disputes.events.${e.type as DisputeEventType}`, { defaultValue: e.label })}
              </Typography.Text>
              {e.actorName && <Typography.Text type="secondary">{e.actorName}</Typography.Text>}
              <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
            </Space>
            <div>
              <Space size={4} wrap>
                {eventFacts(t, e, detail.parties).map((f) => (
                  <Tag key={f}>{f}</Tag>
                ))}
              </Space>
            </div>
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
