import { Checkbox, Input, InputNumber, Radio } from 'antd';
import type { ItemField } from '@gewu/domain';
import type { FieldValue, FormErrors } from './form.ts';

interface Props {
  fields: readonly ItemField[];
  values: Record<string, FieldValue>;
  onChange: (code: string, value: FieldValue) => void;
  errors: FormErrors;
}

/** The extra questions an item asks (Open311 attributes): lists as big buttons, dates by the phone's picker. */
export function ItemFields({ fields, values, onChange, errors }: Props) {
  return (
    <>
      {[...fields]
        .sort((a, b) => a.order - b.order)
        .map((f) => {
          const v = values[f.code];
          const testId = `report-field-${f.code}`;
          let control;
          switch (f.type) {
            case 'singlevaluelist':
              control = (
                <Radio.Group
                  value={v ?? undefined}
                  onChange={(e) => onChange(f.code, e.target.value as string)}
                  optionType="button"
                  className="m-choices"
                  data-testid={testId}
                  options={(f.options ?? []).map((o) => ({ value: o.key, label: o.name }))}
                />
              );
              break;
            case 'multivaluelist':
              control = (
                <Checkbox.Group
                  value={Array.isArray(v) ? v : []}
                  onChange={(list) => onChange(f.code, list as string[])}
                  className="m-choices"
                  data-testid={testId}
                  options={(f.options ?? []).map((o) => ({ value: o.key, label: o.name }))}
                />
              );
              break;
            case 'number':
              control = (
                <InputNumber
                  value={typeof v === 'number' ? v : null}
                  onChange={(n) => onChange(f.code, n ?? undefined)}
                  style={{ width: '100%' }}
                  inputMode="decimal"
                  data-testid={testId}
                />
              );
              break;
            case 'datetime':
              control = (
                <Input
                  type="datetime-local"
                  value={typeof v === 'string' ? v : ''}
                  onChange={(e) => onChange(f.code, e.target.value)}
                  data-testid={testId}
                />
              );
              break;
            case 'text':
              control = (
                <Input.TextArea
                  value={typeof v === 'string' ? v : ''}
                  onChange={(e) => onChange(f.code, e.target.value)}
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  maxLength={500}
                  data-testid={testId}
                />
              );
              break;
            default:
              control = (
                <Input
                  value={typeof v === 'string' ? v : ''}
                  onChange={(e) => onChange(f.code, e.target.value)}
                  maxLength={100}
                  data-testid={testId}
                />
              );
          }
          const error = errors[`fields.${f.code}`];
          return (
            <div key={f.code} className="m-field">
              <label className="m-label">
                {f.required && <span className="m-required">*</span>}
                {f.label}
              </label>
              {f.description && <div className="m-muted m-hint">{f.description}</div>}
              {control}
              {error && <div className="m-field-error">{error}</div>}
            </div>
          );
        })}
    </>
  );
}
