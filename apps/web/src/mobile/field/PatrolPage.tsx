import { useEffect, useState } from 'react';
import { Alert, Button, Card, Popconfirm, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { readTrack } from '@gewu/domain';
import { useCurrentUser } from '../../app/session.ts';
import { usePatrol } from './usePatrol.ts';
import { useKeyPlaces } from './patrolApi.ts';
import { clock } from './patrolTrack.ts';
import { PatrolPlaces, PatrolSummary, QueueProblems } from './PatrolParts.tsx';

/** Seconds since `from` (ms), ticking every second while `on`. */
function useElapsed(from: number | null, until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (from === null || until !== null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [from, until]);
  return from === null ? 0 : ((until ?? now) - from) / 1000;
}

export const formatDistance = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(2)} km` : `${Math.round(m)} m`);

/**
 * 巡查 on the phone: start and end a patrol, the track recorded while on patrol (kept on the device,
 * uploaded in batches), elapsed time and distance, gaps without signal, check-ins at key places, and
 * after the end the server's summary.
 */
export default function PatrolPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const p = usePatrol(user.id);
  const patrol = p.patrol;
  // Fetched on opening (and kept on the device): the check-in list works in a dead zone too.
  const places = useKeyPlaces(user.id).data ?? [];
  const elapsed = useElapsed(patrol?.startedAt ?? null, patrol?.endedAt ?? null);
  if (patrol === undefined) return <div className="m-loading" />;
  const reading = readTrack([patrol?.points ?? []]);
  const active = !!patrol && patrol.endedAt === null;
  const synced = !!patrol && patrol.endedAt !== null && p.pending.ops === 0;

  return (
    <Space
      orientation="vertical"
      style={{ width: '100%' }}
      data-testid="m-patrol"
      data-state={stateOf(patrol)}
      data-patrol-id={patrol?.patrolId}
    >
      <Card size="small" title={t('mobile.patrol.title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Tag color={active ? 'green' : 'default'} data-testid="m-patrol-status">
            {t(`mobile.patrol.state.${stateOf(patrol)}`)}
          </Tag>
          {patrol && (
            <div className="m-patrol-figures">
              <Statistic title={t('mobile.patrol.elapsed')} value={clock(elapsed)} data-testid="m-patrol-elapsed" />
              <Statistic
                title={t('mobile.patrol.distance')}
                value={formatDistance(reading.distanceM)}
                data-testid="m-patrol-distance"
              />
              <Statistic title={t('mobile.patrol.points')} value={reading.points} data-testid="m-patrol-points" />
              <Statistic title={t('mobile.patrol.gaps')} value={reading.gaps} data-testid="m-patrol-gaps" />
            </div>
          )}
          {patrol && (
            <div data-testid="m-patrol-pending" data-points={p.pending.points} data-ops={p.pending.ops}>
              {p.pending.ops > 0
                ? t('mobile.patrol.pending', { points: p.pending.points, batches: p.pending.batches })
                : t('mobile.patrol.allSent')}
            </div>
          )}
          {p.geoError && active && <Alert type="warning" showIcon title={t('mobile.patrol.noFix')} />}
          {!active && (
            <Button type="primary" block onClick={() => void p.start()} data-testid="m-patrol-start">
              {t('mobile.patrol.start')}
            </Button>
          )}
          {active && (
            <Popconfirm title={t('mobile.patrol.endConfirm')} onConfirm={() => void p.end()}>
              <Button danger block data-testid="m-patrol-end">
                {t('mobile.patrol.end')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Card>
      <QueueProblems ops={p.ops} onForget={p.forget} />
      {active && patrol && (
        <PatrolPlaces places={places} fix={p.fix} checkins={patrol.checkins} onCheckIn={p.checkIn} />
      )}
      {patrol && patrol.endedAt !== null && <PatrolSummary patrolId={synced ? patrol.patrolId : null} />}
    </Space>
  );
}

function stateOf(patrol: { endedAt: number | null } | null | undefined): 'idle' | 'active' | 'ended' {
  if (!patrol) return 'idle';
  return patrol.endedAt === null ? 'active' : 'ended';
}
