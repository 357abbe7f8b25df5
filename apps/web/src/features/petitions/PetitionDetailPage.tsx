import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Grid,
  Result,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PetitionCommand, PetitionDetail, PetitionOpinionView } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { formatTime } from '../../components/formatTime.ts';
import { LightDot, useBack } from '../cases/bits.tsx';
import { opinionPdfUrl, usePetition } from './api.ts';
import { LastDay, PetitionStateTag } from './bits.tsx';
import { PetitionActionDialog } from './PetitionActionDialog.tsx';
import { PetitionTimeline } from './PetitionTimeline.tsx';

/** One petition: the matter, the statutory clock and its basis, the actions this user may take, notices, opinions, history. */
export function PetitionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const back = useBack();
  const query = usePetition(id);
  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('petitions.detail.notFound') : query.error.message}
        extra={<Button onClick={back}>{t('petitions.detail.back')}</Button>}
        data-testid="petition-not-found"
      />
    );
  }
  return <PetitionView detail={query.data} reloading={query.isFetching} onReload={() => void query.refetch()} />;
}

function PetitionView({
  detail: p,
  reloading,
  onReload,
}: {
  detail: PetitionDetail;
  reloading: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const back = useBack();
  const [command, setCommand] = useState<PetitionCommand | null>(null);

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="petition-detail"
      data-version={p.version}
    >
      <Card
        title={
          <Space wrap size={12}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('petitions.detail.back')} />
            <span data-testid="petition-code">{p.code}</span>
            <PetitionStateTag state={p.state} testId="petition-state" />
            {p.collective && <Tag color="volcano">{t('petitions.tags.collective', { count: p.headcount })}</Tag>}
            {p.repeatOfId && <Tag color="orange">{t('petitions.tags.repeat')}</Tag>}
            {p.leader && (
              <Tag color="geekblue" data-testid="petition-leader">
                {t('petitions.detail.leaderTaken', { name: p.leader.name })}
              </Tag>
            )}
            {p.supervisionCount > 0 && (
              <Tag color="red">{`${t('petitions.fields.supervision')} ${p.supervisionCount}`}</Tag>
            )}
          </Space>
        }
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={reloading}
            onClick={onReload}
            aria-label={t('petitions.detail.reload')}
          />
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {p.refilingBar && p.state === 'registered' && (
            <Alert
              type="error"
              showIcon
              data-testid="petition-refiling"
              title={t('petitions.detail.refilingTitle', {
                date: formatTime(p.refilingBar.reexaminationDecidedAt).slice(0, 10),
                code: p.refilingBar.priorCode,
              })}
              description={t('petitions.detail.refilingHint')}
            />
          )}
          <Space wrap size={24}>
            <Space>
              <Typography.Text type="secondary">{t('petitions.fields.light')}</Typography.Text>
              <LightDot light={p.light} testId="petition-light" />
            </Space>
            {p.stage && (
              <Space>
                <Typography.Text type="secondary">{t(`petitions.stages.${p.stage}`)}</Typography.Text>
                <LastDay lastDay={p.stageLastDay} deadline={p.stageDeadline} testId="petition-last-day" />
                {p.stageLimit && (
                  <Tooltip title={p.stageLimit.source}>
                    <Tag data-testid="petition-limit">
                      {t(`petitions.units.${p.stageLimit.unit === 'work_days' ? 'work_days' : 'natural_days'}`, {
                        count: p.stageLimit.amount,
                      })}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            )}
            {p.windowLastDay && (
              <Space>
                <Typography.Text type="secondary">{t('petitions.fields.window')}</Typography.Text>
                <span data-testid="petition-window">{p.windowLastDay}</span>
              </Space>
            )}
            {p.excludedDays.length > 0 && (
              <Space>
                <Typography.Text type="secondary">{t('petitions.fields.excludedDays')}</Typography.Text>
                <span>{p.excludedDays.join('、')}</span>
              </Space>
            )}
            {p.extensionDays > 0 && (
              <Space>
                <Typography.Text type="secondary">{t('petitions.fields.extension')}</Typography.Text>
                <span>{t('petitions.units.natural_days', { count: p.extensionDays })}</span>
              </Space>
            )}
          </Space>
          {p.actions.length > 0 && (
            <Space wrap data-testid="petition-actions">
              {p.actions.map((a, i) => (
                <Button
                  key={a}
                  type={i === 0 ? 'primary' : 'default'}
                  danger={a === 'supervise'}
                  onClick={() => setCommand(a)}
                  data-testid={`petition-action-${a}`}
                >
                  {t(`petitions.actions.${a}`)}
                </Button>
              ))}
            </Space>
          )}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <InfoCard p={p} />
          <PetitionersCard p={p} />
          <NoticesCard p={p} />
          <OpinionsCard p={p} />
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('petitions.detail.timeline')} size="small">
            <PetitionTimeline events={p.events} />
          </Card>
          {p.sameMatter.length > 0 && (
            <Card title={t('petitions.detail.sameMatter')} size="small" style={{ marginTop: 16 }}>
              <Space orientation="vertical">
                {p.sameMatter.map((m) => (
                  <Space key={m.id}>
                    <Link to={`/petitions/${m.id}`}>{m.code}</Link>
                    <PetitionStateTag state={m.state} />
                    <Typography.Text type="secondary">{formatTime(m.registeredAt)}</Typography.Text>
                  </Space>
                ))}
              </Space>
            </Card>
          )}
        </Col>
      </Row>
      {command && <PetitionActionDialog detail={p} command={command} onClose={() => setCommand(null)} />}
    </Space>
  );
}

/** Label beside value on a wide screen, above it on a narrow one. */
function useDescriptionsLayout(): 'horizontal' | 'vertical' {
  return Grid.useBreakpoint().md === false ? 'vertical' : 'horizontal';
}

function InfoCard({ p }: { p: PetitionDetail }) {
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

function PetitionersCard({ p }: { p: PetitionDetail }) {
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

function NoticesCard({ p }: { p: PetitionDetail }) {
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

function OpinionsCard({ p }: { p: PetitionDetail }) {
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
            pdf={null}
            testId="petition-reexamination"
          />
        )}
      </Space>
    </Card>
  );
}
