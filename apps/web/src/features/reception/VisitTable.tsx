import { useState } from 'react';
import { Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { RECEPTION_TRACKS, type ReceptionTrack } from '@gewu/domain';
import { type VisitSummary, useVisits } from './api.ts';
import { recordPath } from './recordPath.ts';

const OUTCOME_COLORS = { open: 'processing', done: 'success', stopped: 'warning' } as const;

/** The centre's visits (its region), newest first: the receipt, the visitor masked, where it went and how it stands. */
export function VisitTable() {
  const { t } = useTranslation();
  const [track, setTrack] = useState<ReceptionTrack>();
  // A link to one visit (a record's 来自综治中心窗口) opens the list searched by its receipt number.
  const [search] = useSearchParams();
  const [q, setQ] = useState<string | undefined>(search.get('q') ?? undefined);
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const visits = useVisits({ track, q, page, pageSize });

  const columns: ColumnsType<VisitSummary> = [
    { title: t('reception.list.receipt'), dataIndex: 'receiptNumber', width: 150 },
    {
      title: t('reception.list.visitedAt'),
      dataIndex: 'visitedAt',
      width: 140,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('reception.list.visitor'),
      width: 150,
      render: (_, v) =>
        v.visitor.anonymous ? (
          <Typography.Text type="secondary">{t('reception.list.anonymous')}</Typography.Text>
        ) : (
          <span>
            {v.visitor.nameMasked}
            {v.headcount > 1 ? ` ${t('reception.list.headcount', { n: v.headcount })}` : ''}
            <br />
            <Typography.Text type="secondary">{v.visitor.phoneMasked}</Typography.Text>
          </span>
        ),
    },
    {
      title: t('reception.list.matter'),
      render: (_, v) => (
        <span>
          <Tag>{t(`reception.categories.${v.category}`)}</Tag>
          <Typography.Text ellipsis style={{ maxWidth: 280 }}>
            {v.matter}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('reception.list.track'),
      width: 190,
      render: (_, v) => (
        <span>
          {t(`reception.tracks.${v.track}`)}
          {v.trackCode && (
            <>
              <br />
              {recordPath(v.track, v.trackRecordId) ? (
                <Link to={recordPath(v.track, v.trackRecordId) ?? ''} data-testid={`visit-record-${v.receiptNumber}`}>
                  {v.trackCode}
                </Link>
              ) : (
                <Typography.Text type="secondary">{v.trackCode}</Typography.Text>
              )}
            </>
          )}
        </span>
      ),
    },
    {
      title: t('reception.list.progress'),
      width: 190,
      render: (_, v) => <Tag color={OUTCOME_COLORS[v.progress.outcome]}>{v.progress.label}</Tag>,
    },
    { title: t('reception.list.registeredBy'), dataIndex: 'registeredByName', width: 100 },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<ReceptionTrack>
          allowClear
          placeholder={t('reception.list.filterTrack')}
          style={{ width: 180 }}
          value={track}
          onChange={(v) => {
            setTrack(v);
            setPage(1);
          }}
          options={RECEPTION_TRACKS.map((tr) => ({ value: tr, label: t(`reception.tracks.${tr}`) }))}
        />
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('reception.list.search')}
          style={{ width: 240 }}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
          data-testid="visits-search"
        />
      </Space>
      <Table<VisitSummary>
        rowKey="id"
        size="middle"
        scroll={{ x: 1100 }}
        columns={columns}
        dataSource={visits.data?.items ?? []}
        loading={visits.isFetching}
        pagination={{
          current: page,
          pageSize,
          total: visits.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('reception.list.total', { n }),
        }}
        data-testid="visits-table"
      />
    </>
  );
}
