import { App, Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
// Zod-free: the phone never loads the contracts (their types only).
import { VOLUNTEER_POINTS, type VolunteerView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { notifyError } from '../../app/notify.ts';
import { useCurrentUser } from '../../app/session.ts';
import { Activities } from './Activities.tsx';
import { Claims } from './Claims.tsx';
import { VOLUNTEER_KEY, fetchMe } from './api.ts';
import { NS } from './i18n.ts';

/**
 * 志愿 on a resident's phone (issue 17): register as a volunteer of one's village, and once approved sign up
 * for its activities, check in and out on site, claim small problems nearby and close them with photos.
 */
export default function VolunteerPage() {
  const user = useCurrentUser();
  const me = useQuery({ queryKey: [...VOLUNTEER_KEY, 'me'], queryFn: fetchMe });
  const mine = me.data?.items[0];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="m-volunteer">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {user.region.name}
      </Typography.Title>
      {!me.data && <div className="m-loading" />}
      {me.data && !mine && <Register />}
      {mine && <Status v={mine} />}
      {mine?.state === 'approved' && <Activities />}
      {mine?.state === 'approved' && <Claims />}
    </Space>
  );
}

function Register() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const register = useMutation({
    mutationFn: () => api.post<VolunteerView>('/api/forces/volunteers', {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: VOLUNTEER_KEY }),
  });
  const submit = async () => {
    try {
      await register.mutateAsync();
      void message.success(t('registered'));
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Card size="small" data-testid="m-volunteer-register-card">
      <Empty description={t('notYet')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      <Button
        type="primary"
        block
        loading={register.isPending}
        onClick={() => void submit()}
        data-testid="m-volunteer-register"
      >
        {t('register')}
      </Button>
    </Card>
  );
}

const STATE_COLORS = { pending: 'gold', approved: 'green', rejected: 'red' } as const;

function Status({ v }: { v: VolunteerView }) {
  const { t } = useTranslation(NS);
  return (
    <Card size="small" data-testid="m-volunteer-status">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{v.name}</Typography.Text>
        <Tag color={STATE_COLORS[v.state]} data-testid="m-volunteer-state">
          {t(`states.${v.state}`)}
        </Tag>
      </Space>
      {v.state === 'approved' && (
        <Descriptions size="small" column={3} layout="vertical" data-testid="m-volunteer-totals">
          <Descriptions.Item label={t('hours')}>{(v.minutes / 60).toFixed(1)}</Descriptions.Item>
          <Descriptions.Item label={t('selfHandled')}>
            <span data-testid="m-volunteer-self-handled">{v.selfHandled}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('points')}>
            <span data-testid="m-volunteer-points">{v.points}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {v.state === 'approved' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('pointsRule', VOLUNTEER_POINTS)}
        </Typography.Text>
      )}
      {v.state === 'pending' && <Typography.Text type="secondary">{t('pendingHint')}</Typography.Text>}
    </Card>
  );
}
