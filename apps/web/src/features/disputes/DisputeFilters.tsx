import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DISPUTE_RISKS,
  DISPUTE_SOURCES,
  DISPUTE_STATES,
  DISPUTE_TIERS,
  type DisputeRisk,
  type DisputeSource,
  type DisputeState,
  type DisputeTier,
  type Light,
} from '@gewu/domain';
import { LightDot } from '../cases/bits.tsx';
import { LIGHTS } from '../cases/format.ts';
import { useDisputeTypes } from './api.ts';

export interface DisputeFilter {
  state?: DisputeState;
  typeCode?: string;
  risk?: DisputeRisk;
  civilToCriminal?: 'true';
  tier?: DisputeTier;
  source?: DisputeSource;
  light?: Light;
  q?: string;
}

/** State, type, risk (and 民转刑), tier, source, light and a search by code or words of the summary. */
export function DisputeFilters({ onChange }: { onChange: (filter: DisputeFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DisputeFilter>();
  const types = useDisputeTypes();
  const onFinish = (v: DisputeFilter) => onChange({ ...v, q: v.q?.trim() || undefined });
  const select = <T extends string>(
    name: keyof DisputeFilter,
    values: readonly T[],
    label: (v: T) => React.ReactNode,
    width: number,
  ) => (
    <Form.Item name={name}>
      <Select<T>
        allowClear
        placeholder={t(`disputes.filters.${name as 'state'}`)}
        style={{ width }}
        options={values.map((v) => ({ value: v, label: label(v) }))}
        data-testid={`dispute-filter-${name}`}
      />
    </Form.Item>
  );
  return (
    <Form<DisputeFilter>
      form={form}
      layout="inline"
      onFinish={onFinish}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="dispute-filters"
    >
      {select('state', DISPUTE_STATES, (s) => t(`disputes.states.${s}`), 120)}
      <Form.Item name="typeCode">
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('disputes.filters.type')}
          style={{ width: 140 }}
          loading={types.isPending}
          options={(types.data ?? []).map((ty) => ({ value: ty.code, label: ty.name }))}
          data-testid="dispute-filter-type"
        />
      </Form.Item>
      {select('risk', DISPUTE_RISKS, (r) => t(`disputes.risks.${r}`), 100)}
      {select('civilToCriminal', ['true'] as const, () => t('disputes.fields.civilToCriminalShort'), 100)}
      {select('tier', DISPUTE_TIERS, (r) => t(`disputes.tiers.${r}`), 120)}
      {select('source', DISPUTE_SOURCES, (r) => t(`disputes.sources.${r}`), 150)}
      {select(
        'light',
        LIGHTS,
        (l) => (
          <LightDot light={l} />
        ),
        100,
      )}
      <Form.Item name="q">
        <Input
          allowClear
          placeholder={t('disputes.filters.q')}
          maxLength={50}
          style={{ width: 180 }}
          data-testid="dispute-filter-q"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="dispute-filter-search">
          {t('disputes.filters.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
          data-testid="dispute-filter-reset"
        >
          {t('disputes.filters.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
