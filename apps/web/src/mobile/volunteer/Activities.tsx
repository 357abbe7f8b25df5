import { useState } from 'react';
import { App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ActivityView, AttendanceView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { notifyError } from '../../app/notify.ts';
import { formatTime } from '../../components/formatTime.ts';
import { newKey } from '../offline/offlineQueue.ts';
import { VOLUNTEER_KEY, currentPoint, fetchActivities } from './api.ts';
import { NS } from './i18n.ts';

/** The village's coming and running activities: place, time, places left; sign up, check in on site, check out. */
export function Activities() {
  const { t } = useTranslation(NS);
  const list = useQuery({ queryKey: [...VOLUNTEER_KEY, 'activities'], queryFn: fetchActivities });
  return (
    <Card size="small" title={t('activities')} data-testid="m-volunteer-activities">
      {!list.data && <div className="m-loading" />}
      {list.data?.items.length === 0 && <Empty description={t('noActivities')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {list.data?.items.map((a) => (
          <ActivityCard key={a.id} a={a} />
        ))}
      </Space>
    </Card>
  );
}

type Step = 'signup' | 'check-in' | 'check-out';

function ActivityCard({ a }: { a: ActivityView }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [key] = useState(newKey);
  const act = useMutation({
    mutationFn: async (step: Step) => {
      const path = `/api/forces/activities/${a.id}/${step}`;
      if (step === 'signup') return api.post<AttendanceView>(path, { idempotencyKey: key });
      if (step === 'check-in') return api.post<AttendanceView>(path, await currentPoint());
      return api.post<AttendanceView>(path, {});
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: VOLUNTEER_KEY }),
  });
  const run = async (step: Step) => {
    try {
      await act.mutateAsync(step);
      void message.success(t(`done.${step}`));
    } catch (err) {
      notifyError(err instanceof GeolocationPositionError ? new Error(t('noPosition')) : err);
    }
  };
  const mine = a.mine;
  const full = a.signedUp >= a.capacity;
  const step: Step | null = !mine
    ? full
      ? null
      : 'signup'
    : !mine.checkedInAt
      ? 'check-in'
      : !mine.checkedOutAt
        ? 'check-out'
        : null;
  return (
    <div
      className="m-card"
      data-testid="m-volunteer-activity"
      style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
    >
      <Space wrap size={4}>
        <Typography.Text strong>{a.title}</Typography.Text>
        <Tag>{t(`kinds.${a.kind}`)}</Tag>
        {mine && (
          <Tag color="green">{t(mine.checkedOutAt ? 'checkedOut' : mine.checkedInAt ? 'checkedIn' : 'signedUp')}</Tag>
        )}
      </Space>
      <div>
        <EnvironmentOutlined /> {a.placeName}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatTime(a.startsAt)} – {formatTime(a.endsAt)}
      </Typography.Text>
      <div data-testid="m-volunteer-capacity">{t('capacity', { signedUp: a.signedUp, capacity: a.capacity })}</div>
      {mine?.checkedOutAt && <div>{t('served', { hours: (mine.minutes / 60).toFixed(1) })}</div>}
      {step && (
        <Button
          type={step === 'signup' ? 'primary' : 'default'}
          size="small"
          loading={act.isPending}
          onClick={() => void run(step)}
          data-testid={`m-volunteer-${step}`}
          style={{ marginTop: 4 }}
        >
          {t(`actions.${step}`)}
        </Button>
      )}
      {!mine && full && <Tag>{t('full')}</Tag>}
    </div>
  );
}
