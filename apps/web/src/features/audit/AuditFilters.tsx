import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AUDIT_OUTCOMES, type AuditOutcome } from '@gewu/domain';
import type { AuditFilter } from './api.ts';

interface Values {
  action?: string;
  actor?: string;
  outcome?: AuditOutcome;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filter bar of the audit log; dates go out as whole days in ISO 8601. */
export function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const onFinish = ({ action, actor, outcome, range }: Values) => {
    onChange({
      action: action?.trim() || undefined,
      actor: actor?.trim() || undefined,
      outcome,
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="inline"
      onFinish={onFinish}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="audit-filters"
    >
      <Form.Item name="action" label={t('audit.action')}>
        <Input allowClear style={{ width: 160 }} placeholder="auth.login" data-testid="audit-filter-action" />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear style={{ width: 140 }} data-testid="audit-filter-actor" />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.outcome')}>
        <Select<AuditOutcome>
          allowClear
          style={{ width: 120 }}
          options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.${o}`) }))}
          data-testid="audit-filter-outcome"
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('audit.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('audit.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
