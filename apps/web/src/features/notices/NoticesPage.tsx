import { useState } from 'react';
import { App, Alert, Button, Card, Empty, List, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTICE_CATEGORIES, type NoticeSummary } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { VillageSelect } from '../regions/VillageSelect.tsx';
import {
  qrUrl,
  useBoardSettings,
  useCreateNotice,
  useNoticeBoard,
  useNoticeDetail,
  useOverdueInquiries,
  usePublishNotice,
  useSupersedeNotice,
} from './api.ts';
import { CategoryTag, LightTag, newKey } from './bits.tsx';
import { InquiryItem, NoticeDrawer } from './NoticeDrawer.tsx';
import { NoticeForm, type NoticeFormValues } from './NoticeForm.tsx';

/**
 * 村(居)务公开: pick a village/community; see each periodic duty with its light (art. 30), compose and
 * publish notices, correct a published one with a new version, answer questions (质询), and print the
 * public page's QR code.
 */
export function NoticesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [regionId, setRegionId] = useState<string>();
  const [tab, setTab] = useState<string>('all');
  const [composing, setComposing] = useState(false);
  const [correcting, setCorrecting] = useState<NoticeSummary | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [key, setKey] = useState(newKey);
  const board = useNoticeBoard(regionId);
  const correctingDetail = useNoticeDetail(correcting?.id ?? null);
  const overdue = useOverdueInquiries();
  const create = useCreateNotice();
  const publish = usePublishNotice();
  const supersede = useSupersedeNotice();
  const settings = useBoardSettings();
  const b = board.data;
  const rows = (b?.notices ?? []).filter((n) => tab === 'all' || n.category === tab);

  const submitDraft = (v: NoticeFormValues) =>
    regionId &&
    create.mutate(
      { regionId, ...v, idempotencyKey: key },
      {
        onSuccess: () => {
          setComposing(false);
          setKey(newKey());
          void message.success(t('notices.draftSaved'));
        },
      },
    );
  const submitCorrection = (v: NoticeFormValues) =>
    correcting &&
    supersede.mutate(
      {
        id: correcting.id,
        version: correcting.rowVersion,
        title: v.title,
        body: v.body,
        periodFrom: v.periodFrom,
        periodTo: v.periodTo,
        attachmentIds: v.attachmentIds,
        reason: v.reason ?? '',
        idempotencyKey: key,
      },
      {
        onSuccess: () => {
          setCorrecting(null);
          setKey(newKey());
          void message.success(t('notices.corrected'));
        },
      },
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{t('notices.title')}</Typography.Title>
      {!!overdue.data?.items.length && (
        <Alert type="error" showIcon message={t('notices.overdueInquiries', { n: overdue.data.items.length })} />
      )}
      <Space wrap>
        <VillageSelect
          value={regionId}
          onChange={setRegionId}
          placeholder={t('notices.pickVillage')}
          style={{ width: 280 }}
          testId="notice-village"
        />
        {b && (
          <>
            <Button type="primary" onClick={() => setComposing(true)} data-testid="notice-compose">
              {t('notices.compose')}
            </Button>
            <Button href={qrUrl(b.region.id)} data-testid="notice-qr">
              {t('notices.downloadQr')}
            </Button>
            <Button href={b.publicPath} target="_blank">
              {t('notices.openPublic')}
            </Button>
          </>
        )}
      </Space>
      {!regionId && <Empty description={t('notices.pickVillage')} />}
      {b && (
        <Card size="small" title={t('notices.schedule')} data-testid="notice-schedule">
          <Space wrap>
            {b.schedules.length === 0 && <Typography.Text type="secondary">{t('notices.noSchedule')}</Typography.Text>}
            {b.schedules.map((s) => (
              <LightTag key={s.category} light={s.light}>
                {t(`notices.category.${s.category}`)} · {t(`notices.cadence.${s.cadence}`)} ·{' '}
                {t('notices.dueOn', { date: s.dueOn })}
              </LightTag>
            ))}
            <Switch
              checked={b.settings.manyFinanceTransactions}
              loading={settings.isPending}
              onChange={(v) => settings.mutate({ regionId: b.region.id, manyFinanceTransactions: v })}
            />
            <Typography.Text>{t('notices.monthlyFinance')}</Typography.Text>
          </Space>
        </Card>
      )}
      {b && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'all', label: t('notices.all') },
            ...NOTICE_CATEGORIES.map((c) => ({ key: c, label: t(`notices.category.${c}`) })),
          ]}
        />
      )}
      {b && (
        <Table<NoticeSummary>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          data-testid="notice-table"
          scroll={{ x: 720 }}
          columns={[
            {
              title: t('notices.field.title'),
              dataIndex: 'title',
              render: (v, n) => <a onClick={() => setOpenId(n.id)}>{v}</a>,
            },
            { title: t('notices.field.category'), dataIndex: 'category', render: (c) => <CategoryTag category={c} /> },
            {
              title: t('notices.field.state'),
              dataIndex: 'state',
              render: (s: NoticeSummary['state']) => (
                <Tag color={s === 'draft' ? 'default' : 'green'}>{t(`notices.state.${s}`)}</Tag>
              ),
            },
            { title: t('notices.field.version'), dataIndex: 'version' },
            { title: t('notices.field.publishedAt'), dataIndex: 'publishedAt', render: formatTime },
            {
              title: '',
              key: 'act',
              render: (_, n) =>
                n.state === 'draft' ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={publish.isPending}
                    onClick={() => publish.mutate({ id: n.id, version: n.rowVersion })}
                  >
                    {t('notices.publish')}
                  </Button>
                ) : (
                  <Button size="small" onClick={() => setCorrecting(n)}>
                    {t('notices.supersede')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {b && (
        <Card size="small" title={t('notices.openInquiries')}>
          <List
            dataSource={b.openInquiries}
            locale={{ emptyText: t('notices.noOpenInquiries') }}
            renderItem={(q) => (
              <List.Item>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <a onClick={() => setOpenId(q.noticeId)}>{q.noticeTitle}</a>
                  <InquiryItem q={q} />
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <NoticeForm
        open={composing}
        mode="compose"
        busy={create.isPending}
        onCancel={() => setComposing(false)}
        onSubmit={submitDraft}
      />
      <NoticeForm
        open={!!correcting && !!correctingDetail.data}
        mode="supersede"
        initial={correctingDetail.data}
        busy={supersede.isPending}
        onCancel={() => setCorrecting(null)}
        onSubmit={submitCorrection}
      />
      <NoticeDrawer id={openId} onClose={() => setOpenId(null)} />
    </Space>
  );
}
