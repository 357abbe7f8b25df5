import { useState } from 'react';
import { Badge, Button, Card, Tabs } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/session.ts';
import { useCaseCount, useCases } from './api.ts';
import { CaseFilters, type CaseFilter } from './CaseFilters.tsx';
import { CaseTable, type CaseSort } from './CaseTable.tsx';
import { HotlineDialog } from './HotlineDialog.tsx';
import { QUEUE_TABS, isQueueTab, queueTabQuery, type QueueTab } from './queueTabs.ts';

function TabLabel({ tab }: { tab: QueueTab }) {
  const { t } = useTranslation();
  const counted = tab !== 'all';
  const count = useCaseCount(queueTabQuery(tab), counted);
  return (
    <span data-testid={`case-tab-${tab}`}>
      {t(`cases.queue.tabs.${tab}`)}
      {counted && count.data ? (
        <Badge count={count.data} overflowCount={999} size="small" style={{ marginInlineStart: 6 }} />
      ) : null}
    </span>
  );
}

/** 受理队列: the centre's work — accept, dispatch, verify, close, approve — plus hotline entry. */
export function QueuePage() {
  const { t } = useTranslation();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const tabParam = search.get('tab');
  const tab: QueueTab = isQueueTab(tabParam) ? tabParam : 'reported';
  const [filter, setFilter] = useState<CaseFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<CaseSort>('reported_desc');
  const [hotline, setHotline] = useState(false);
  const cases = useCases({ ...queueTabQuery(tab), ...filter, sort, ...paging });

  const setTab = (next: string) => {
    setPaging((p) => ({ ...p, page: 1 }));
    setSearch(next === 'reported' ? {} : { tab: next }, { replace: true });
  };

  return (
    <Card
      title={t('cases.queue.title')}
      extra={
        can('case.report') && (
          <Button type="primary" icon={<PhoneOutlined />} onClick={() => setHotline(true)} data-testid="case-hotline">
            {t('cases.queue.hotline')}
          </Button>
        )
      }
      data-testid="case-queue"
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={QUEUE_TABS.map((k) => ({ key: k, label: <TabLabel tab={k} /> }))}
      />
      <CaseFilters
        onChange={(f) => {
          setFilter(f);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <CaseTable
        cases={cases.data?.items ?? []}
        loading={cases.isFetching}
        columns={[
          'light',
          'code',
          'item',
          'state',
          'deadline',
          'grid',
          'assignee',
          'channel',
          'description',
          'reportedAt',
        ]}
        sort={sort}
        onSortChange={(s) => {
          setSort(s);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        testId="case-queue-table"
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: cases.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) =>
            cases.data?.totalCapped ? t('cases.queue.totalCapped', { total }) : t('cases.queue.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {hotline && <HotlineDialog onClose={() => setHotline(false)} />}
    </Card>
  );
}
