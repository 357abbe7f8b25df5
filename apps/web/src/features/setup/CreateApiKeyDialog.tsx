import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { API_KEY_SOURCES, type ApiKeySource, type CreateApiKeyBody, type CreatedApiKey } from '@gewu/domain';
import { useCreateApiKey } from './api.ts';
import { showFormErrors } from './serverErrors.ts';

const DEFAULT_RATE = 600;

/** Copies text; falls back to a hidden textarea where the Clipboard API is unavailable (plain http). */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}

/** The new key, shown this once: after the dialog closes only its prefix is ever seen again. */
function KeyReveal({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) {
  const { t } = useTranslation();
  const copy = () =>
    copyText(created.key).then(
      () => notifySuccess(t('setup.apiKeys.copied')),
      () => notifyError(new Error(t('setup.apiKeys.copyFailed'))),
    );
  return (
    <Modal
      open
      title={t('setup.apiKeys.createdTitle', { name: created.name })}
      onCancel={onClose}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-done">
          {t('setup.apiKeys.done')}
        </Button>
      }
      data-testid="api-key-reveal"
    >
      <Alert
        type="warning"
        showIcon
        title={t('setup.apiKeys.onceWarning')}
        description={t('setup.apiKeys.onceDetail')}
        style={{ marginBottom: 16 }}
        data-testid="api-key-once"
      />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={created.key}
          onFocus={(e) => e.target.select()}
          style={{ fontFamily: 'monospace' }}
          data-testid="api-key-plaintext"
        />
        <Button icon={<CopyOutlined />} onClick={copy} data-testid="api-key-copy">
          {t('setup.apiKeys.copy')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('setup.apiKeys.usage')} <Typography.Text code>X-Api-Key</Typography.Text>
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 16 }}
        items={[
          { key: 'region', label: t('setup.apiKeys.region'), children: created.regionName },
          { key: 'source', label: t('setup.apiKeys.source'), children: t(`setup.apiKeys.sources.${created.source}`) },
          { key: 'rate', label: t('setup.apiKeys.rate'), children: created.ratePerMinute },
        ]}
      />
    </Modal>
  );
}

/** 新建接口密钥: name, region and source; the answer's plaintext key is then revealed once. */
export function CreateApiKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateApiKeyBody>();
  const create = useCreateApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  if (created) return <KeyReveal created={created} onClose={onClose} />;

  const onFinish = (values: CreateApiKeyBody) => {
    create.mutate(
      { ...values, name: values.name.trim() },
      {
        onSuccess: setCreated,
        onError: (err) =>
          showFormErrors(form, err, ['name', 'regionId', 'source', 'ratePerMinute'], {
            'region.not_found': 'regionId',
          }),
      },
    );
  };

  return (
    <Modal
      open
      title={t('setup.apiKeys.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('setup.apiKeys.createOk')}
      confirmLoading={create.isPending}
      okButtonProps={buttonTestId('api-key-submit')}
      mask={{ closable: false }}
    >
      <Form<CreateApiKeyBody>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ ratePerMinute: DEFAULT_RATE }}
        data-testid="api-key-form"
      >
        <Form.Item
          name="name"
          label={t('setup.apiKeys.name')}
          rules={[{ required: true, whitespace: true, message: t('setup.common.required') }]}
        >
          <Input maxLength={60} placeholder={t('setup.apiKeys.namePlaceholder')} data-testid="api-key-name" />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('setup.apiKeys.region')}
          extra={t('setup.apiKeys.regionHint')}
          rules={[{ required: true, message: t('setup.common.required') }]}
        >
          <RegionTreeSelect testId="api-key-region" />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('setup.apiKeys.source')}
          rules={[{ required: true, message: t('setup.common.required') }]}
        >
          <Select<ApiKeySource>
            options={API_KEY_SOURCES.map((s) => ({ value: s, label: t(`setup.apiKeys.sources.${s}`) }))}
            data-testid="api-key-source"
          />
        </Form.Item>
        <Form.Item
          name="ratePerMinute"
          label={t('setup.apiKeys.rate')}
          rules={[{ required: true, message: t('setup.common.required') }]}
        >
          <InputNumber min={1} max={100_000} precision={0} style={{ width: 200 }} data-testid="api-key-rate" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
