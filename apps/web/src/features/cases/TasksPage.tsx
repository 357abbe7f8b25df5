import { Badge, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/session.ts';
import { useCaseCount } from './api.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseTable } from './CaseTable.tsx';
import { usePagedCases } from './usePagedCases.ts';

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
  const list = usePagedCases({ view }, 'deadline_asc');

  return (
    <Card title={t('cases.tasks.title')} data-testid="case-tasks">
      {verifies && (
        <Tabs
          activeKey={view}
          onChange={(v) => {
            list.firstPage();
            setSearch(v === 'tasks' ? {} : { view: v }, { replace: true });
          }}
          items={(['tasks', 'verify'] as const).map((v) => ({ key: v, label: <TabLabel view={v} /> }))}
        />
      )}
      <CaseFilters onChange={list.setFilter} />
      <CaseTable
        {...list.table}
        columns={['light', 'code', 'item', 'state', 'deadline', 'supervision', 'grid', 'description', 'reportedAt']}
        testId="case-tasks-table"
      />
    </Card>
  );
}
