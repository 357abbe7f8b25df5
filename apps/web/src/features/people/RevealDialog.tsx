import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../components/testId.ts';
import { useReveal } from './api.ts';

interface Props {
  /** The audited reveal route: a resident's (/api/residents/:id/reveal) or a team member's (/api/forces/members/:id/reveal). */
  path: string;
  field: 'idNumber' | 'phone';
  onClose: () => void;
}

/** 查看完整号码: asks why (the reason goes into the audit log), then shows the number once. */
export function RevealDialog({ path, field, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useReveal();
  const label = t(field === 'idNumber' ? 'people.idNumber' : 'people.phone');
  const value = reveal.data?.value;

  return (
    <Modal
      open
      title={t('residents.revealTitle', { field: label })}
      onCancel={onClose}
      onOk={() => (value ? onClose() : form.submit())}
      okText={value ? t('common.ok') : t('residents.reveal')}
      cancelButtonProps={value ? { style: { display: 'none' } } : undefined}
      confirmLoading={reveal.isPending}
      okButtonProps={buttonTestId('reveal-submit')}
      destroyOnHidden
    >
      {value ? (
        <div data-testid="reveal-value">
          <Typography.Text type="secondary">{t('residents.revealed', { field: label })}</Typography.Text>
          <Typography.Paragraph copyable style={{ fontSize: 20, fontFamily: 'monospace', marginTop: 8 }}>
            {value}
          </Typography.Paragraph>
        </div>
      ) : (
        <>
          <Alert type="warning" showIcon title={t('residents.revealNotice')} style={{ marginBottom: 16 }} />
          {reveal.error && (
            <Alert
              type="error"
              showIcon
              title={reveal.error.message}
              style={{ marginBottom: 16 }}
              data-testid="reveal-error"
            />
          )}
          <Form
            form={form}
            layout="vertical"
            onFinish={({ reason }) => reveal.mutate({ path, field, reason: reason.trim() })}
          >
            <Form.Item
              name="reason"
              label={t('residents.revealReason')}
              rules={[{ required: true, whitespace: true, min: 4, message: t('residents.revealReasonRule') }]}
            >
              <Input.TextArea rows={2} maxLength={200} autoFocus data-testid="reveal-reason" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
