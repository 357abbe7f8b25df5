import { Alert, Button, Space } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useVerifyAudit } from './api.ts';

/** 校验审计链: asks the server to recompute the chain and shows what it found. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const result = verify.data;

  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        {t('audit.verify')}
      </Button>
      {result && (
        <Alert
          data-testid="audit-verify-result"
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={result.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
          description={
            <>
              <div>
                {t('audit.verifyDetail', {
                  checked: result.checked,
                  pending: result.pending,
                  algorithm: result.algorithm,
                })}
              </div>
              {!result.ok && (
                <div>
                  {t('audit.verifyBrokenAt', {
                    chainNo: result.firstBrokenChainNo ?? '—',
                    id: result.firstBrokenId ?? '—',
                    reason: result.reason ?? '—',
                  })}
                </div>
              )}
            </>
          }
        />
      )}
    </Space>
  );
}
