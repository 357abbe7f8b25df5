import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, ConfigProvider, Form, Input, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressLookupBody, VisitProgress } from '@gewu/domain';
import { useSession } from '../../app/session.ts';
import { notifySuccess } from '../../app/notify.ts';
import { useClaimVisit, useMyVisits, useProgressLookup } from './api.ts';
import { ProgressCard } from './ProgressCard.tsx';
import './track.css';

/**
 * 办理进度查询: the visitor's progress page, open to anyone (no sign-in) at /m/track. The receipt
 * number and the last four digits of the phone given at the window show the visit's progress — masked,
 * nothing about anyone else. A signed-in resident also sees 我的来访 and may add a visit to it.
 */
export default function TrackPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProgressLookupBody>();
  const session = useSession();
  const resident = !!session.data?.user.roles.includes('resident');
  const lookup = useProgressLookup();
  const claim = useClaimVisit();
  const mine = useMyVisits(resident);
  const [shown, setShown] = useState<VisitProgress | null>(null);
  const [asked, setAsked] = useState<ProgressLookupBody | null>(null);

  const onFinish = (v: ProgressLookupBody) => {
    const body = { receiptNumber: v.receiptNumber.trim(), phoneLast4: v.phoneLast4.trim() };
    lookup.mutate(body, {
      onSuccess: (p) => {
        setShown(p);
        setAsked(body);
      },
    });
  };
  const again = () => {
    setShown(null);
    setAsked(null);
    lookup.reset();
    claim.reset();
    form.resetFields();
  };
  const inMine = !!shown && (mine.data ?? []).some((m) => m.receiptNumber === shown.receiptNumber);

  return (
    <ConfigProvider componentSize="large">
      <div className="t-page" data-testid="track-page">
        <header className="t-header">
          <h1>{t('reception.track.title')}</h1>
        </header>
        <main className="t-main">
          {shown ? (
            <>
              <ProgressCard p={shown} />
              {resident && asked && !inMine && (
                <Button
                  block
                  onClick={() => claim.mutate(asked, { onSuccess: () => notifySuccess(t('reception.track.claimed')) })}
                  loading={claim.isPending}
                  data-testid="track-claim"
                >
                  {t('reception.track.claim')}
                </Button>
              )}
              {claim.error && <Alert type="error" showIcon title={claim.error.message} style={{ marginTop: 12 }} />}
              <Button block type="link" onClick={again} data-testid="track-again">
                {t('reception.track.again')}
              </Button>
            </>
          ) : (
            <section className="t-card">
              <p className="t-intro">{t('reception.track.intro')}</p>
              <Form<ProgressLookupBody> form={form} layout="vertical" onFinish={onFinish} data-testid="track-form">
                <Form.Item
                  name="receiptNumber"
                  label={t('reception.track.receiptNumber')}
                  rules={[{ required: true, whitespace: true, message: t('reception.track.receiptRequired') }]}
                >
                  <Input
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={20}
                    placeholder={t('reception.track.receiptPlaceholder')}
                    data-testid="track-receipt"
                  />
                </Form.Item>
                <Form.Item
                  name="phoneLast4"
                  label={t('reception.track.last4')}
                  rules={[{ pattern: /^\d{4}$/, required: true, message: t('reception.track.last4Invalid') }]}
                >
                  <Input
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={4}
                    placeholder={t('reception.track.last4Placeholder')}
                    data-testid="track-last4"
                  />
                </Form.Item>
                {lookup.error && (
                  <Alert
                    type="error"
                    showIcon
                    title={lookup.error.message}
                    style={{ marginBottom: 16 }}
                    data-testid="track-error"
                  />
                )}
                <Button type="primary" htmlType="submit" block loading={lookup.isPending} data-testid="track-submit">
                  {t('reception.track.submit')}
                </Button>
              </Form>
              <p className="t-privacy">{t('reception.track.privacy')}</p>
            </section>
          )}
          {resident ? (
            <section className="t-card" data-testid="track-mine">
              <h2>{t('reception.track.mine')}</h2>
              <List
                dataSource={mine.data ?? []}
                locale={{ emptyText: t('reception.track.mineEmpty') }}
                renderItem={(m) => (
                  <List.Item onClick={() => setShown(m)} className="t-mine-item">
                    <List.Item.Meta
                      title={`${m.trackLabel} · ${m.progress.label}`}
                      description={`${m.visitedOn} · ${m.receiptNumber}`}
                    />
                  </List.Item>
                )}
              />
            </section>
          ) : (
            !session.isPending && (
              <p className="t-foot">
                <Link to="/login" state={{ from: '/m/track' }}>
                  {t('reception.track.signIn')}
                </Link>
              </p>
            )
          )}
        </main>
      </div>
    </ConfigProvider>
  );
}
