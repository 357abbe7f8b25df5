import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { NS } from './i18n.ts';

/** 不合格 N 项 in red, or 全部合格. */
export function ResultTag({ failed, testId }: { failed: number; testId?: string }) {
  const { t } = useTranslation(NS);
  return failed > 0 ? (
    <Tag color="error" data-testid={testId}>
      {t('failedCount', { count: failed })}
    </Tag>
  ) : (
    <Tag color="success" data-testid={testId}>
      {t('allPassed')}
    </Tag>
  );
}
