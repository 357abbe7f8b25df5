import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

// antd's Result draws its 403/404/500 pictures inline (tens of KB): these screens load only when shown.

/** 403: the user's roles do not allow the page (the server checks again). */
export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
}

/** The session could not be read (network or server trouble), with a retry. */
export function SessionError({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result status="error" title={t('errors.network')} extra={<Button onClick={onRetry}>{t('common.ok')}</Button>} />
  );
}
