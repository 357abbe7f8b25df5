import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '@gewu/domain';
import { useCases, type CaseListParams } from './api.ts';
import type { CaseFilter } from './CaseFilters.tsx';
import type { CaseSort } from './CaseTable.tsx';

const FIRST_PAGE = { page: 1, pageSize: 20 };

/** What CaseTable takes from a paged list (spread it: `<CaseTable {...list.table} … />`). */
export interface PagedCaseTable {
  cases: readonly CaseSummary[];
  loading: boolean;
  pagination: TablePaginationConfig;
  sort?: CaseSort;
  onSortChange?: (sort: CaseSort) => void;
}

/**
 * One server-paged case list (the queue, the tasks, the supervision board): the page and its size,
 * the filter bar and, when `initialSort` is given, the order by the column headers. A new filter or
 * order starts again at page 1; so does `firstPage()`, for the page's own tabs or cards.
 */
export function usePagedCases(scope: Omit<CaseListParams, 'page' | 'pageSize' | 'sort'>, initialSort?: CaseSort) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<CaseFilter>({});
  const [paging, setPaging] = useState(FIRST_PAGE);
  const [sort, setSort] = useState<CaseSort | undefined>(initialSort);
  const query = useCases({ ...scope, ...filter, sort, ...paging });
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));

  const table: PagedCaseTable = {
    cases: query.data?.items ?? [],
    loading: query.isFetching,
    pagination: {
      current: paging.page,
      pageSize: paging.pageSize,
      total: query.data?.total ?? 0,
      showSizeChanger: true,
      // Past the server's counting limit the total is a floor, not a count.
      showTotal: (total) =>
        query.data?.totalCapped ? t('cases.queue.totalCapped', { total }) : t('cases.queue.total', { total }),
      onChange: (page, pageSize) => setPaging({ page, pageSize }),
    },
    ...(initialSort !== undefined && {
      sort,
      onSortChange: (s: CaseSort) => {
        setSort(s);
        firstPage();
      },
    }),
  };

  return {
    table,
    firstPage,
    /** For CaseFilters' onChange. */
    setFilter: (f: CaseFilter) => {
      setFilter(f);
      firstPage();
    },
  };
}
