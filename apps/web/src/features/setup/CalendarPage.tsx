import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Popconfirm, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarView } from '@gewu/domain';
import { useWorkCalendar } from './api.ts';
import { DATED_LISTS, marksByDate, yearsOf } from './calendarDraft.ts';
import { useCalendarEditor } from './useCalendarEditor.ts';
import { WorkingHoursCard } from './WorkingHoursCard.tsx';
import { HolidayTables } from './HolidayTables.tsx';
import { MonthView } from './MonthView.tsx';
import { DeadlinePreview } from './DeadlinePreview.tsx';

function utcOffsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** 工作日历: working hours, weekdays, holidays and 调休 that every case deadline is counted on (admin). */
export function CalendarPage() {
  const { t } = useTranslation();
  const view = useWorkCalendar();
  if (view.data) return <CalendarEditorView view={view.data} />;
  if (view.isError) return <Result status="error" title={t('setup.calendar.title')} subTitle={view.error.message} />;
  return <Spin style={{ display: 'block', marginTop: 64 }} />;
}

function CalendarEditorView({ view }: { view: CalendarView }) {
  const { t } = useTranslation();
  const editor = useCalendarEditor(view);
  const { draft, errorOf, actions, dirty } = editor;
  // Closing or reloading the tab with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const [extraYears, setExtraYears] = useState<number[]>([]);
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const years = yearsOf(draft, extraYears);
  const { holidays, adjustedWorkdays } = draft;
  // The month view follows the tables a moment later, so typing in a row stays quick.
  const marks = useDeferredValue(
    useMemo(() => marksByDate({ holidays, adjustedWorkdays }), [holidays, adjustedWorkdays]),
  );
  const pickDate = useCallback((date: string) => setMonth(dayjs(date)), []);
  // The tab follows the month view; a year with no tab shows the nearest one.
  const activeYear = years.includes(month.year())
    ? month.year()
    : (years.findLast((y) => y <= month.year()) ?? years[0]);

  const showYear = (year: number) => setMonth((m) => (m.year() === year ? m : m.year(year)));
  const addYear = () => {
    const year = Math.max(dayjs().year(), ...years) + 1;
    setExtraYears((ys) => [...ys, year]);
    showYear(year);
  };
  const save = () =>
    editor.submit((rowKeys) => {
      // Show the first year whose rows got a message.
      const bad = DATED_LISTS.flatMap((l) => draft[l].filter((r) => rowKeys.has(r.key)).map((r) => r.year));
      if (bad.length > 0) showYear(Math.min(...bad));
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="calendar-page">
      <Card
        title={t('setup.calendar.title')}
        extra={
          <Space>
            {dirty && (
              <Tag color="orange" data-testid="calendar-dirty">
                {t('setup.calendar.unsaved')}
              </Tag>
            )}
            <Popconfirm title={t('setup.calendar.resetConfirm')} onConfirm={editor.reset} disabled={!dirty}>
              <Button disabled={!dirty} data-testid="calendar-reset">
                {t('setup.calendar.reset')}
              </Button>
            </Popconfirm>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={editor.saving}
              onClick={save}
              data-testid="calendar-save"
            >
              {t('setup.calendar.save')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('setup.calendar.intro')}
        </Typography.Paragraph>
        <Space wrap size={[16, 4]}>
          <Typography.Text type="secondary">
            {t('setup.calendar.utcOffset', { offset: utcOffsetLabel(draft.utcOffsetMinutes) })}
          </Typography.Text>
          {view.updatedAt && (
            <Typography.Text type="secondary" data-testid="calendar-updated">
              {view.updatedByName
                ? t('setup.calendar.updatedBy', {
                    at: dayjs(view.updatedAt).format('YYYY-MM-DD HH:mm'),
                    name: view.updatedByName,
                  })
                : t('setup.calendar.updated', { at: dayjs(view.updatedAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          )}
        </Space>
        {view.isDefault && (
          <Alert
            type="info"
            showIcon
            title={t('setup.calendar.isDefault')}
            style={{ marginTop: 12 }}
            data-testid="calendar-default"
          />
        )}
        {editor.general.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={editor.general[0]}
            description={editor.general.length > 1 ? editor.general.slice(1).join('；') : undefined}
            data-testid="calendar-errors"
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12} xl={8}>
          <WorkingHoursCard
            rows={draft.workingHours}
            weekdays={draft.workingWeekdays}
            errorOf={errorOf}
            actions={actions}
          />
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <MonthView
            marks={marks}
            workingWeekdays={draft.workingWeekdays}
            actions={actions}
            value={month}
            onChange={setMonth}
          />
        </Col>
        <Col xs={24} xl={8}>
          <DeadlinePreview dirty={dirty} />
        </Col>
      </Row>
      <HolidayTables
        draft={draft}
        errorOf={errorOf}
        errorKeys={editor.errorKeys}
        actions={actions}
        years={years}
        activeYear={activeYear}
        onYearChange={showYear}
        onAddYear={addYear}
        onPickDate={pickDate}
      />
    </Space>
  );
}
