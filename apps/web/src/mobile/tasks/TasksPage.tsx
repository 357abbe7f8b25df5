import { useSearchParams } from 'react-router';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_LIFE, HOLDING_STATES, type CaseState } from '@gewu/domain';
import type { CaseView } from '../api.ts';
import { CaseList } from '../cases/CaseList.tsx';

/** The tabs of 我的任务, each a list the server already knows; the states come from the domain. */
export const TASK_TABS = ['all', 'toSign', 'handling', 'handled'] as const;
export type TaskTab = (typeof TASK_TABS)[number];

/** 待签收: where signing starts (CASE_LIFE.sign); 处置中: held and signed (挂账 included); 已反馈: HANDLED_STATES. */
const TO_SIGN: readonly CaseState[] = CASE_LIFE.sign.from;
const SIGNED: readonly CaseState[] = HOLDING_STATES.filter((s) => !TO_SIGN.includes(s));
const LIST_OF: Record<TaskTab, { view: CaseView; states?: readonly CaseState[] }> = {
  all: { view: 'tasks' },
  toSign: { view: 'tasks', states: TO_SIGN },
  handling: { view: 'tasks', states: SIGNED },
  handled: { view: 'handled' },
};

const isTab = (v: string | null): v is TaskTab => !!v && (TASK_TABS as readonly string[]).includes(v);

/**
 * 我的任务 on the phone (handlers and grid workers): 全部 / 待签收 / 处置中 / 已反馈, nearest deadline
 * first; the tab is kept in the address so going back from a case returns to it.
 */
export default function TasksPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab: TaskTab = isTab(search.get('tab')) ? (search.get('tab') as TaskTab) : 'all';
  const { view, states } = LIST_OF[tab];

  return (
    <div data-testid="m-tasks" data-tab={tab}>
      <Segmented<TaskTab>
        block
        className="m-section m-task-tabs"
        value={tab}
        onChange={(v) => setSearch(v === 'all' ? {} : { tab: v }, { replace: true })}
        options={TASK_TABS.map((k) => ({
          value: k,
          label: <span data-testid={`m-task-tab-${k}`}>{t(`mobile.taskTabs.${k}`)}</span>,
        }))}
      />
      <CaseList
        key={tab}
        view={view}
        states={states}
        linkBase="/m/tasks"
        rowPrefix="task-row"
        emptyText={t(tab === 'handled' ? 'mobile.list.emptyHandled' : 'mobile.list.emptyTasks')}
        showLight={tab !== 'handled'}
      />
    </div>
  );
}
