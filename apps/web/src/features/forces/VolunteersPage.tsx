import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VolunteerState } from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { useCan } from '../../app/session.ts';
import { buttonTestId } from '../../components/testId.ts';
import { type VolunteerView, useDecideVolunteer, useVolunteers } from './api.ts';
import { useRegionChoices } from './regions.tsx';
import { NS } from './i18n.ts';

const STATE_COLOURS: Record<VolunteerState, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'default',
};
/** Minutes shown as hours with one decimal (the points rule counts quarter hours; this is only the display). */
export const hours = (minutes: number) => (minutes / 60).toFixed(1);

/** 志愿者: registrations to approve or refuse, then the roster with hours served, claims handled and points. */
export function VolunteersPage() {
  const { t } = useTranslation(NS);
  const can = useCan();
  const manage = can('forces.manage');
  const volunteers = useVolunteers();
  const decide = useDecideVolunteer();
  const { nameOf } = useRegionChoices();
  const all = volunteers.data ?? [];
  const pending = all.filter((v) => v.state === 'pending');
  const roster = all.filter((v) => v.state !== 'pending');

  const act = async (v: VolunteerView, approved: boolean) => {
    try {
      await decide.mutateAsync({ id: v.id, approved });
      notifySuccess(t(approved ? 'volunteers.approved' : 'volunteers.rejected', { name: v.name }));
    } catch (err) {
      notifyError(err);
    }
  };
  const region = { title: t('volunteers.region'), dataIndex: 'regionPath', render: (p: string) => nameOf(p) };
  const skills = { title: t('volunteers.skills'), dataIndex: 'skills', render: (s: string | null) => s ?? '—' };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('volunteers.pending')}>
        <Typography.Paragraph type="secondary">{t('volunteers.pendingHint')}</Typography.Paragraph>
        <Table<VolunteerView>
          scroll={{ x: 'max-content' }}
          rowKey="id"
          size="small"
          loading={volunteers.isPending}
          dataSource={pending}
          pagination={false}
          locale={{ emptyText: t('volunteers.noPending') }}
          data-testid="volunteers-pending"
          columns={[
            { title: t('volunteers.name'), dataIndex: 'name' },
            region,
            skills,
            ...(manage
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, v: VolunteerView) => (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          loading={decide.isPending && decide.variables?.id === v.id}
                          onClick={() => act(v, true)}
                          data-testid={`volunteer-approve-${v.id}`}
                        >
                          {t('volunteers.approve')}
                        </Button>
                        <Popconfirm
                          title={t('volunteers.rejectConfirm', { name: v.name })}
                          onConfirm={() => act(v, false)}
                          okButtonProps={buttonTestId('volunteer-reject-ok')}
                        >
                          <Button size="small" danger data-testid={`volunteer-reject-${v.id}`}>
                            {t('volunteers.reject')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('volunteers.roster')}>
        <Table<VolunteerView>
          scroll={{ x: 'max-content' }}
          rowKey="id"
          size="small"
          loading={volunteers.isPending}
          dataSource={roster}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('none') }}
          data-testid="volunteers-roster"
          columns={[
            { title: t('volunteers.name'), dataIndex: 'name' },
            region,
            skills,
            {
              title: t('volunteers.state'),
              dataIndex: 'state',
              render: (s: VolunteerState) => <Tag color={STATE_COLOURS[s]}>{t(`states.${s}`)}</Tag>,
            },
            { title: t('volunteers.hours'), dataIndex: 'minutes', align: 'right', render: hours },
            { title: t('volunteers.selfHandled'), dataIndex: 'selfHandled', align: 'right' },
            { title: t('volunteers.points'), dataIndex: 'points', align: 'right' },
          ]}
        />
      </Card>
    </Space>
  );
}
