import { useState } from 'react';
import { Badge, Button, Card, Tabs } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/session.ts';
import { useCaseCount } from './api.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseTable } from './CaseTable.tsx';
import { HotlineDialog } from './HotlineDialog.tsx';
import { QUEUE_TABS, isQueueTab, queueTabQuery, type QueueTab } from './queueTabs.ts';
import { usePagedCases } from './usePagedCases.ts';

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
  const [hotline, setHotline] = useState(false);
  const list = usePagedCases(queueTabQuery(tab), 'reported_desc');

  const setTab = (next: string) => {
    list.firstPage();
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
      <CaseFilters onChange={list.setFilter} />
      <CaseTable
        {...list.table}
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
        testId="case-queue-table"
      />
      {hotline && <HotlineDialog onClose={() => setHotline(false)} />}
    </Card>
  );
}
