import { caseEventKey } from '../../components/caseEventKey.ts';
import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CaseDetail } from '@gewu/domain';
import { eventColor } from '../../features/cases/colors.ts';
import { PhotoStrip } from './PhotoStrip.tsx';

/** The case's history, newest first: what happened, when, by whom, the note and the photos. */
export function CaseTimeline({ events }: { events: CaseDetail['events'] }) {
  const { t } = useTranslation();
  const items = [...events]
    .sort((a, b) => b.seq - a.seq)
    .map((e) => ({
      key: e.seq,
      color: eventColor(e.type),
      content: (
        <div className="m-event" data-testid={`timeline-event-${e.seq}`} data-type={e.type}>
          <div className="m-event-head">
            <strong>{t(caseEventKey(e), { defaultValue: e.label })}</strong>
            <span className="m-muted">{dayjs(e.at).format('MM-DD HH:mm')}</span>
          </div>
          {e.actorName && <div className="m-muted">{e.actorName}</div>}
          {e.note && <div className="m-event-note">{e.note}</div>}
          <PhotoStrip ids={e.attachmentIds} />
        </div>
      ),
    }));
  return <Timeline items={items} data-testid="case-timeline" />;
}
