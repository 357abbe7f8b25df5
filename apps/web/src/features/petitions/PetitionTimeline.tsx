import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PetitionDetail, PetitionEventType } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';

type Event = PetitionDetail['events'][number];

const SETBACKS: ReadonlySet<string> = new Set(['not_accept', 'supervise', 'request_review', 'request_reexamination']);
const ENDS: ReadonlySet<string> = new Set(['reply', 'decide_review', 'decide_reexamination', 'accept']);

/** What the event's data adds: the stage's new last day, the extension, the hearing, the route, the outcome. */
function EventFacts({ e }: { e: Event }) {
  const { t } = useTranslation();
  const d = e.data as {
    clock?: { stage: string; lastDay: string } | null;
    days?: number;
    approvedBy?: { name: string };
    hearing?: { start: string; end: string; place: string };
    intake?: { route: string; destination: string | null };
    opinion?: { outcome: string | null; deliveredOn: string };
    leaderName?: string;
    receivedOn?: string;
  };
  const facts: string[] = [];
  if (d.intake)
    facts.push(
      t(`petitions.routes.${d.intake.route as 'accept'}`) + (d.intake.destination ? ` → ${d.intake.destination}` : ''),
    );
  if (typeof d.days === 'number') facts.push(`+${t('petitions.units.natural_days', { count: d.days })}`);
  if (d.approvedBy) facts.push(t('petitions.notices.approvedBy', { name: d.approvedBy.name }));
  if (d.hearing)
    facts.push(`${formatTime(d.hearing.start)} – ${formatTime(d.hearing.end).slice(11)} · ${d.hearing.place}`);
  if (d.opinion?.outcome) facts.push(t(`petitions.outcomes.${d.opinion.outcome as 'upheld'}`));
  if (d.opinion) facts.push(`${t('petitions.detail.deliveredOn')} ${d.opinion.deliveredOn}`);
  if (d.receivedOn) facts.push(`${t('petitions.dialog.receivedOn')} ${d.receivedOn}`);
  if (d.leaderName) facts.push(d.leaderName);
  if (d.clock) facts.push(`${t(`petitions.stages.${d.clock.stage as 'intake'}`)} → ${d.clock.lastDay}`);
  if (!facts.length) return null;
  return (
    <Space size={4} wrap>
      {facts.map((f) => (
        <Tag key={f}>{f}</Tag>
      ))}
    </Space>
  );
}

/** The petition's history, newest first: what happened, who did it, when, its facts and the note. */
export function PetitionTimeline({ events }: { events: PetitionDetail['events'] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="petition-timeline"
      items={[...events].reverse().map((e) => ({
        key: e.seq,
        color: SETBACKS.has(e.type) ? 'red' : ENDS.has(e.type) ? 'green' : 'blue',
        content: (
          <div data-testid={`petition-event-${e.seq}`} data-type={e.type}>
            <Space size={8} wrap>
              <Typography.Text strong>
                {t(`petitions.events.${e.type as PetitionEventType}`, { defaultValue: e.label })}
              </Typography.Text>
              {e.actorName && <Typography.Text type="secondary">{e.actorName}</Typography.Text>}
              <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
            </Space>
            <EventFacts e={e} />
            {e.note && (
              <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
