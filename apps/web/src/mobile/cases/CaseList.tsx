import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Empty, Result, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CaseState, CaseSummary } from '@gewu/domain';
import { useCaseList, type CaseView } from '../api.ts';
import { StateTag } from '../../features/cases/StateTag.tsx';
import { LightDot } from './LightDot.tsx';

interface Props {
  view: CaseView;
  /** Narrows the list to these states (a tab of 我的任务). */
  states?: readonly CaseState[];
  /** Where a row leads (`<linkBase>/<id>`); the view's own path by default. */
  linkBase?: string;
  /** Row test ids: `<rowPrefix>-<case code>`. */
  rowPrefix: string;
  /** Shown above the rows (the pending reports, a success notice). */
  header?: ReactNode;
  emptyText: string;
  showLight?: boolean;
}

/** A list of cases as big tappable cards: item, state, description, code and time. */
export function CaseList({ view, states, linkBase, rowPrefix, header, emptyText, showLight }: Props) {
  const { t } = useTranslation();
  const list = useCaseList(view, states);
  const items = list.data?.items ?? [];

  return (
    <div data-testid={`m-list-${view}`}>
      {header}
      <div className="m-list-tools">
        <span className="m-muted">{list.data ? t('mobile.list.total', { n: list.data.total }) : ''}</span>
        <Button
          size="small"
          type="text"
          icon={<ReloadOutlined />}
          loading={list.isFetching}
          onClick={() => void list.refetch()}
          data-testid="m-refresh"
        >
          {t('mobile.list.refresh')}
        </Button>
      </div>
      {list.isPending && list.fetchStatus === 'paused' && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('mobile.list.offline')}
          data-testid="m-list-offline"
        />
      )}
      {list.isPending && list.fetchStatus !== 'paused' && <Skeleton active paragraph={{ rows: 4 }} />}
      {list.isError && items.length === 0 && (
        <Result
          status="warning"
          subTitle={list.error.message}
          extra={<Button onClick={() => void list.refetch()}>{t('mobile.retry')}</Button>}
        />
      )}
      {list.isSuccess && items.length === 0 && <Empty description={emptyText} style={{ marginTop: 32 }} />}
      {items.map((c) => (
        <CaseRow
          key={c.id}
          c={c}
          to={`${linkBase ?? `/m/${view}`}/${c.id}`}
          testId={`${rowPrefix}-${c.code}`}
          showLight={showLight}
        />
      ))}
    </div>
  );
}

function CaseRow({ c, to, testId, showLight }: { c: CaseSummary; to: string; testId: string; showLight?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="m-row" data-testid={testId} data-state={c.state}>
      <div className="m-row-head">
        <strong className="m-row-title">
          {showLight && <LightDot light={c.light} />}
          {c.itemName}
        </strong>
        <StateTag state={c.state} />
      </div>
      <div className="m-row-desc">{c.description}</div>
      <div className="m-muted m-row-meta">
        <span>{c.code}</span>
        <span>
          {showLight && c.stageDeadline
            ? t('mobile.list.deadline', { at: dayjs(c.stageDeadline).format('MM-DD HH:mm') })
            : dayjs(c.reportedAt).format('YYYY-MM-DD HH:mm')}
        </span>
      </div>
    </Link>
  );
}
