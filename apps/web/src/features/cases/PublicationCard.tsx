import { useState } from 'react';
import { App, Button, Card, Checkbox, Input, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@gewu/domain';
import { useSetPublication } from './api.ts';
import { formatTime } from '../../components/formatTime.ts';

/**
 * 公开发布 (Open311) for the centre: whether the reporter agreed, what the public feed shows now, and
 * the decision — publish or withdraw, replace or hide the public text (the reporter's stays as it was).
 * Keyed by the last decision's time where it is used, so a saved decision starts the form afresh.
 */
export function PublicationCard({ detail: c }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const p = c.publication;
  const save = useSetPublication(c.id);
  const [published, setPublished] = useState(p.published);
  const [text, setText] = useState(p.publicDescription ?? '');
  const [hidden, setHidden] = useState(p.descriptionHidden);

  const consent = p.viaOpen311
    ? t('cases.publication.viaOpen311')
    : p.consent
      ? t('cases.publication.consented')
      : t('cases.publication.notConsented');
  const submit = () =>
    save.mutate(
      { published, publicDescription: text.trim() ? text.trim() : null, hideDescription: hidden },
      {
        onSuccess: () => void message.success(t('cases.publication.saved')),
        onError: (e) => void message.error(e.message),
      },
    );

  return (
    <Card title={t('cases.publication.title')} size="small" style={{ marginTop: 16 }} data-testid="case-publication">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={8}>
          <Tag color={p.consent ? 'green' : undefined} data-testid="publication-consent">
            {consent}
          </Tag>
          <Tag color={p.published ? 'blue' : undefined} data-testid="publication-state">
            {p.published ? t('cases.publication.published') : t('cases.publication.unpublished')}
          </Tag>
          {p.moderatedAt && (
            <Typography.Text type="secondary">
              {t('cases.publication.moderatedAt', { at: formatTime(p.moderatedAt) })}
            </Typography.Text>
          )}
        </Space>
        {p.shown && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="publication-shown">
            {t('cases.publication.shown')}
            {p.shown.description || t('cases.publication.noText')}
          </Typography.Paragraph>
        )}
        <Space>
          <Switch checked={published} onChange={setPublished} data-testid="publication-switch" />
          <span>{t('cases.publication.publish')}</span>
        </Space>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('cases.publication.placeholder')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={4000}
          disabled={!published || hidden}
          data-testid="publication-text"
        />
        <Checkbox
          checked={hidden}
          onChange={(e) => setHidden(e.target.checked)}
          disabled={!published}
          data-testid="publication-hide"
        >
          {t('cases.publication.hide')}
        </Checkbox>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cases.publication.hint')}
        </Typography.Text>
        <Button type="primary" onClick={submit} loading={save.isPending} data-testid="publication-save">
          {t('cases.publication.save')}
        </Button>
      </Space>
    </Card>
  );
}
