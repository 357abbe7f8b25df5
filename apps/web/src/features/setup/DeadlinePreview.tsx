import { memo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TIME_LIMIT_UNITS, type TimeLimitUnit } from '@gewu/domain';
import { useDeadlinePreview, type DeadlineQuery } from './api.ts';

interface Values {
  start: Dayjs;
  amount: number;
  unit: TimeLimitUnit;
}

/** 时限试算: the deadline a limit gives from a start time, on the saved calendar (GET /api/calendar/deadline). */
export const DeadlinePreview = memo(function DeadlinePreview({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<DeadlineQuery | null>(null);
  const preview = useDeadlinePreview(query);
  const result = query ? preview.data : undefined;

  const onFinish = (v: Values) =>
    setQuery({ start: v.start.second(0).millisecond(0).toISOString(), amount: v.amount, unit: v.unit });

  return (
    <Card title={t('setup.calendar.deadline.title')} size="small" data-testid="deadline-preview">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('setup.calendar.deadline.hint')}
        {dirty && <Typography.Text type="warning"> {t('setup.calendar.deadline.unsavedHint')}</Typography.Text>}
      </Typography.Paragraph>
      <Form<Values>
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ start: dayjs().second(0), amount: 1, unit: 'work_days' }}
      >
        <Form.Item
          name="start"
          label={t('setup.calendar.deadline.start')}
          rules={[{ required: true, message: t('setup.common.required') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            needConfirm={false}
            allowClear={false}
            style={{ width: '100%' }}
            data-testid="deadline-start"
          />
        </Form.Item>
        <Form.Item label={t('setup.calendar.deadline.amount')} required style={{ marginBottom: 12 }}>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name="amount" noStyle rules={[{ required: true, message: t('setup.common.required') }]}>
              <InputNumber min={0.5} step={1} style={{ flex: 1 }} data-testid="deadline-amount" />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select<TimeLimitUnit>
                style={{ width: 130 }}
                options={TIME_LIMIT_UNITS.map((u) => ({ value: u, label: t(`setup.calendar.deadline.units.${u}`) }))}
                data-testid="deadline-unit"
              />
            </Form.Item>
          </div>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={query !== null && preview.isFetching}
          data-testid="deadline-submit"
        >
          {t('setup.calendar.deadline.submit')}
        </Button>
      </Form>
      {query && preview.isError && (
        <Alert
          type="error"
          showIcon
          title={preview.error.message}
          style={{ marginTop: 12 }}
          data-testid="deadline-error"
        />
      )}
      {result && !preview.isError && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={
            <span data-testid="deadline-result">
              {t('setup.calendar.deadline.result', {
                deadline: dayjs(result.deadline).format('YYYY-MM-DD HH:mm dddd'),
              })}
            </span>
          }
          description={t('setup.calendar.deadline.from', {
            start: dayjs(result.start).format('YYYY-MM-DD HH:mm'),
            amount: result.amount,
            unit: t(`setup.calendar.deadline.units.${result.unit}`),
          })}
        />
      )}
    </Card>
  );
});
