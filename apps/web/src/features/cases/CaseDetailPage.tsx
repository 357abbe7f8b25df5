import { lazy, Suspense } from 'react';
import { Button, Card, Col, Descriptions, Empty, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseDetail } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { useGrid } from '../grids/api.ts';
import { useCase } from './api.ts';
import { ActionBar } from './ActionBar.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { formatTime } from '../../components/formatTime.ts';
import { Deadline, LightDot, useBack, useNow } from './bits.tsx';
import { StateTag } from './StateTag.tsx';
import { reporterLine } from './format.ts';
import { Photos } from '../attachments/Photos.tsx';
import { PublicationCard } from './PublicationCard.tsx';
import { DuplicatesCard } from './DuplicatesCard.tsx';
import { SupplementsCard } from './SupplementsCard.tsx';
import { LinksCard } from '../../components/LinksCard.tsx';
import { useCurrentUser } from '../../app/session.ts';

const CaseMap = lazy(() => import('./CaseMap.tsx'));

/** One case: what, where, who, the clock, the actions this user may take, and the full history. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const back = useBack();
  const query = useCase(id);

  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (query.isError) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('cases.detail.notFound') : query.error.message}
        extra={<Button onClick={back}>{t('cases.detail.back')}</Button>}
        data-testid="case-not-found"
      />
    );
  }
  return <CaseView detail={query.data} reloading={query.isFetching} onReload={() => void query.refetch()} />;
}

function CaseView({
  detail: c,
  reloading,
  onReload,
}: {
  detail: CaseDetail;
  reloading: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const back = useBack();
  const now = useNow();
  const grid = useGrid(c.gridId);
  const user = useCurrentUser();
  const reporter = c.anonymous ? t('cases.detail.anonymous') : reporterLine(c.reporterName, c.reporterPhoneMasked);

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="case-detail"
      data-case-id={c.id}
      data-version={c.version}
    >
      <Card
        title={
          <Space wrap size={12}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('cases.detail.back')} />
            <span data-testid="case-code">{c.code}</span>
            <Typography.Text>{c.itemName}</Typography.Text>
            <StateTag state={c.state} testId="case-state" />
            {c.pendingKind && (
              <Tag color="orange" data-testid="case-pending">
                {t(`cases.pending.${c.pendingKind === 'suspension' ? 'suspension' : 'extension'}`)}
              </Tag>
            )}
            {c.supervision && (
              <Tag color={c.supervision === 'listed' ? 'red' : 'orange'} data-testid="case-supervision">
                {t(`cases.supervision.${c.supervision === 'listed' ? 'listed' : 'supervise'}`)}
                {c.rectifyBy ? ` · ${t('cases.fields.rectifyBy')} ${formatTime(c.rectifyBy)}` : ''}
              </Tag>
            )}
            {c.selfHandled && <Tag color="green">{t('cases.detail.selfHandled')}</Tag>}
          </Space>
        }
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={reloading}
            onClick={onReload}
            aria-label={t('cases.detail.reload')}
            data-testid="case-reload"
          />
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={24}>
            <Space>
              <Typography.Text type="secondary">{t('cases.fields.light')}</Typography.Text>
              <LightDot light={c.light} testId="case-light" />
            </Space>
            <Space>
              <Typography.Text type="secondary">
                {c.stage ? t(`cases.stages.${c.stage as 'accept'}`) : t('cases.fields.deadline')}
              </Typography.Text>
              <Deadline deadline={c.stageDeadline} now={now} testId="case-deadline" />
            </Space>
            {c.mergedIntoId && (
              <Link to={`/cases/${c.mergedIntoId}`} data-testid="case-merged-into">
                {t('cases.detail.mergedInto')}
              </Link>
            )}
          </Space>
          <ActionBar detail={c} />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('cases.detail.info')} size="small">
            <Descriptions
              column={1}
              size="small"
              bordered
              data-testid="case-info"
              items={[
                {
                  key: 'description',
                  label: t('cases.fields.description'),
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>,
                },
                { key: 'item', label: t('cases.fields.item'), children: `${c.itemCode} ${c.itemName}` },
                { key: 'address', label: t('cases.fields.address'), children: c.address ?? '—' },
                { key: 'grid', label: t('cases.fields.grid'), children: c.gridName ?? '—' },
                {
                  key: 'reporter',
                  label: t('cases.fields.reporter'),
                  children: <span data-testid="case-reporter">{reporter ?? '—'}</span>,
                },
                ...(c.firstContact
                  ? [{ key: 'firstContact', label: t('cases.fields.firstContact'), children: c.firstContact.name }]
                  : []),
                { key: 'channel', label: t('cases.fields.channel'), children: t(`cases.channels.${c.channel}`) },
                ...originItems(c, t),
                { key: 'level', label: t('cases.fields.level'), children: t(`cases.levels.${c.level}`) },
                { key: 'reportedAt', label: t('cases.fields.reportedAt'), children: formatTime(c.reportedAt) },
                {
                  key: 'assignee',
                  label: t('cases.fields.assignee'),
                  children: <span data-testid="case-assignee">{c.assigneeUnitName ?? c.assigneeUserName ?? '—'}</span>,
                },
                {
                  key: 'handleDeadline',
                  label: t('cases.fields.handleDeadline'),
                  children: formatTime(c.handleDeadline),
                },
                ...(c.closedAt
                  ? [{ key: 'closedAt', label: t('cases.fields.closedAt'), children: formatTime(c.closedAt) }]
                  : []),
                ...(c.rating
                  ? [
                      {
                        key: 'rating',
                        label: t('cases.fields.rating'),
                        children: `${t(`cases.ratings.${c.rating}`)}${c.resolved === null ? '' : ` · ${c.resolved ? t('cases.dialog.resolvedYes') : t('cases.dialog.resolvedNo')}`}`,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <LinksCard links={c.links} />
          <Card title={t('cases.fields.photos')} size="small" style={{ marginTop: 16 }}>
            {c.attachmentIds.length ? (
              <Photos ids={c.attachmentIds} size={96} testId="case-photos" />
            ) : (
              <Typography.Text type="secondary">{t('cases.detail.noPhotos')}</Typography.Text>
            )}
          </Card>
          <SupplementsCard caseId={c.id} />
          <Card title={t('cases.fields.coUnits')} size="small" style={{ marginTop: 16 }}>
            {c.coUnits.length ? (
              <Space wrap data-testid="case-co-units">
                {c.coUnits.map((u) => (
                  <Tag key={u.unitId} color={u.fedBackAt ? 'green' : undefined}>
                    {u.name} ·{' '}
                    {u.fedBackAt
                      ? `${t('cases.detail.coFedBack')} ${formatTime(u.fedBackAt)}`
                      : t('cases.detail.coPending')}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )}
          </Card>
          <Card title={t('cases.fields.counters')} size="small" style={{ marginTop: 16 }}>
            <Space wrap size={24} data-testid="case-counters">
              {(['dispatch', 'return', 'rework', 'escalation', 'reopen'] as const).map((k) => (
                <span key={k}>
                  <Typography.Text type="secondary">{t(`cases.counters.${k}`)}</Typography.Text>{' '}
                  <Typography.Text strong>{c.counters[k]}</Typography.Text>
                </span>
              ))}
            </Space>
          </Card>
          {user.roles.includes('dispatcher') && <DuplicatesCard detail={c} />}
          {user.roles.includes('dispatcher') && (
            <PublicationCard key={c.publication.moderatedAt ?? 'undecided'} detail={c} />
          )}
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('cases.detail.map')} size="small">
            {c.lon !== null && c.lat !== null ? (
              <Suspense fallback={<Spin />}>
                <CaseMap lon={c.lon} lat={c.lat} grid={grid.data ?? null} />
              </Suspense>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.detail.noLocation')} />
            )}
          </Card>
          <Card title={t('cases.detail.timeline')} size="small" style={{ marginTop: 16 }}>
            <CaseTimeline events={c.events} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/** The report's source system, its client's key name and the photo link it sent (staff only: `origin` is null otherwise). */
function originItems(c: CaseDetail, t: TFunction) {
  const o = c.origin;
  if (!o || (!o.source && !o.clientName && !o.mediaUrl)) return [];
  const source = o.source ? t(`setup.apiKeys.sources.${o.source}`, { defaultValue: o.source }) : null;
  return [
    ...(source || o.clientName
      ? [
          {
            key: 'origin',
            label: t('cases.fields.origin'),
            children: <span data-testid="case-origin">{[source, o.clientName].filter(Boolean).join(' · ')}</span>,
          },
        ]
      : []),
    ...(o.mediaUrl
      ? [
          {
            key: 'mediaUrl',
            label: t('cases.fields.mediaUrl'),
            children: (
              <Typography.Link
                href={o.mediaUrl}
                target="_blank"
                rel="noopener noreferrer nofollow"
                data-testid="case-media-url"
                ellipsis
              >
                {o.mediaUrl}
              </Typography.Link>
            ),
          },
        ]
      : []),
  ];
}
