import { Link, useSearchParams } from 'react-router';
import { Button, Empty, Result, Segmented, Skeleton, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { DISPUTE_OPEN_STATES, type DisputeSummary } from '@gewu/domain';
import { DisputeStateTag } from '../../features/disputes/tags.tsx';
import { LightDot } from '../cases/LightDot.tsx';
import { useMyDisputes } from './api.ts';

const TABS = ['open', 'all'] as const;
type Tab = (typeof TABS)[number];

/** 我的纠纷 on the phone: the disputes the mediator holds, open ones first by their stage light and deadline. */
export default function DisputesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = search.get('tab') === 'all' ? 'all' : 'open';
  const list = useMyDisputes(tab === 'open' ? DISPUTE_OPEN_STATES : undefined);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;

  return (
    <div data-testid="m-disputes" data-tab={tab}>
      <Segmented<Tab>
        block
        className="m-section m-task-tabs"
        value={tab}
        onChange={(v) => setSearch(v === 'open' ? {} : { tab: v }, { replace: true })}
        options={TABS.map((k) => ({
          value: k,
          label: <span data-testid={`m-dispute-tab-${k}`}>{t(`disputes.phone.tabs.${k}`)}</span>,
        }))}
      />
      <div className="m-list-tools">
        <span className="m-muted">{total !== undefined ? t('disputes.phone.total', { n: total }) : ''}</span>
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
      {list.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {list.isError && items.length === 0 && (
        <Result
          status="warning"
          subTitle={list.error.message}
          extra={<Button onClick={() => void list.refetch()}>{t('mobile.retry')}</Button>}
        />
      )}
      {list.isSuccess && items.length === 0 && (
        <Empty description={t('disputes.phone.empty')} style={{ marginTop: 32 }} />
      )}
      {items.map((d) => (
        <DisputeRow key={d.id} d={d} />
      ))}
      {list.hasNextPage && (
        <Button
          block
          className="m-big"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
          style={{ marginTop: 12 }}
        >
          {t('mobile.list.loadMore')}
        </Button>
      )}
    </div>
  );
}

function DisputeRow({ d }: { d: DisputeSummary }) {
  const { t } = useTranslation();
  return (
    <Link to={`/m/disputes/${d.id}`} className="m-row" data-testid={`m-dispute-row-${d.code}`} data-state={d.state}>
      <div className="m-row-head">
        <strong className="m-row-title">
          <LightDot light={d.light} />
          {d.typeName}
          {d.risk !== 'general' && (
            <Tag color={d.risk === 'major' ? 'red' : 'orange'}>{t(`disputes.risks.${d.risk}`)}</Tag>
          )}
        </strong>
        <DisputeStateTag state={d.state} />
      </div>
      <div className="m-row-desc">{d.summary}</div>
      <div className="m-muted m-row-meta">
        <span>{d.code}</span>
        <span>
          {d.stage && d.stageDeadline
            ? t('disputes.phone.deadline', {
                stage: t(`disputes.stages.${d.stage}`),
                at: dayjs(d.stageDeadline).format('MM-DD HH:mm'),
              })
            : dayjs(d.registeredAt).format('YYYY-MM-DD')}
        </span>
      </div>
    </Link>
  );
}
