import { Button, Card, Descriptions, Grid, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PetitionDetail, PetitionOpinionView } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { opinionPdfUrl } from './api.ts';

/* The cards of the petition page: the matter, the petitioners (masked but for the centre), the written notices, the opinions. */

/** Label beside value on a wide screen, above it on a narrow one. */
function useDescriptionsLayout(): 'horizontal' | 'vertical' {
  return Grid.useBreakpoint().md === false ? 'vertical' : 'horizontal';
}

export function InfoCard({ p }: { p: PetitionDetail }) {
  const { t } = useTranslation();
  const layout = useDescriptionsLayout();
  return (
    <Card title={t('petitions.detail.info')} size="small">
      <Descriptions
        layout={layout}
        column={1}
        size="small"
        bordered
        data-testid="petition-info"
        items={[
          {
            key: 'summary',
            label: t('petitions.fields.summary'),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.summary}</span>,
          },
          {
            key: 'matterType',
            label: t('petitions.fields.matterType'),
            children: t(`petitions.matterTypes.${p.matterType}`),
          },
          { key: 'respondent', label: t('petitions.fields.respondent'), children: p.respondent },
          { key: 'subject', label: t('petitions.fields.subjectObject'), children: p.subjectObject },
          { key: 'channel', label: t('petitions.fields.channel'), children: t(`petitions.channels.${p.channel}`) },
          { key: 'region', label: t('petitions.fields.region'), children: p.regionName ?? '—' },
          { key: 'headcount', label: t('petitions.fields.headcount'), children: p.headcount },
          { key: 'receivedAt', label: t('petitions.fields.receivedAt'), children: formatTime(p.receivedAt) },
          ...(p.receiptNo ? [{ key: 'receipt', label: t('petitions.fields.receiptNo'), children: p.receiptNo }] : []),
          ...(p.intake
            ? [
                {
                  key: 'route',
                  label: t('petitions.fields.route'),
                  children: (
                    <Space orientation="vertical" size={2}>
                      <Space>
                        <span data-testid="petition-route">{t(`petitions.routes.${p.intake.route as 'accept'}`)}</span>
                        {p.intake.destination && <Tag>{p.intake.destination}</Tag>}
                        {p.intake.late && <Tag color="red">{t('petitions.tags.late')}</Tag>}
                      </Space>
                      {p.intake.lateReason && (
                        <Typography.Text type="secondary">
                          {t('petitions.fields.lateReason')}：{p.intake.lateReason}
                        </Typography.Text>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.intake.basis}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export function PetitionersCard({ p }: { p: PetitionDetail }) {
  const { t } = useTranslation();
  const masked = p.petitioners.every((x) => x.name === null);
  return (
    <Card
      title={t('petitions.detail.petitioners')}
      size="small"
      style={{ marginTop: 16 }}
      extra={masked && <Typography.Text type="secondary">{t('petitions.detail.maskedHint')}</Typography.Text>}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={p.petitioners}
        data-testid="petition-petitioners"
        columns={[
          { key: 'name', title: t('petitions.fields.name'), render: (_, x) => x.name ?? x.nameMasked },
          {
            key: 'gender',
            title: t('petitions.fields.gender'),
            width: 64,
            render: (_, x) => (x.gender ? t(`petitions.genders.${x.gender}`) : '—'),
          },
          { key: 'id', title: t('petitions.fields.idNumber'), render: (_, x) => x.idMasked ?? '—' },
          { key: 'phone', title: t('petitions.fields.phone'), render: (_, x) => x.phoneMasked ?? '—' },
          { key: 'address', title: t('petitions.fields.address'), render: (_, x) => x.address ?? '—' },
        ]}
      />
    </Card>
  );
}

export function NoticesCard({ p }: { p: PetitionDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('petitions.detail.notices')} size="small" style={{ marginTop: 16 }} data-testid="petition-notices">
      {p.notices.length === 0 ? (
        <Typography.Text type="secondary">{t('petitions.detail.noNotices')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {p.notices.map((n) => (
            <div key={n.seq} data-testid={`petition-notice-${n.kind}`}>
              <Typography.Paragraph style={{ marginBottom: 2 }}>
                {t(n.noticeKey as 'petitions.notices.accepted', {
                  issuedOn: n.issuedOn,
                  destination: n.destination ?? '',
                  reason: n.reason,
                  days: n.days ?? 0,
                  newLastDay: n.newLastDay ?? '',
                })}
              </Typography.Paragraph>
              <Space size={12}>
                <Typography.Text type="secondary">
                  {t('petitions.notices.issuedOn', { date: n.issuedOn })}
                </Typography.Text>
                {n.approvedBy && (
                  <Typography.Text type="secondary">
                    {t('petitions.notices.approvedBy', { name: n.approvedBy })}
                  </Typography.Text>
                )}
              </Space>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

function Opinion({
  o,
  title,
  pdf,
  testId,
}: {
  o: PetitionOpinionView;
  title: string;
  pdf: string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  const layout = useDescriptionsLayout();
  return (
    <Descriptions
      layout={layout}
      title={title}
      size="small"
      column={1}
      bordered
      data-testid={testId}
      extra={
        pdf && (
          <Button icon={<FilePdfOutlined />} href={pdf} target="_blank" data-testid={`${testId}-pdf`}>
            {t('petitions.detail.download')}
          </Button>
        )
      }
      items={[
        { key: 'number', label: t('petitions.detail.number'), children: o.number },
        ...(o.outcome
          ? [{ key: 'outcome', label: t('petitions.detail.outcome'), children: t(`petitions.outcomes.${o.outcome}`) }]
          : []),
        { key: 'facts', label: t('petitions.detail.facts'), children: o.facts },
        { key: 'opinion', label: t('petitions.detail.opinion'), children: o.opinion },
        { key: 'basis', label: t('petitions.detail.basis'), children: o.basis },
        { key: 'body', label: t('petitions.detail.body'), children: `${o.body} · ${o.date}` },
        ...(o.reviewBody
          ? [{ key: 'reviewBody', label: t('petitions.detail.reviewBody'), children: o.reviewBody }]
          : []),
        { key: 'delivered', label: t('petitions.detail.deliveredOn'), children: o.deliveredOn },
      ]}
    />
  );
}

export function OpinionsCard({ p }: { p: PetitionDetail }) {
  const { t } = useTranslation();
  if (!p.reply && !p.review && !p.reexamination) return null;
  return (
    <Card title={t('petitions.detail.opinions')} size="small" style={{ marginTop: 16 }}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {p.reply && (
          <Opinion
            o={p.reply}
            title={t('petitions.detail.reply')}
            pdf={p.documents.handling ? opinionPdfUrl(p.id, 'handling') : null}
            testId="petition-reply"
          />
        )}
        {p.review && (
          <Opinion
            o={p.review}
            title={t('petitions.detail.review')}
            pdf={p.documents.review ? opinionPdfUrl(p.id, 'review') : null}
            testId="petition-review"
          />
        )}
        {p.reexamination && (
          <Opinion
            o={p.reexamination}
            title={t('petitions.detail.reexamination')}
            pdf={p.documents.reexamination ? opinionPdfUrl(p.id, 'reexamination') : null}
            testId="petition-reexamination"
          />
        )}
      </Space>
    </Card>
  );
}
