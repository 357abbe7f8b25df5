import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '../../app/session.ts';
import { useCachedQuery } from '../api.ts';
import { useTranslation } from 'react-i18next';
import { CASE_STATE_LABELS, type ClaimCaseView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { notifyError } from '../../app/notify.ts';
import { newKey } from '../offline/offlineQueue.ts';
import { ClaimClose, ClaimRelease } from './ClaimForms.tsx';
import { type QueuedClaimClose, claimOutbox } from './claimQueue.ts';
import { VOLUNTEER_KEY, currentPoint, fetchMyClaims, fetchNearby, type Point } from './api.ts';
import { NS } from './i18n.ts';

/** 市民认领: small problems nearby that may be claimed, and the volunteer's own claims to close or release. */
export function Claims() {
  const { t } = useTranslation(NS);
  const [here, setHere] = useState<Point | null>(null);
  const [locating, setLocating] = useState(false);
  const nearby = useQuery({
    queryKey: [...VOLUNTEER_KEY, 'nearby', here],
    queryFn: () => fetchNearby(here as Point),
    enabled: here !== null,
  });
  const user = useCurrentUser();
  // Cached on the device: a claim can be closed in a dead zone, and the list opens with no connection.
  const mine = useCachedQuery(`volunteer.claims.${user.id}`, [...VOLUNTEER_KEY, 'claims'], fetchMyClaims, true, true);
  const [queued, setQueued] = useState<QueuedClaimClose[]>([]);
  useEffect(() => {
    const reload = () => void claimOutbox.list(user.id).then(setQueued, () => setQueued([]));
    reload();
    return claimOutbox.subscribe(reload);
  }, [user.id]);
  const locate = async () => {
    setLocating(true);
    try {
      setHere(await currentPoint());
    } catch {
      notifyError(new Error(t('noPosition')));
    } finally {
      setLocating(false);
    }
  };
  return (
    <>
      <Card size="small" title={t('myClaims')} data-testid="m-volunteer-claims">
        {mine.data?.items.length === 0 && <Empty description={t('noClaims')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        <Space direction="vertical" style={{ width: '100%' }}>
          {mine.data?.items.map((c) => (
            <MyClaim key={c.id} c={c} queued={queued.find((q) => q.caseId === c.id)} />
          ))}
        </Space>
      </Card>
      <Card
        size="small"
        title={t('nearby')}
        data-testid="m-volunteer-nearby"
        extra={
          <Button
            size="small"
            icon={<AimOutlined />}
            loading={locating}
            onClick={() => void locate()}
            data-testid="m-volunteer-locate"
          >
            {t('locate')}
          </Button>
        }
      >
        {!here && <Typography.Text type="secondary">{t('locateHint')}</Typography.Text>}
        {nearby.data?.items.length === 0 && <Empty description={t('noNearby')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        <Space direction="vertical" style={{ width: '100%' }}>
          {nearby.data?.items.map((c) => (
            <NearbyCase key={c.id} c={c} />
          ))}
        </Space>
      </Card>
    </>
  );
}

function CaseLine({ c }: { c: ClaimCaseView }) {
  const { t } = useTranslation(NS);
  return (
    <div>
      <Space wrap size={4}>
        <Typography.Text strong>{c.itemName}</Typography.Text>
        <Tag>{CASE_STATE_LABELS[c.state]}</Tag>
      </Space>
      <div style={{ fontSize: 12, color: '#888' }}>
        {c.code}
        {c.distanceM !== null && ` · ${t('distance', { m: Math.round(c.distanceM) })}`}
      </div>
      {c.address && <div>{c.address}</div>}
    </div>
  );
}

function NearbyCase({ c }: { c: ClaimCaseView }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [key] = useState(newKey);
  const claim = useMutation({
    mutationFn: () => api.post('/api/forces/claims', { caseId: c.id, version: c.version, idempotencyKey: key }),
    onSuccess: () => qc.invalidateQueries({ queryKey: VOLUNTEER_KEY }),
  });
  const run = async () => {
    try {
      await claim.mutateAsync();
      void message.success(t('done.claim'));
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <div data-testid="m-volunteer-nearby-case" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
      <CaseLine c={c} />
      <Button
        type="primary"
        size="small"
        loading={claim.isPending}
        onClick={() => void run()}
        data-testid="m-volunteer-claim"
      >
        {t('actions.claim')}
      </Button>
    </div>
  );
}

function MyClaim({ c, queued }: { c: ClaimCaseView; queued: QueuedClaimClose | undefined }) {
  const { t } = useTranslation(NS);
  const [open, setOpen] = useState<'close' | 'release' | null>(null);
  return (
    <div data-testid="m-volunteer-claim-case" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
      <CaseLine c={c} />
      {queued?.status === 'pending' && (
        <Tag color="warning" data-testid="m-volunteer-close-queued">
          {t('closeQueued')}
        </Tag>
      )}
      {queued?.status === 'failed' && (
        <div data-testid="m-volunteer-close-failed">
          <Typography.Text type="danger">
            {t('closeFailed', { message: queued.lastError?.message ?? '' })}
          </Typography.Text>{' '}
          <Button size="small" onClick={() => void claimOutbox.remove(queued.id)}>
            {t('discard')}
          </Button>
        </div>
      )}
      {c.state === 'claimed' && !open && !queued && (
        <Space>
          <Button type="primary" size="small" onClick={() => setOpen('close')} data-testid="m-volunteer-close">
            {t('actions.close')}
          </Button>
          <Button size="small" onClick={() => setOpen('release')} data-testid="m-volunteer-release">
            {t('actions.release')}
          </Button>
        </Space>
      )}
      {open === 'close' && <ClaimClose c={c} onDone={() => setOpen(null)} />}
      {open === 'release' && <ClaimRelease c={c} onDone={() => setOpen(null)} />}
    </div>
  );
}
