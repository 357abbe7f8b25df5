import { Descriptions, Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { VisitProgress } from '@gewu/domain';

const OUTCOME_COLORS = { open: 'processing', done: 'success', stopped: 'warning' } as const;

/** One visit's progress as the visitor sees it: the track, the public state, its steps and dates. */
export function ProgressCard({ p }: { p: VisitProgress }) {
  const { t } = useTranslation();
  const status = p.progress.outcome === 'stopped' ? 'error' : p.progress.outcome === 'done' ? 'finish' : 'process';
  return (
    <section className="t-card" data-testid="track-result">
      <div className="t-card-head">
        <span className="t-track">{p.trackLabel}</span>
        <Tag color={OUTCOME_COLORS[p.progress.outcome]} data-testid="track-state">
          {p.progress.label}
        </Tag>
      </div>
      <Steps
        orientation="vertical"
        size="small"
        current={p.progress.step}
        status={status}
        items={p.steps.map((s) => ({ title: s }))}
        style={{ margin: '12px 0' }}
        data-testid="track-steps"
      />
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'n', label: t('reception.track.receiptNumber'), children: p.receiptNumber },
          { key: 'v', label: t('reception.track.visitedOn'), children: p.visitedOn },
          { key: 'c', label: t('reception.track.centre'), children: p.centreName },
          ...(p.visitorMasked ? [{ key: 'p', label: t('reception.track.visitor'), children: p.visitorMasked }] : []),
          ...(p.referredTo ? [{ key: 'r', label: t('reception.track.referredTo'), children: p.referredTo }] : []),
          {
            key: 'u',
            label: t('reception.track.updatedAt'),
            children: dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm'),
          },
          ...(p.closedAt
            ? [{ key: 'e', label: t('reception.track.closedAt'), children: dayjs(p.closedAt).format('YYYY-MM-DD') }]
            : []),
        ]}
      />
    </section>
  );
}
