import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ADMISSION_STATES, type AdmissionState } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { formatTime } from '../../components/formatTime.ts';
import { DecideAdmissionDialog, ProposeAdmissionDialog, WithdrawAdmissionDialog } from './AdmissionDialogs.tsx';
import { useAdmissions, type AdmissionView } from './api.ts';

const STATE_COLORS: Record<AdmissionState, string> = {
  proposed: 'processing',
  active: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

interface Props {
  /** undefined: no proposal dialog; null: open with no item chosen; a code: open for that item. */
  proposeFor: string | null | undefined;
  onPropose: (code: string | null | undefined) => void;
}

/** 网格事项准入: proposals, decisions and withdrawals, with the buttons the user's roles allow. */
export function AdmissionsCard({ proposeFor, onPropose }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const [state, setState] = useState<AdmissionState>();
  const [deciding, setDeciding] = useState<{ admission: AdmissionView; approve: boolean } | null>(null);
  const [withdrawing, setWithdrawing] = useState<AdmissionView | null>(null);
  const admissions = useAdmissions({ state });
  const mayDecide = can('item.approve');
  const mayWithdraw = can('item.approve') || can('item.manage');

  const columns: TableColumnsType<AdmissionView> = [
    { title: t('cases.items.code'), dataIndex: 'itemCode', key: 'code' },
    { title: t('cases.items.name'), dataIndex: 'itemName', key: 'name' },
    {
      title: t('cases.items.admissions.region'),
      key: 'region',
      render: (_, a) => `${a.regionName}（${a.regionCode}）`,
    },
    {
      title: t('cases.items.admissions.state'),
      key: 'state',
      render: (_, a) => (
        <Tag color={STATE_COLORS[a.state]} data-testid={`admission-state-${a.itemCode}`}>
          {t(`cases.items.admissions.states.${a.state}`)}
        </Tag>
      ),
    },
    {
      title: t('cases.items.admissions.reason'),
      key: 'reason',
      render: (_, a) => (
        <Typography.Text ellipsis={{ tooltip: a.reason }} style={{ maxWidth: 260 }}>
          {a.reason}
        </Typography.Text>
      ),
    },
    {
      title: t('cases.items.admissions.proposed'),
      key: 'proposed',
      render: (_, a) => `${a.proposedByName ?? '—'} ${formatTime(a.proposedAt)}`,
    },
    {
      title: t('cases.items.admissions.decided'),
      key: 'decided',
      render: (_, a) =>
        a.withdrawnAt
          ? `${t('cases.items.admissions.withdrawnBy', { name: a.withdrawnByName ?? '—' })} ${formatTime(a.withdrawnAt)}`
          : a.decidedAt
            ? `${a.decidedByName ?? '—'} ${formatTime(a.decidedAt)}${a.decisionNote ? `：${a.decisionNote}` : ''}`
            : '—',
    },
    {
      title: t('cases.items.admissions.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space size={4}>
          {mayDecide && a.state === 'proposed' && (
            <>
              <Button
                size="small"
                type="primary"
                onClick={() => setDeciding({ admission: a, approve: true })}
                data-testid={`admission-approve-${a.itemCode}`}
              >
                {t('cases.items.admissions.approve')}
              </Button>
              <Button
                size="small"
                danger
                onClick={() => setDeciding({ admission: a, approve: false })}
                data-testid={`admission-reject-${a.itemCode}`}
              >
                {t('cases.items.admissions.reject')}
              </Button>
            </>
          )}
          {mayWithdraw && a.state === 'active' && (
            <Button
              size="small"
              danger
              onClick={() => setWithdrawing(a)}
              data-testid={`admission-withdraw-${a.itemCode}`}
            >
              {t('cases.items.admissions.withdraw')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('cases.items.admissions.title')}
      extra={
        <Space wrap>
          <Select<AdmissionState>
            allowClear
            placeholder={t('cases.items.admissions.state')}
            value={state}
            onChange={setState}
            style={{ width: 140 }}
            options={ADMISSION_STATES.map((s) => ({ value: s, label: t(`cases.items.admissions.states.${s}`) }))}
            data-testid="admissions-state"
          />
          {can('item.propose') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => onPropose(null)}
              data-testid="admission-propose"
            >
              {t('cases.items.admissions.propose')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('cases.items.admissions.hint')}</Typography.Paragraph>
      <Table<AdmissionView>
        rowKey="id"
        size="small"
        loading={admissions.isFetching}
        dataSource={admissions.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20 }}
        data-testid="admissions-table"
        onRow={(a) =>
          ({ 'data-testid': `admission-row-${a.itemCode}-${a.regionCode}` }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {proposeFor !== undefined && (
        <ProposeAdmissionDialog itemCode={proposeFor ?? undefined} onClose={() => onPropose(undefined)} />
      )}
      {deciding && (
        <DecideAdmissionDialog
          admission={deciding.admission}
          approve={deciding.approve}
          onClose={() => setDeciding(null)}
        />
      )}
      {withdrawing && <WithdrawAdmissionDialog admission={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Card>
  );
}
