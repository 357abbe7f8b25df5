import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ItemField } from '@gewu/domain';

export type FieldValue = string | number | string[] | Dayjs | null | undefined;

/** The extra fields an item asks for (Open311 attributes), under the form's `fields` name. */
export function ItemFields({ fields }: { fields: readonly ItemField[] }) {
  const { t } = useTranslation();
  const sorted = [...fields].sort((a, b) => a.order - b.order);
  return (
    <>
      {sorted.map((f) => {
        const rules = f.required ? [{ required: true, message: t('cases.hotline.required') }] : [];
        const common = { key: f.code, name: ['fields', f.code], label: f.label, tooltip: f.description, rules };
        const testId = `item-field-${f.code}`;
        switch (f.type) {
          case 'number':
            return (
              <Form.Item {...common}>
                <InputNumber style={{ width: 200 }} data-testid={testId} />
              </Form.Item>
            );
          case 'datetime':
            return (
              <Form.Item {...common}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  needConfirm={false}
                  format="YYYY-MM-DD HH:mm"
                  data-testid={testId}
                />
              </Form.Item>
            );
          case 'text':
            return (
              <Form.Item {...common}>
                <Input.TextArea rows={2} maxLength={500} data-testid={testId} />
              </Form.Item>
            );
          case 'singlevaluelist':
          case 'multivaluelist':
            return (
              <Form.Item {...common}>
                <Select
                  mode={f.type === 'multivaluelist' ? 'multiple' : undefined}
                  allowClear
                  options={(f.options ?? []).map((o) => ({ value: o.key, label: o.name }))}
                  data-testid={testId}
                />
              </Form.Item>
            );
          default:
            return (
              <Form.Item {...common}>
                <Input maxLength={200} data-testid={testId} />
              </Form.Item>
            );
        }
      })}
    </>
  );
}

/** The form's field values as the server wants them: dates as ISO strings, empty ones left out. */
export function fieldValues(
  fields: readonly ItemField[],
  values: Record<string, FieldValue> | undefined,
): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const f of fields) {
    const v = values?.[f.code];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (dayjs.isDayjs(v)) out[f.code] = v.toISOString();
    else if (typeof v === 'string') out[f.code] = v.trim();
    else out[f.code] = v;
  }
  return out;
}
