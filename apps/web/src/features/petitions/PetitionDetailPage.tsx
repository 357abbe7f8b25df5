import { useState } from 'react';
import { Alert, Button, Card, Col, Result, Row, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PetitionCommand, PetitionDetail } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { formatTime } from '../../components/formatTime.ts';
import { LinksCard } from '../../components/LinksCard.tsx';
import { LightDot, useBack } from '../cases/bits.tsx';
import { usePetition } from './api.ts';
import { LastDay, PetitionStateTag } from './bits.tsx';
import { PetitionActionDialog } from './PetitionActionDialog.tsx';
import { PetitionTimeline } from './PetitionTimeline.tsx';
import { InfoCard, NoticesCard, OpinionsCard, PetitionersCard } from './PetitionCards.tsx';

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
          <LinksCard links={p.links} prefix="petition" />
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
