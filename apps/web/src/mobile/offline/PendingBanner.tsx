import { useState } from 'react';
import { Button, Popconfirm, Tag } from 'antd';
import { CloudUploadOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useOutbox } from './useOutbox.tsx';

/**
 * 「待同步 N 条」: reports kept on this device until they reach the server, and the ones the
 * server refused (「失败」, with its message) until the user retries or deletes them; below, the field
 * work waiting (巡查、隐患排查、走访, counted per kind: their own pages list them).
 */
export function PendingBanner() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  const [open, setOpen] = useState(true);
  const [busy, setBusy] = useState(false);
  const fieldPending = outbox.field.filter((f) => f.pending > 0);
  const fieldFailed = outbox.field.reduce((n, f) => n + f.failed, 0);
  if (outbox.items.length === 0 && fieldPending.length === 0 && fieldFailed === 0) return null;
  const pending = outbox.items.filter((i) => i.status === 'pending').length;
  const failed = outbox.items.length - pending;
  const anyPending = pending > 0 || fieldPending.length > 0;

  const syncNow = async () => {
    setBusy(true);
    try {
      await outbox.syncAll();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className={`m-banner${anyPending ? '' : ' m-banner-failed'}`}
      data-testid="offline-pending"
      aria-live="polite"
    >
      <div className="m-banner-head">
        <CloudUploadOutlined />
        <span className="m-banner-text" data-testid="offline-pending-text">
          {[
            pending > 0 && t('mobile.outbox.pending', { n: pending }),
            failed > 0 && t('mobile.outbox.failed', { n: failed }),
          ]
            .filter(Boolean)
            .join('，')}
          {fieldPending.length > 0 && (
            <span className="m-banner-field" data-testid="offline-field">
              {t('mobile.outbox.fieldPending', {
                list: fieldPending
                  .map((f) => t('mobile.outbox.fieldItem', { kind: t(`mobile.outbox.field.${f.kind}`), n: f.pending }))
                  .join('、'),
              })}
            </span>
          )}
          {fieldFailed > 0 && (
            <span className="m-banner-field" data-testid="offline-field-failed">
              {t('mobile.outbox.fieldFailedCount', { n: fieldFailed })}
            </span>
          )}
        </span>
        {anyPending && (
          <Button size="small" loading={busy} onClick={() => void syncNow()} data-testid="offline-sync">
            {t('mobile.outbox.syncNow')}
          </Button>
        )}
        {outbox.items.length > 0 && (
          <button
            type="button"
            className="m-icon-btn"
            aria-label={open ? t('mobile.outbox.collapse') : t('mobile.outbox.expand')}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            data-testid="offline-toggle"
          >
            {open ? <UpOutlined /> : <DownOutlined />}
          </button>
        )}
      </div>
      {open && outbox.items.length > 0 && (
        <ul className="m-banner-list">
          {outbox.items.map((item) => (
            <li key={item.id} data-testid={`offline-item-${item.id}`} data-status={item.status}>
              <div className="m-banner-row">
                <strong>{item.itemName}</strong>
                <Tag color={item.status === 'failed' ? 'error' : 'warning'} data-testid="offline-item-status">
                  {t(`mobile.outbox.status.${item.status}`)}
                </Tag>
              </div>
              <div className="m-muted">
                {dayjs(item.createdAt).format('MM-DD HH:mm')} · {item.draft.description.slice(0, 40)}
              </div>
              {item.status === 'failed' && item.lastError && (
                <div className="m-field-error" data-testid="offline-item-error">
                  {item.lastError.message}
                </div>
              )}
              <div className="m-banner-actions">
                {item.status === 'failed' && (
                  <Button size="small" onClick={() => void outbox.retry(item.id)} data-testid="offline-item-retry">
                    {t('mobile.outbox.retry')}
                  </Button>
                )}
                <Popconfirm
                  title={t('mobile.outbox.deleteConfirm')}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void outbox.remove(item.id)}
                >
                  <Button size="small" danger data-testid="offline-item-delete">
                    {t('mobile.outbox.delete')}
                  </Button>
                </Popconfirm>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
