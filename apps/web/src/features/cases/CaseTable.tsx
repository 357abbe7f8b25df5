import type { HTMLAttributes, ReactNode } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseSummary } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { Deadline, LightDot, useNow } from './bits.tsx';
import { StateTag } from './StateTag.tsx';

export type CaseColumn =
  | 'code'
  | 'item'
  | 'state'
  | 'light'
  | 'deadline'
  | 'grid'
  | 'assignee'
  | 'channel'
  | 'reportedAt'
  | 'description'
  | 'supervision';

export const DEFAULT_COLUMNS: readonly CaseColumn[] = [
  'light',
  'code',
  'item',
  'state',
  'deadline',
  'grid',
  'description',
  'reportedAt',
];

export type CaseSort = 'reported_desc' | 'reported_asc' | 'deadline_asc';

function columnsFor(
  t: TFunction,
  now: number,
  keys: readonly CaseColumn[],
  sort: CaseSort | undefined,
): TableColumnsType<CaseSummary> {
  // Sorting is the server's (the list is paged): only the orders it offers are clickable.
  const sortable = sort !== undefined;
  const all: Record<CaseColumn, TableColumnsType<CaseSummary>[number]> = {
    light: {
      title: t('cases.fields.light'),
      key: 'light',
      width: 64,
      render: (_, c) => <LightDot light={c.light} testId={`case-light-${c.code}`} />,
    },
    code: {
      title: t('cases.fields.code'),
      dataIndex: 'code',
      key: 'code',
      width: 156,
      render: (code: string) => <Typography.Link>{code}</Typography.Link>,
    },
    item: {
      title: t('cases.fields.item'),
      key: 'item',
      width: 128,
      ellipsis: true,
      render: (_, c) => <span title={c.itemCode}>{c.itemName}</span>,
    },
    state: {
      title: t('cases.fields.state'),
      key: 'state',
      width: 128,
      render: (_, c) => (
        <Space size={4} wrap>
          <StateTag state={c.state} />
          {c.likelyDuplicates ? (
            <Tag color="purple" data-testid={`case-duplicates-${c.code}`}>
              {t('cases.queue.likelyDuplicates', { count: c.likelyDuplicates })}
            </Tag>
          ) : null}
          {c.pendingKind && (
            <Tag color="orange">
              {t(`cases.pending.${c.pendingKind === 'suspension' ? 'suspension' : 'extension'}`)}
            </Tag>
          )}
        </Space>
      ),
    },
    deadline: {
      title: t('cases.fields.deadline'),
      key: 'deadline',
      width: 132,
      sorter: sortable,
      sortDirections: ['ascend'],
      sortOrder: sort === 'deadline_asc' ? 'ascend' : null,
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          {c.stage && <Typography.Text type="secondary">{t(`cases.stages.${c.stage as 'accept'}`)}</Typography.Text>}
          <Deadline deadline={c.stageDeadline} now={now} testId={`case-deadline-${c.code}`} />
        </Space>
      ),
    },
    grid: {
      title: t('cases.fields.grid'),
      key: 'grid',
      width: 112,
      ellipsis: true,
      render: (_, c) => c.gridName ?? '—',
    },
    assignee: {
      title: t('cases.fields.assignee'),
      key: 'assignee',
      width: 112,
      ellipsis: true,
      render: (_, c) => c.assigneeUnitName ?? c.assigneeUserName ?? '—',
    },
    channel: {
      title: t('cases.fields.channel'),
      key: 'channel',
      width: 96,
      ellipsis: true,
      render: (_, c) => t(`cases.channels.${c.channel}`),
    },
    reportedAt: {
      title: t('cases.fields.reportedAt'),
      key: 'reportedAt',
      width: 148,
      sorter: sortable,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sort === 'reported_desc' ? 'descend' : sort === 'reported_asc' ? 'ascend' : null,
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(c.reportedAt)}</span>,
    },
    description: {
      title: t('cases.fields.description'),
      key: 'description',
      // The one column without a width: it takes what is left and cuts its text short.
      ellipsis: { showTitle: false },
      render: (_, c) => <Typography.Text ellipsis={{ tooltip: c.description }}>{c.description}</Typography.Text>,
    },
    supervision: {
      title: t('cases.fields.supervision'),
      key: 'supervision',
      render: (_, c) =>
        c.supervision ? (
          <Tag color={c.supervision === 'listed' ? 'red' : 'orange'}>
            {t(`cases.supervision.${c.supervision === 'listed' ? 'listed' : 'supervise'}`)}
            {c.rectifyBy ? ` · ${formatTime(c.rectifyBy)}` : ''}
          </Tag>
        ) : (
          '—'
        ),
    },
  };
  return keys.map((k) => all[k]);
}

interface Props {
  cases: readonly CaseSummary[];
  loading: boolean;
  columns?: readonly CaseColumn[];
  pagination: TablePaginationConfig | false;
  testId: string;
  /** Extra column at the end (row buttons). */
  extra?: { title: string; render: (c: CaseSummary) => ReactNode };
  /** The server-side order, when the user may change it by the column headers. */
  sort?: CaseSort;
  onSortChange?: (sort: CaseSort) => void;
}

/** A list of cases; a click on a row opens the case (`case-row-<code>`). */
export function CaseTable({
  cases,
  loading,
  columns = DEFAULT_COLUMNS,
  pagination,
  testId,
  extra,
  sort,
  onSortChange,
}: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow();
  const cols = columnsFor(t, now, columns, onSortChange ? sort : undefined);
  if (extra)
    cols.push({
      title: extra.title,
      key: 'extra',
      render: (_, c) => <span onClick={(e) => e.stopPropagation()}>{extra.render(c)}</span>,
    });
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={cols}
      dataSource={[...cases]}
      loading={loading}
      // Fixed widths, the description takes the rest: the queue fits a 1440 px screen without scrolling sideways;
      // narrower screens (a phone) scroll.
      tableLayout="fixed"
      scroll={{ x: 1100 }}
      pagination={pagination}
      data-testid={testId}
      onChange={(_p, _f, sorter, extraInfo) => {
        if (extraInfo.action !== 'sort' || !onSortChange) return;
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        if (s?.columnKey === 'deadline' && s.order) onSortChange('deadline_asc');
        else if (s?.columnKey === 'reportedAt' && s.order === 'ascend') onSortChange('reported_asc');
        else onSortChange('reported_desc');
      }}
      onRow={(c) =>
        ({
          onClick: () => navigate(`/cases/${c.id}`),
          style: { cursor: 'pointer' },
          'data-testid': `case-row-${c.code}`,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
