import { Button, Card, Col, Descriptions, Result, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { DisputeDetail, PartyView } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { formatTime } from '../../components/formatTime.ts';
import { LinksCard } from '../../components/LinksCard.tsx';
import { Deadline, LightDot, useBack, useNow } from '../cases/bits.tsx';
import { useDispute } from './api.ts';
import { DisputeActionBar } from './DisputeActionBar.tsx';
import { DisputeTimeline } from './DisputeTimeline.tsx';
import { DocumentsCard } from './DocumentsCard.tsx';
import { DisputeStateTag, RiskTags } from './tags.tsx';

/** One dispute (一案一码): its code, state and light, the actions this user may take, the facts, parties, documents and history. */
export function DisputeDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const back = useBack();
  const query = useDispute(id);
  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('disputes.detail.notFound') : query.error.message}
        extra={<Button onClick={back}>{t('disputes.detail.back')}</Button>}
        data-testid="dispute-not-found"
      />
    );
  }
  return <DisputeView d={query.data} reloading={query.isFetching} onReload={() => void query.refetch()} />;
}

function DisputeView({ d, reloading, onReload }: { d: DisputeDetail; reloading: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const back = useBack();
  const now = useNow();
  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="dispute-detail"
      data-dispute-id={d.id}
      data-version={d.version}
    >
      <Card
        title={
          <Space wrap size={12}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('disputes.detail.back')} />
            <span data-testid="dispute-code">{d.code}</span>
            <Typography.Text>{d.typeName}</Typography.Text>
            <DisputeStateTag state={d.state} testId="dispute-state" />
            <RiskTags risk={d.risk} civilToCriminal={d.civilToCriminal} testId="dispute-risk" />
          </Space>
        }
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={reloading}
            onClick={onReload}
            aria-label={t('disputes.detail.reload')}
            data-testid="dispute-reload"
          />
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={24}>
            <Space>
              <Typography.Text type="secondary">{t('disputes.fields.light')}</Typography.Text>
              <LightDot light={d.light} testId="dispute-light" />
            </Space>
            <Space>
              <Typography.Text type="secondary">
                {d.stage ? t(`disputes.stages.${d.stage}`) : t('disputes.fields.deadline')}
              </Typography.Text>
              <Deadline deadline={d.stageDeadline} now={now} testId="dispute-deadline" />
            </Space>
          </Space>
          <DisputeActionBar detail={d} />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <InfoCard d={d} />
          <LinksCard links={d.links} prefix="dispute" />
          <PartiesCard parties={d.parties} />
          {d.agreement && <AgreementCard d={d} />}
        </Col>
        <Col xs={24} xl={11}>
          <DocumentsCard detail={d} />
          <Card title={t('disputes.detail.timeline')} size="small" style={{ marginTop: 16 }}>
            <DisputeTimeline detail={d} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function InfoCard({ d }: { d: DisputeDetail }) {
  const { t } = useTranslation();
  const outcome = d.declineChannel ?? d.guidedPath;
  return (
    <Card title={t('disputes.detail.info')} size="small">
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        bordered
        data-testid="dispute-info"
        items={[
          {
            key: 'summary',
            label: t('disputes.fields.summary'),
            span: 2,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.summary}</span>,
          },
          { key: 'region', label: t('disputes.fields.region'), children: d.regionName ?? '—' },
          { key: 'address', label: t('disputes.fields.address'), children: d.address ?? '—' },
          {
            key: 'source',
            label: t('disputes.fields.source'),
            span: 2,
            children: (
              <span data-testid="dispute-source">
                {[t(`disputes.sources.${d.source}`), d.referringBody, d.externalRef].filter(Boolean).join(' · ')}
              </span>
            ),
          },
          { key: 'tier', label: t('disputes.fields.tier'), children: t(`disputes.tiers.${d.tier}`) },
          {
            key: 'path',
            label: t('disputes.fields.path'),
            children: d.path ? t(`disputes.paths.${d.path}`) : '—',
          },
          {
            key: 'organisation',
            label: t('disputes.fields.organisation'),
            children: <span data-testid="dispute-organisation">{d.organisationName ?? '—'}</span>,
          },
          {
            key: 'mediator',
            label: t('disputes.fields.mediator'),
            children: <span data-testid="dispute-mediator">{d.mediatorName ?? '—'}</span>,
          },
          { key: 'stability', label: t('disputes.fields.stabilityUser'), children: d.stabilityUser?.name ?? '—' },
          { key: 'registeredAt', label: t('disputes.fields.registeredAt'), children: formatTime(d.registeredAt) },
          {
            key: 'counters',
            label: t('disputes.fields.counters'),
            span: 2,
            children: t('disputes.detail.counters', {
              sessions: d.counters.sessions,
              followUps: d.counters.followUps,
              escalations: d.counters.escalations,
            }),
          },
          ...(outcome
            ? [
                {
                  key: 'outcome',
                  label: t(d.declineChannel ? 'disputes.fields.declineChannel' : 'disputes.fields.guidedPath'),
                  span: 2,
                  children: <Tag data-testid="dispute-outcome">{t(`disputes.paths.${outcome}`)}</Tag>,
                },
              ]
            : []),
          ...(d.endedAt
            ? [{ key: 'endedAt', label: t('disputes.fields.endedAt'), span: 2, children: formatTime(d.endedAt) }]
            : []),
        ]}
      />
    </Card>
  );
}

function PartiesCard({ parties }: { parties: PartyView[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('disputes.detail.parties')} size="small" style={{ marginTop: 16 }}>
      <Table<PartyView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={parties}
        data-testid="dispute-parties"
        locale={{ emptyText: t('disputes.detail.noParties') }}
        columns={[
          { title: t('disputes.party.side'), key: 'side', width: 72, render: (_, p) => t(`disputes.sides.${p.side}`) },
          {
            title: t('disputes.party.name'),
            key: 'name',
            render: (_, p) => (
              <Space size={4} wrap>
                <span data-testid={`dispute-party-${p.id}`}>{p.name ?? p.nameMasked}</span>
                {p.kind === 'organisation' && <Tag>{t('disputes.partyKinds.organisation')}</Tag>}
                {p.role !== 'principal' && <Tag color="blue">{t(`disputes.partyRoles.${p.role}`)}</Tag>}
              </Space>
            ),
          },
          {
            title: t('disputes.party.number'),
            key: 'number',
            width: 190,
            render: (_, p) => p.creditCode ?? p.idMasked ?? '—',
          },
          { title: t('disputes.party.phoneColumn'), key: 'phone', width: 120, render: (_, p) => p.phoneMasked ?? '—' },
          {
            title: t('disputes.party.addressColumn'),
            key: 'address',
            ellipsis: true,
            render: (_, p) => p.address ?? '—',
          },
        ]}
      />
    </Card>
  );
}

function AgreementCard({ d }: { d: DisputeDetail }) {
  const { t } = useTranslation();
  const a = d.agreement;
  if (!a) return null;
  const signers = d.parties.filter((p) => a.partyIds.includes(p.id)).map((p) => p.name ?? p.nameMasked);
  return (
    <Card title={t('disputes.detail.agreement')} size="small" style={{ marginTop: 16 }} data-testid="dispute-agreement">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'parties', label: t('disputes.agreement.parties'), children: signers.join('、') },
          {
            key: 'facts',
            label: t('disputes.agreement.facts'),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.facts}</span>,
          },
          {
            key: 'terms',
            label: t('disputes.agreement.terms'),
            children: (
              <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="dispute-agreement-terms">
                {a.terms.map((term, i) => (
                  <li key={i}>
                    {term.text}
                    {term.dueDate && (
                      <Typography.Text type="secondary">
                        {' '}
                        {t('disputes.agreement.due', { date: term.dueDate })}
                      </Typography.Text>
                    )}
                  </li>
                ))}
              </ol>
            ),
          },
          { key: 'effectiveAt', label: t('disputes.agreement.effectiveAt'), children: formatTime(a.effectiveAt) },
          {
            key: 'confirmation',
            label: t('disputes.fields.confirmation'),
            children: d.confirmationResult
              ? t(`disputes.confirmationResults.${d.confirmationResult}`)
              : t('disputes.detail.confirmationUntil', { at: formatTime(d.confirmationDeadline) }),
          },
          ...(d.performance
            ? [
                {
                  key: 'performance',
                  label: t('disputes.fields.performance'),
                  children: t(`disputes.performance.${d.performance}`),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
