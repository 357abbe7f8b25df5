import { Alert, Button, Card, Descriptions, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkinRadiusM, distanceM, type KeyPlaceKind, type TrackPoint } from '@gewu/domain';
import { usePatrolSummary, type PlaceEntry } from './patrolApi.ts';
import { clock } from './patrolTrack.ts';
import type { PatrolOp } from './patrolQueue.ts';

const NEAREST = 8;

/** The key places nearest to the phone, each with its distance and a 签到 button (queued). */
export function PatrolPlaces(props: {
  places: PlaceEntry[];
  fix: TrackPoint | null;
  checkins: { placeId: string }[];
  onCheckIn: (place: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const fix = props.fix;
  const near = props.places
    .filter((p) => p.lon !== null && p.lat !== null)
    .map((p) => ({ ...p, m: fix ? Math.round(distanceM(fix, { lon: p.lon!, lat: p.lat! })) : null }))
    .sort((a, b) => (a.m ?? 0) - (b.m ?? 0))
    .slice(0, NEAREST);
  const done = new Set(props.checkins.map((c) => c.placeId));
  return (
    <Card size="small" title={t('mobile.patrol.places')} data-testid="m-patrol-places">
      {near.length === 0 ? (
        <Empty description={t('mobile.patrol.noPlaces')} />
      ) : (
        <List
          dataSource={near}
          renderItem={(p) => {
            const inside = p.m !== null && p.m <= checkinRadiusM(p.kind as KeyPlaceKind, null);
            return (
              <List.Item
                data-testid="m-patrol-place"
                data-id={p.id}
                actions={[
                  done.has(p.id) ? (
                    <Tag color="green" key="done" data-testid="m-patrol-checked">
                      {t('mobile.patrol.checked')}
                    </Tag>
                  ) : (
                    <Button
                      key="in"
                      size="small"
                      type={inside ? 'primary' : 'default'}
                      disabled={!fix}
                      onClick={() => props.onCheckIn(p)}
                      data-testid="m-patrol-checkin"
                    >
                      {t('mobile.patrol.checkin')}
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta title={p.name} description={p.m === null ? '—' : t('mobile.patrol.away', { m: p.m })} />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

/** Operations the server refused (a batch out of order, a check-in too far …), with its reason. */
export function QueueProblems({ ops, onForget }: { ops: PatrolOp[]; onForget: (id: string) => void }) {
  const { t } = useTranslation();
  const failed = ops.filter((o) => o.status === 'failed');
  if (failed.length === 0) return null;
  return (
    <>
      {failed.map((o) => (
        <Alert
          key={o.id}
          type="error"
          showIcon
          data-testid="m-patrol-failed"
          title={
            o.kind === 'checkin'
              ? t('mobile.patrol.checkinFailed', { place: o.placeName })
              : t('mobile.patrol.opFailed')
          }
          description={o.lastError?.message}
          action={
            <Button size="small" onClick={() => onForget(o.id)}>
              {t('mobile.patrol.dismiss')}
            </Button>
          }
        />
      ))}
    </>
  );
}

/** The server's summary of the ended patrol: shown once it is all uploaded and the phone is online. */
export function PatrolSummary({ patrolId }: { patrolId: string | null }) {
  const { t } = useTranslation();
  const { data } = usePatrolSummary(patrolId);
  if (!patrolId || !data) {
    return <Alert type="info" showIcon title={t('mobile.patrol.summaryLater')} data-testid="m-patrol-summary-later" />;
  }
  const s = data.summary;
  return (
    <Card size="small" title={t('mobile.patrol.summary')} data-testid="m-patrol-summary">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('mobile.patrol.onTrack')}>{clock(s.onTrackSeconds)}</Descriptions.Item>
        <Descriptions.Item label={t('mobile.patrol.distance')}>
          <span data-testid="m-patrol-summary-distance">{Math.round(s.distanceM)} m</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('mobile.patrol.coverage')}>
          {s.coverage === null ? t('mobile.patrol.noCoverage') : `${Math.round(s.coverage * 100)}%`}
        </Descriptions.Item>
        <Descriptions.Item label={t('mobile.patrol.placesChecked')}>
          <span data-testid="m-patrol-summary-places">{s.placesChecked}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('mobile.patrol.problems')}>{s.problemsReported}</Descriptions.Item>
        <Descriptions.Item label={t('mobile.patrol.gaps')}>{s.gaps}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
