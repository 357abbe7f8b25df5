import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../components/testId.ts';

/** Cancel / OK inside a form, for dialogs whose form mounts after loading (the Modal's own footer cannot submit it). */
export function DialogFooter({
  onCancel,
  okText,
  pending,
  danger,
}: {
  onCancel: () => void;
  okText: string;
  pending: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 8 }}>
      <Space>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" danger={danger} htmlType="submit" loading={pending} {...buttonTestId('case-dialog-ok')}>
          {okText}
        </Button>
      </Space>
    </div>
  );
}
