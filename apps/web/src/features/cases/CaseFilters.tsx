import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Light } from '@gewu/domain';
import { GridSelect } from '../grids/GridSelect.tsx';
import { ItemSelect } from '../items/ItemSelect.tsx';
import { LightDot } from './bits.tsx';
import { LIGHTS } from './format.ts';

export interface CaseFilter {
  itemCode?: string;
  light?: Light;
  gridId?: string;
  q?: string;
}

interface Props {
  onChange: (filter: CaseFilter) => void;
  /** Hide the light filter where the page already filters by light (supervision board). */
  hideLight?: boolean;
  /** Hide the grid filter for users without the grid map (handlers of a unit still have it; residents never get here). */
  hideGrid?: boolean;
}

/** Category or item, light, grid and a text search (case number or words of the description). */
export function CaseFilters({ onChange, hideLight, hideGrid }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CaseFilter>();
  const onFinish = (v: CaseFilter) => onChange({ ...v, q: v.q?.trim() || undefined });
  return (
    <Form<CaseFilter>
      form={form}
      layout="inline"
      onFinish={onFinish}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="case-filters"
    >
      <Form.Item name="itemCode">
        <ItemSelect
          categoriesSelectable
          allowClear
          placeholder={t('cases.filters.item')}
          style={{ width: 220 }}
          testId="case-filter-item"
        />
      </Form.Item>
      {!hideLight && (
        <Form.Item name="light">
          <Select<Light>
            allowClear
            placeholder={t('cases.filters.light')}
            style={{ width: 120 }}
            options={LIGHTS.map((l) => ({ value: l, label: <LightDot light={l} /> }))}
            data-testid="case-filter-light"
          />
        </Form.Item>
      )}
      {!hideGrid && (
        <Form.Item name="gridId">
          <GridSelect
            allowClear
            placeholder={t('cases.filters.grid')}
            style={{ width: 220 }}
            testId="case-filter-grid"
          />
        </Form.Item>
      )}
      <Form.Item name="q">
        <Input
          allowClear
          placeholder={t('cases.filters.q')}
          maxLength={50}
          style={{ width: 200 }}
          data-testid="case-filter-q"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="case-filter-search">
          {t('cases.filters.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
          data-testid="case-filter-reset"
        >
          {t('cases.filters.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
