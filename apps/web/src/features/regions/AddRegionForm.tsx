import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEVEL_CODE_DIGITS, checkRegionCode, childLevel, type Region } from '@gewu/domain';
import i18n from '../../i18n/index.ts';
import { notifySuccess } from '../../app/notify.ts';
import { useCreateRegion } from './api.ts';

interface Values {
  code: string;
  name: string;
}

/** Adds a child under `parent`. The code is checked against GB/T 2260 digits before sending. */
export function AddRegionForm({ parent, onCreated }: { parent: Region; onCreated: (r: Region) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateRegion();
  const level = childLevel(parent.level);
  if (!level) return <Alert type="info" showIcon title={t('regions.noChild')} />;

  const digits = LEVEL_CODE_DIGITS[level];
  const example = parent.code + '1'.padStart(digits - parent.code.length, '0');

  const onFinish = (values: Values) => {
    create.mutate(
      { parentId: parent.id, code: values.code.trim(), name: values.name.trim() },
      {
        onSuccess: (region) => {
          form.resetFields();
          notifySuccess(t('regions.added', { name: region.name }));
          onCreated(region);
        },
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="add-region-form">
      <Typography.Paragraph type="secondary">
        {t('regions.childLevel', { level: t(`levels.${level}`) })}
      </Typography.Paragraph>
      <Form.Item
        name="code"
        label={t('regions.code')}
        rules={[
          { required: true, message: t('regions.codeRequired') },
          {
            validator: async (_r, value: unknown) => {
              if (typeof value !== 'string' || !value) return;
              const reason = checkRegionCode(level, value.trim(), parent.code);
              if (reason) {
                throw new Error(
                  i18n.language === 'zh-CN' ? reason : t('regions.codeInvalid', { digits, parent: parent.code }),
                );
              }
            },
          },
        ]}
      >
        <Input placeholder={t('regions.codePlaceholder', { example })} maxLength={digits} data-testid="region-code" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('regions.name')}
        rules={[{ required: true, whitespace: true, message: t('regions.nameRequired') }]}
      >
        <Input maxLength={100} data-testid="region-name" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="region-add-submit">
        {t('regions.add')}
      </Button>
    </Form>
  );
}
