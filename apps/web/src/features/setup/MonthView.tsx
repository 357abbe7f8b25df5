import { memo, useState } from 'react';
import { Button, Calendar, Card, Input, Space, Tag, Tooltip, Typography, theme } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isoWeekday, type DayMark } from './calendarDraft.ts';
import type { CalendarActions } from './useCalendarEditor.ts';

interface Props {
  /** Holidays and 调休 days of the draft, by date. */
  marks: ReadonlyMap<string, DayMark>;
  workingWeekdays: readonly number[];
  actions: CalendarActions;
  /** The month shown (and the day picked in it). */
  value: Dayjs;
  onChange: (value: Dayjs) => void;
}

/**
 * 月历: the month as the draft has it — holidays red, 调休 working days blue, ordinary rest days grey —
 * and a quick way to mark or unmark the picked day.
 */
export const MonthView = memo(function MonthView({ marks, workingWeekdays, actions, value, onChange }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [name, setName] = useState('');
  const working = new Set(workingWeekdays);

  const picked = value.format('YYYY-MM-DD');
  const pickedMark = marks.get(picked);
  const pickedWeekday = isoWeekday(value.day());

  const styleOf = (date: Dayjs): React.CSSProperties => {
    const mark = marks.get(date.format('YYYY-MM-DD'));
    const base: React.CSSProperties = {
      width: 30,
      height: 30,
      lineHeight: '28px',
      margin: '0 auto',
      borderRadius: token.borderRadiusSM,
      border: '1px solid transparent',
      opacity: date.month() === value.month() ? 1 : 0.35,
    };
    if (mark?.list === 'holidays')
      Object.assign(base, { background: token.colorErrorBg, color: token.colorError, fontWeight: 600 });
    else if (mark?.list === 'adjustedWorkdays')
      Object.assign(base, { background: token.colorPrimaryBg, color: token.colorPrimary, fontWeight: 600 });
    else if (!working.has(isoWeekday(date.day()))) base.color = token.colorTextTertiary;
    if (date.isSame(value, 'day')) base.borderColor = token.colorPrimary;
    return base;
  };

  const mark = (list: 'holidays' | 'adjustedWorkdays') => {
    actions.addDated(list, value.year(), picked, name.trim());
    setName('');
  };

  return (
    <Card title={t('setup.calendar.month.title')} size="small" data-testid="calendar-month">
      <Space size={4} wrap style={{ marginBottom: 4 }}>
        <Tag color="red">{t('setup.calendar.month.holiday')}</Tag>
        <Tag color="blue">{t('setup.calendar.month.adjusted')}</Tag>
        <Tag>{t('setup.calendar.month.rest')}</Tag>
      </Space>
      <Calendar
        fullscreen={false}
        value={value}
        onChange={onChange}
        fullCellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const m = marks.get(date.format('YYYY-MM-DD'));
          const cell = (
            <div
              className="ant-picker-cell-inner"
              style={styleOf(date)}
              data-testid={`calendar-day-${date.format('YYYY-MM-DD')}`}
              data-mark={m?.list ?? ''}
            >
              {date.date()}
            </div>
          );
          return m ? <Tooltip title={m.name}>{cell}</Tooltip> : cell;
        }}
      />
      <div
        style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, paddingTop: 12, marginTop: 8 }}
        data-testid="calendar-picked"
      >
        <Typography.Text strong>
          {t('setup.calendar.month.selected', {
            date: picked,
            weekday: t(`setup.calendar.weekdays.${pickedWeekday as 1}`),
          })}
        </Typography.Text>{' '}
        {pickedMark ? (
          <Tag color={pickedMark.list === 'holidays' ? 'red' : 'blue'}>
            {t(pickedMark.list === 'holidays' ? 'setup.calendar.month.holiday' : 'setup.calendar.month.adjusted')} ·{' '}
            {pickedMark.name}
          </Tag>
        ) : (
          <Tag>{working.has(pickedWeekday) ? t('setup.calendar.month.work') : t('setup.calendar.month.rest')}</Tag>
        )}
        <Space wrap style={{ marginTop: 8, width: '100%' }}>
          {pickedMark ? (
            <Button danger size="small" onClick={() => actions.unmarkDate(picked)} data-testid="calendar-unmark">
              {t('setup.calendar.month.unmark')}
            </Button>
          ) : (
            <>
              <Input
                size="small"
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={50}
                placeholder={t('setup.calendar.month.namePlaceholder')}
                style={{ width: 180 }}
                data-testid="calendar-mark-name"
              />
              <Button
                size="small"
                danger
                disabled={!name.trim()}
                onClick={() => mark('holidays')}
                data-testid="calendar-mark-holiday"
              >
                {t('setup.calendar.month.markHoliday')}
              </Button>
              <Button
                size="small"
                type="primary"
                ghost
                disabled={!name.trim()}
                onClick={() => mark('adjustedWorkdays')}
                data-testid="calendar-mark-adjusted"
              >
                {t('setup.calendar.month.markAdjusted')}
              </Button>
            </>
          )}
        </Space>
      </div>
    </Card>
  );
});
