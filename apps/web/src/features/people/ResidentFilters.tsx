import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RESIDENT_CATEGORIES } from '@gewu/domain';
import { VillageSelect } from '../regions/VillageSelect.tsx';
import { GridSelect } from '../grids/GridSelect.tsx';
import { useCan } from '../../app/session.ts';

export interface ResidentFilter {
  q?: string;
  idNumber?: string;
  phone?: string;
  category?: (typeof RESIDENT_CATEGORIES)[number];
  villageId?: string;
  gridId?: string;
}

/** Name search, exact ID / phone lookup (by keyed hash on the server), category, village and grid. */
export function ResidentFilters({ onChange }: { onChange: (filter: ResidentFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResidentFilter>();
  // Looking a number up confirms it: offered only to roles that may reveal numbers (the server checks too).
  const canLookUpNumbers = useCan()('person.reveal');
  const villageId = Form.useWatch('villageId', form);
  const trimmed = (v?: string) => v?.trim() || undefined;

  const onFinish = (v: ResidentFilter) =>
    onChange({ ...v, q: trimmed(v.q), idNumber: trimmed(v.idNumber)?.toUpperCase(), phone: trimmed(v.phone) });

  return (
    <Form<ResidentFilter>
      form={form}
      layout="inline"
      onFinish={onFinish}
      onValuesChange={(changed: ResidentFilter) => 'villageId' in changed && form.setFieldValue('gridId', undefined)}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="resident-filters"
    >
      <Form.Item name="q">
        <Input
          allowClear
          placeholder={t('residents.searchName')}
          style={{ width: 140 }}
          data-testid="resident-search-name"
        />
      </Form.Item>
      {canLookUpNumbers && (
        <>
          <Form.Item name="idNumber">
            <Input
              allowClear
              placeholder={t('residents.searchId')}
              maxLength={18}
              style={{ width: 200 }}
              data-testid="resident-search-id"
            />
          </Form.Item>
          <Form.Item name="phone">
            <Input
              allowClear
              placeholder={t('residents.searchPhone')}
              maxLength={20}
              style={{ width: 150 }}
              data-testid="resident-search-phone"
            />
          </Form.Item>
        </>
      )}
      <Form.Item name="category">
        <Select
          allowClear
          placeholder={t('residents.category')}
          options={RESIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          style={{ width: 130 }}
          data-testid="resident-filter-category"
        />
      </Form.Item>
      <Form.Item name="villageId">
        <VillageSelect
          allowClear
          placeholder={t('people.village')}
          style={{ width: 200 }}
          testId="resident-filter-village"
        />
      </Form.Item>
      <Form.Item name="gridId">
        <GridSelect
          allowClear
          villageId={villageId}
          placeholder={t('people.grid')}
          style={{ width: 200 }}
          testId="resident-filter-grid"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="resident-search">
          {t('residents.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('residents.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
