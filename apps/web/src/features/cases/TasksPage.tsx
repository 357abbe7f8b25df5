import { useState } from 'react';
import { Badge, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/session.ts';
import { useCaseCount, useCases } from './api.ts';
import { CaseFilters, type CaseFilter } from './CaseFilters.tsx';
import { CaseTable, type CaseSort } from './CaseTable.tsx';

type TaskView = 'tasks' | 'verify';

function TabLabel({ view }: { view: TaskView }) {
  const { t } = useTranslation();
  const count = useCaseCount({ view });
  return (
    <span data-testid={`task-tab-${view}`}>
      {t(`cases.tasks.views.${view}`)}
      {count.data ? (
        <Badge count={count.data} overflowCount={999} size="small" style={{ marginInlineStart: 6 }} />
      ) : null}
    </span>
  );
}

/** 我的任务: what my unit (or I, as a grid worker) must sign, handle and feed back; grid workers also verify. */
export function TasksPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const verifies = user.roles.includes('grid_worker');
  const [search, setSearch] = useSearchParams();
  const view: TaskView = verifies && search.get('view') === 'verify' ? 'verify' : 'tasks';
  const [filter, setFilter] = useState<CaseFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<CaseSort>('deadline_asc');
  const cases = useCases({ view, ...filter, sort, ...paging });

  return (
    <Card title={t('cases.tasks.title')} data-testid="case-tasks">
      {verifies && (
        <Tabs
          activeKey={view}
          onChange={(v) => {
            setPaging((p) => ({ ...p, page: 1 }));
            setSearch(v === 'tasks' ? {} : { view: v }, { replace: true });
          }}
          items={(['tasks', 'verify'] as const).map((v) => ({ key: v, label: <TabLabel view={v} /> }))}
        />
      )}
      <CaseFilters
        onChange={(f) => {
          setFilter(f);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <CaseTable
        cases={cases.data?.items ?? []}
        loading={cases.isFetching}
        columns={['light', 'code', 'item', 'state', 'deadline', 'supervision', 'grid', 'description', 'reportedAt']}
        sort={sort}
        onSortChange={(s) => {
          setSort(s);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        testId="case-tasks-table"
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: cases.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('cases.queue.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Card>
  );
}
