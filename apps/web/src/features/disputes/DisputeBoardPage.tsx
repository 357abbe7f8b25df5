import { lazy, Suspense, useState } from 'react';
import { Badge, Button, Card, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { useDisputeCount, useDisputes, type DisputeListParams } from './api.ts';
import { DisputeFilters, type DisputeFilter } from './DisputeFilters.tsx';
import { DisputeTable } from './DisputeTable.tsx';
import { type BoardTab, boardTabsFor } from './boardTabs.ts';

const RegisterDisputeDialog = lazy(() =>
  import('./RegisterDisputeDialog.tsx').then((m) => ({ default: m.RegisterDisputeDialog })),
);

function TabLabel({ tab }: { tab: BoardTab }) {
  const { t } = useTranslation();
  const counted = tab !== 'all';
  const count = useDisputeCount({ view: tab }, counted);
  return (
    <span data-testid={`dispute-tab-${tab}`}>
      {t(`disputes.board.tabs.${tab}`)}
      {counted && count.data ? (
        <Badge count={count.data} overflowCount={999} size="small" style={{ marginInlineStart: 6 }} />
      ) : null}
    </span>
  );
}

const FIRST_PAGE = { page: 1, pageSize: 20 };

/** 矛盾纠纷台账: the disputes the user sees with their stage lights, filters, and (for the centre) 登记. */
export function DisputeBoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const user = useCurrentUser();
  const tabs = boardTabsFor(user);
  const [search, setSearch] = useSearchParams();
  const tabParam = search.get('tab') as BoardTab | null;
  const tab: BoardTab = tabParam && tabs.includes(tabParam) ? tabParam : (tabs[0] ?? 'all');
  const [filter, setFilter] = useState<DisputeFilter>({});
  const [paging, setPaging] = useState(FIRST_PAGE);
  const [registering, setRegistering] = useState(false);
  const params: DisputeListParams = {
    view: tab,
    ...filter,
    sort: tab === 'all' ? 'registered_desc' : 'deadline_asc',
    ...paging,
  };
  const list = useDisputes(params);
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));

  return (
    <Card
      title={t('disputes.board.title')}
      extra={
        can('dispute.centre') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
            data-testid="dispute-register"
          >
            {t('disputes.board.register')}
          </Button>
        )
      }
      data-testid="dispute-board"
    >
      {tabs.length > 1 && (
        <Tabs
          activeKey={tab}
          onChange={(next) => {
            firstPage();
            setSearch(next === tabs[0] ? {} : { tab: next }, { replace: true });
          }}
          items={tabs.map((k) => ({ key: k, label: <TabLabel tab={k} /> }))}
        />
      )}
      <DisputeFilters
        onChange={(f) => {
          setFilter(f);
          firstPage();
        }}
      />
      <DisputeTable
        disputes={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('disputes.board.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        testId="dispute-table"
      />
      {registering && (
        <Suspense fallback={null}>
          <RegisterDisputeDialog onClose={() => setRegistering(false)} />
        </Suspense>
      )}
    </Card>
  );
}
