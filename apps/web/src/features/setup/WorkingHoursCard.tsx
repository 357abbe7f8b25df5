import { memo } from 'react';
import { Button, Card, Checkbox, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { IntervalRow } from './calendarDraft.ts';
import type { CalendarActions, ErrorOf } from './useCalendarEditor.ts';
import { CellError } from './CellError.tsx';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function minutes(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Working hours of one day, e.g. "7 小时" (only when every interval reads well). */
function hoursPerDay(rows: readonly IntervalRow[]): number | null {
  let total = 0;
  for (const r of rows) {
    const start = minutes(r.start);
    const end = minutes(r.end);
    if (start === null || end === null || end <= start) return null;
    total += end - start;
  }
  return Math.round((total / 60) * 100) / 100;
}

interface Props {
  rows: readonly IntervalRow[];
  weekdays: readonly number[];
  errorOf: ErrorOf;
  actions: CalendarActions;
}

/** 工作时段 (intervals of a working day) and 工作日 (the working weekdays). */
export const WorkingHoursCard = memo(function WorkingHoursCard({ rows, weekdays, errorOf, actions }: Props) {
  const { t } = useTranslation();
  const perDay = hoursPerDay(rows);

  const timeCell = (field: 'start' | 'end') => (_: unknown, row: IntervalRow, index: number) => {
    const error = errorOf(`${row.key}.${field}`);
    return (
      <>
        <Input
          value={row[field]}
          onChange={(e) => actions.setInterval(row.key, field, e.target.value)}
          placeholder="HH:MM"
          maxLength={5}
          status={error ? 'error' : undefined}
          style={{ width: 96 }}
          data-testid={`calendar-hours-${field}-${index}`}
        />
        <CellError message={error} />
      </>
    );
  };

  const columns: TableColumnsType<IntervalRow> = [
    { title: t('setup.calendar.hours.start'), key: 'start', render: timeCell('start') },
    { title: t('setup.calendar.hours.end'), key: 'end', render: timeCell('end') },
    {
      title: t('setup.common.actions'),
      key: 'actions',
      width: 72,
      render: (_, row) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('setup.common.remove')}
          disabled={rows.length <= 1}
          onClick={() => actions.removeInterval(row.key)}
        />
      ),
    },
  ];

  return (
    <Card title={t('setup.calendar.hours.title')} size="small" data-testid="calendar-hours">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('setup.calendar.hours.hint')}
      </Typography.Paragraph>
      <Table<IntervalRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows as IntervalRow[]}
        pagination={false}
      />
      <CellError message={errorOf('workingHours')} testId="calendar-hours-error" />
      <Space style={{ marginTop: 8, width: '100%', justifyContent: 'space-between' }}>
        <Button
          icon={<PlusOutlined />}
          size="small"
          onClick={actions.addInterval}
          disabled={rows.length >= 8}
          data-testid="calendar-hours-add"
        >
          {t('setup.calendar.hours.add')}
        </Button>
        {perDay !== null && (
          <Typography.Text type="secondary">{t('setup.calendar.hours.perDay', { hours: perDay })}</Typography.Text>
        )}
      </Space>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('setup.calendar.weekdays.title')}
      </Typography.Title>
      <Checkbox.Group<number>
        value={weekdays as number[]}
        onChange={(days) => actions.setWeekdays(days)}
        options={WEEKDAYS.map((d) => ({ value: d, label: t(`setup.calendar.weekdays.${d}`) }))}
        data-testid="calendar-weekdays"
      />
      <CellError message={errorOf('workingWeekdays')} testId="calendar-weekdays-error" />
    </Card>
  );
});
