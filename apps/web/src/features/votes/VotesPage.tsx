import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Dayjs } from 'dayjs';
import {
  OWNERS_VOTE_CLOSING_WARN_HOURS,
  OWNERS_VOTE_ITEMS,
  type OwnersVoteItem,
  type OwnersVoteListItem,
} from '@gewu/domain';
import { LIGHT_COLORS } from '../cases/colors.ts';
import { buttonTestId } from '../../components/testId.ts';
import { formatTime } from '../../components/formatTime.ts';
import { notifyError } from '../../app/notify.ts';
import { VillageSelect } from '../regions/VillageSelect.tsx';
import { formatArea, useBuildings, useCreateVote, useVotes } from './api.ts';

export const STATE_COLORS = { draft: 'default', open: 'blue', closed: 'green' } as const;

/** 业主表决: the estates' votes of the area; the staff start a new one. */
export function VotesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const votes = useVotes();
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<OwnersVoteListItem> = [
    { title: t('votes.title'), dataIndex: 'title', key: 'title' },
    { title: t('votes.item'), key: 'item', render: (_, v) => t(`votes.items.${v.item}`) },
    { title: t('votes.estate'), dataIndex: 'regionName', key: 'region' },
    {
      title: t('votes.state'),
      key: 'state',
      render: (_, v) => <Tag color={STATE_COLORS[v.state]}>{t(`votes.states.${v.state}`)}</Tag>,
    },
    {
      title: t('votes.closesAt'),
      key: 'closesAt',
      render: (_, v) => (
        <>
          {formatTime(v.closesAt)}{' '}
          {v.light && (
            <Tag color={LIGHT_COLORS[v.light]} data-light={v.light} data-testid="vote-light">
              {t(`votes.lights.${v.light}`, { hours: OWNERS_VOTE_CLOSING_WARN_HOURS })}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('votes.rollTotal'),
      key: 'roll',
      render: (_, v) =>
        v.roll ? t('votes.weight', { area: formatArea(v.roll.areaCenti), heads: v.roll.headcount }) : '—',
    },
    { title: t('votes.ballotsCast'), dataIndex: 'ballotsCast', key: 'cast', align: 'right' },
  ];
  return (
    <Card
      title={t('votes.menuTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="vote-new">
          {t('votes.new')}
        </Button>
      }
      data-testid="votes"
    >
      <Table<OwnersVoteListItem>
        rowKey="id"
        size="small"
        loading={votes.isFetching}
        dataSource={votes.data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('votes.empty') }}
        onRow={(v) => ({ onClick: () => void navigate(`/votes/${v.id}`), style: { cursor: 'pointer' } })}
      />
      {creating && <CreateVoteDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}

interface FormValues {
  regionId: string;
  buildingIds?: string[];
  title: string;
  description?: string;
  item: OwnersVoteItem;
  closesAt: Dayjs;
}

function CreateVoteDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const regionId = Form.useWatch('regionId', form);
  const buildings = useBuildings(regionId);
  const create = useCreateVote();
  const submit = (v: FormValues) =>
    create.mutate(
      {
        regionId: v.regionId,
        buildingIds: v.buildingIds ?? [],
        title: v.title,
        description: v.description ?? '',
        item: v.item,
        closesAt: v.closesAt.toISOString(),
      },
      { onSuccess: (d) => void navigate(`/votes/${d.id}`), onError: notifyError },
    );
  return (
    <Modal
      open
      title={t('votes.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={buttonTestId('vote-create-submit')}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} data-testid="vote-form">
        <Form.Item name="regionId" label={t('votes.estate')} rules={[{ required: true }]}>
          <VillageSelect testId="vote-region" />
        </Form.Item>
        <Form.Item name="buildingIds" label={t('votes.buildings')} extra={t('votes.buildingsHint')}>
          <Select
            mode="multiple"
            data-testid="vote-buildings"
            options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="title" label={t('votes.title')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} data-testid="vote-title" />
        </Form.Item>
        <Form.Item name="item" label={t('votes.item')} rules={[{ required: true }]} extra={t('votes.itemHint')}>
          <Select
            data-testid="vote-item"
            options={OWNERS_VOTE_ITEMS.map((i) => ({ value: i, label: t(`votes.items.${i}`) }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('votes.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="closesAt" label={t('votes.closesAt')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} data-testid="vote-closes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
