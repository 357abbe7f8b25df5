import { useState } from 'react';
import { Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VISIT_KINDS, type VisitKind, maskName } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { Photos } from '../attachments/Photos.tsx';
import { GridSelect } from '../grids/GridSelect.tsx';
import { type FieldVisitRow, type VisitFilter, useFieldVisits } from './api.ts';
import { NS } from './i18n.ts';

const PAGE_SIZE = 20;
const KIND_COLOURS: Record<VisitKind, string> = { household: 'blue', business: 'cyan', special_population: 'purple' };
const wrap = (v: string | null) => (v ? <span style={{ whiteSpace: 'normal' }}>{v}</span> : '');

/** 走访台账: the area's visits of every kind, newest first, with the case or dispute each finding became. */
export function VisitsPage() {
  const { t } = useTranslation(NS);
  const [filter, setFilter] = useState<VisitFilter>({});
  const [page, setPage] = useState(1);
  const visits = useFieldVisits(filter, page, PAGE_SIZE);
  const change = (f: Partial<VisitFilter>) => {
    setFilter((old) => ({ ...old, ...f }));
    setPage(1);
  };

  return (
    <Card title={t('visits.title')} data-testid="visits-page">
      <Typography.Paragraph type="secondary">{t('visits.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<VisitKind>
          allowClear
          placeholder={t('visits.kind')}
          style={{ width: 160 }}
          value={filter.kind}
          onChange={(kind) => change({ kind })}
          options={VISIT_KINDS.map((k) => ({ value: k, label: t(`visits.kinds.${k}`) }))}
          data-testid="visits-filter-kind"
        />
        <GridSelect
          allowClear
          placeholder={t('plans.grid')}
          style={{ width: 240 }}
          value={filter.gridId}
          onChange={(gridId) => change({ gridId })}
          testId="visits-filter-grid"
        />
      </Space>
      <Table<FieldVisitRow>
        rowKey="id"
        size="middle"
        loading={visits.isFetching}
        dataSource={visits.data?.items ?? []}
        locale={{ emptyText: t('visits.empty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: visits.data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 'max-content' }}
        data-testid="visits-table"
        columns={[
          { title: t('visits.visitedAt'), dataIndex: 'visitedAt', render: formatTime },
          {
            title: t('visits.kind'),
            dataIndex: 'kind',
            render: (k: VisitKind) => <Tag color={KIND_COLOURS[k]}>{t(`visits.kinds.${k}`)}</Tag>,
          },
          {
            title: t('visits.subject'),
            key: 'subject',
            render: (_, v) => (
              <Space direction="vertical" size={0} data-testid={`visit-subject-${v.id}`}>
                {[v.residentName && maskName(v.residentName), v.organisationName, v.houseAddress]
                  .filter(Boolean)
                  .map((s) => (
                    <span key={s}>{s}</span>
                  ))}
              </Space>
            ),
          },
          { title: t('visits.purpose'), dataIndex: 'purpose', render: wrap },
          { title: t('visits.note'), dataIndex: 'note', width: 220, render: wrap },
          { title: t('visits.findings'), dataIndex: 'findings', width: 200, render: wrap },
          {
            title: t('visits.photos'),
            dataIndex: 'photoIds',
            render: (ids: string[], v) => <Photos ids={ids} size={48} testId={`visit-photos-${v.id}`} />,
          },
          { title: t('visits.visitor'), dataIndex: 'visitorName', render: (v: string | null) => v ?? '—' },
          {
            title: t('visits.counted'),
            dataIndex: 'counted',
            render: (c: FieldVisitRow['counted'], v) =>
              c === 'late' ? (
                <Tooltip title={v.lateReason ? t('visits.lateReason', { reason: v.lateReason }) : undefined}>
                  <Tag color="warning">{t('visits.late')}</Tag>
                </Tooltip>
              ) : c === 'on_time' ? (
                <Tag color="success">{t('visits.onTime')}</Tag>
              ) : (
                ''
              ),
          },
          {
            title: t('visits.made'),
            key: 'made',
            render: (_, v) => (
              <Space size={4} wrap>
                {v.caseId && (
                  <Link to={`/cases/${v.caseId}`} data-testid={`visit-case-${v.id}`}>
                    {t('visits.case')}
                  </Link>
                )}
                {v.disputeId && (
                  <Link to={`/disputes/${v.disputeId}`} data-testid={`visit-dispute-${v.id}`}>
                    {t('visits.dispute')}
                  </Link>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
