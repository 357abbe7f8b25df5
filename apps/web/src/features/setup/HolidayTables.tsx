import { memo } from 'react';
import { Badge, Button, Card, Col, Empty, Input, Row, Tabs, Tag, Typography, theme } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATED_LISTS, isoWeekday, type CalendarDraft, type DatedList, type DatedRow } from './calendarDraft.ts';
import type { CalendarActions, ErrorOf } from './useCalendarEditor.ts';
import { CellError } from './CellError.tsx';

/** testid stem per list: holiday-… / adjusted-… */
const STEM: Record<DatedList, string> = { holidays: 'holiday', adjustedWorkdays: 'adjusted' };

interface ListProps {
  list: DatedList;
  year: number;
  /** Every row of the list; the table shows the year's. */
  rows: readonly DatedRow[];
  workingWeekdays: readonly number[];
  errorOf: ErrorOf;
  actions: CalendarActions;
  /** A date was picked in a row: the month view shows its month. */
  onPickDate: (date: string) => void;
}

interface RowProps {
  list: DatedList;
  row: DatedRow;
  year: number;
  dateError: string | undefined;
  nameError: string | undefined;
  /** Whether the date's weekday is a working one (null until a date is chosen). */
  weekdayWorks: boolean | null;
  actions: CalendarActions;
  onPickDate: (date: string) => void;
}

const GRID: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '150px minmax(120px, 1fr) 112px 32px',
  columnGap: 8,
  alignItems: 'start',
};

/**
 * One row: date, name, weekday, remove. Its own memoised component (not an antd Table row), so typing
 * in one of a year's forty rows re-renders that row only.
 */
const DatedRowView = memo(function DatedRowView({
  list,
  row,
  year,
  dateError,
  nameError,
  weekdayWorks,
  actions,
  onPickDate,
}: RowProps) {
  const { t } = useTranslation();
  const stem = STEM[list];
  // A holiday on a rest day, or 调休 on a working day, changes nothing: worth a hint.
  const idle = weekdayWorks !== null && (list === 'holidays' ? !weekdayWorks : weekdayWorks);
  return (
    <div style={{ ...GRID, padding: '6px 0' }} data-testid={`${stem}-row`}>
      <div>
        {/* A native date field: antd's picker is heavy to mount forty times over. */}
        <Input
          type="date"
          value={row.date}
          min={`${year}-01-01`}
          max={`${year}-12-31`}
          onChange={(e) => {
            const date = e.target.value;
            actions.setDatedRow(list, row.key, { date });
            if (date.startsWith(`${year}-`)) onPickDate(date);
          }}
          status={dateError ? 'error' : undefined}
          aria-label={t('setup.calendar.dated.date')}
          data-testid={`${stem}-date`}
        />
        <CellError message={dateError} />
      </div>
      <div>
        <Input
          value={row.name}
          onChange={(e) => actions.setDatedRow(list, row.key, { name: e.target.value })}
          maxLength={50}
          placeholder={t('setup.calendar.dated.namePlaceholder')}
          status={nameError ? 'error' : undefined}
          aria-label={t('setup.calendar.dated.name')}
          data-testid={`${stem}-name`}
        />
        <CellError message={nameError} />
      </div>
      <div style={{ lineHeight: '32px' }}>
        {row.date && t(`setup.calendar.weekdays.${isoWeekday(dayjs(row.date).day()) as 1}`)}
        {idle && (
          // A holiday on a weekend is normal (the announced period includes it); 调休 on a working day is a slip.
          <Tag color={list === 'holidays' ? 'default' : 'warning'} style={{ marginInlineStart: 4 }}>
            {t(list === 'holidays' ? 'setup.calendar.dated.alreadyRest' : 'setup.calendar.dated.alreadyWorkday')}
          </Tag>
        )}
      </div>
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('setup.common.remove')}
        onClick={() => actions.removeDated(list, row.key)}
        data-testid={`${stem}-remove`}
      />
    </div>
  );
});

interface ListProps {
  list: DatedList;
  year: number;
  /** Every row of the list; the table shows the year's. */
  rows: readonly DatedRow[];
  workingWeekdays: readonly number[];
  errorOf: ErrorOf;
  actions: CalendarActions;
  /** A date was picked in a row: the month view shows its month. */
  onPickDate: (date: string) => void;
}

/** One year's rows of one list (节假日 or 调休上班日); add and remove. */
const DatedTable = memo(function DatedTable({
  list,
  year,
  rows: all,
  workingWeekdays,
  errorOf,
  actions,
  onPickDate,
}: ListProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const rows = all.filter((r) => r.year === year);
  const stem = STEM[list];
  const working = new Set(workingWeekdays);

  return (
    <Card
      size="small"
      title={
        <>
          {t(`setup.calendar.dated.${list}`)} <Typography.Text type="secondary">({rows.length})</Typography.Text>
        </>
      }
      extra={
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => actions.addDated(list, year)}
          data-testid={`${stem}-add-${year}`}
        >
          {t(list === 'holidays' ? 'setup.calendar.dated.addHoliday' : 'setup.calendar.dated.addAdjusted')}
        </Button>
      }
      data-testid={`${stem}-table-${year}`}
    >
      <div
        role="row"
        style={{
          ...GRID,
          paddingBottom: 6,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          color: token.colorTextSecondary,
          fontSize: 12,
        }}
      >
        <span>{t('setup.calendar.dated.date')}</span>
        <span>{t('setup.calendar.dated.name')}</span>
        <span>{t('setup.calendar.dated.weekday')}</span>
        <span />
      </div>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('setup.calendar.dated.empty')} />
      ) : (
        <div style={{ maxHeight: 440, overflowY: 'auto', overflowX: 'hidden' }}>
          {rows.map((row) => (
            <DatedRowView
              key={row.key}
              list={list}
              row={row}
              year={year}
              dateError={errorOf(`${row.key}.date`)}
              nameError={errorOf(`${row.key}.name`)}
              weekdayWorks={row.date ? working.has(isoWeekday(dayjs(row.date).day())) : null}
              actions={actions}
              onPickDate={onPickDate}
            />
          ))}
        </div>
      )}
    </Card>
  );
});

interface Props {
  draft: CalendarDraft;
  errorOf: ErrorOf;
  errorKeys: ReadonlySet<string>;
  actions: CalendarActions;
  years: readonly number[];
  activeYear: number | undefined;
  onYearChange: (year: number) => void;
  onAddYear: () => void;
  onPickDate: (date: string) => void;
}

/** 法定节假日与调休, one tab per year. A tab with a message on one of its cells shows a red dot. */
export function HolidayTables({
  draft,
  errorOf,
  errorKeys,
  actions,
  years,
  activeYear,
  onYearChange,
  onAddYear,
  onPickDate,
}: Props) {
  const { t } = useTranslation();
  const yearHasError = (year: number) =>
    DATED_LISTS.some((list) =>
      draft[list].some((r) => r.year === year && (errorKeys.has(`${r.key}.date`) || errorKeys.has(`${r.key}.name`))),
    );
  const table = (list: DatedList, year: number) => (
    <DatedTable
      list={list}
      year={year}
      rows={draft[list]}
      workingWeekdays={draft.workingWeekdays}
      errorOf={errorOf}
      actions={actions}
      onPickDate={onPickDate}
    />
  );

  return (
    <Card
      title={t('setup.calendar.dated.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={onAddYear} data-testid="calendar-add-year">
          {t('setup.calendar.dated.addYear')}
        </Button>
      }
      data-testid="calendar-dated"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('setup.calendar.dated.hint')}
      </Typography.Paragraph>
      <CellError message={errorOf('holidays')} testId="calendar-holidays-error" />
      <CellError message={errorOf('adjustedWorkdays')} testId="calendar-adjusted-error" />
      {years.length === 0 ? (
        <Empty description={t('setup.calendar.dated.noYears')} />
      ) : (
        <Tabs
          activeKey={activeYear === undefined ? undefined : String(activeYear)}
          onChange={(key) => onYearChange(Number(key))}
          items={years.map((year) => ({
            key: String(year),
            label: (
              <Badge dot={yearHasError(year)} offset={[6, 0]}>
                <span data-testid={`calendar-year-${year}`}>{t('setup.calendar.dated.yearTab', { year })}</span>
              </Badge>
            ),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  {table('holidays', year)}
                </Col>
                <Col xs={24} xl={12}>
                  {table('adjustedWorkdays', year)}
                </Col>
              </Row>
            ),
          }))}
        />
      )}
    </Card>
  );
}
