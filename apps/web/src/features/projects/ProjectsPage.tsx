import { useState } from 'react';
import { Button, Card, Descriptions, Image, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  MICRO_PROJECT_BUDGET_CAP_FEN,
  MICRO_PROJECT_STATES,
  type MicroProjectState,
  microProjectSteps,
  yuanOfFen,
} from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { type ProjectView, useProjectStep, useProjects } from './api.ts';
import { StateTag, yuan } from './bits.tsx';
// The implementation's light: the same lamp as a publication's (村务决策).
import { PublicationLight as Light } from '../deliberation/StageTag.tsx';
import { type DialogStep, StepDialog } from './StepDialog.tsx';
import { VoteDialog } from './VoteDialog.tsx';
import { NS } from './i18n.ts';

const PAGE_SIZE = 20;

const thumbs = (ids: string[]) =>
  ids.length ? (
    <Image.PreviewGroup>
      <Space wrap>
        {ids.map((id) => (
          <Image
            key={id}
            width={72}
            height={72}
            style={{ objectFit: 'cover' }}
            src={`/api/attachments/${id}?size=thumb`}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  ) : null;

function Detail({ p }: { p: ProjectView }) {
  const { t } = useTranslation(NS);
  return (
    <Descriptions size="small" column={2} data-testid={`project-detail-${p.id}`}>
      <Descriptions.Item label={t('description')} span={2}>
        {p.description}
      </Descriptions.Item>
      <Descriptions.Item label={t('place')}>{p.place}</Descriptions.Item>
      <Descriptions.Item label={t('photos')}>{thumbs(p.photoIds)}</Descriptions.Item>
      {p.rejectReason && (
        <Descriptions.Item label={t('rejectReason')} span={2}>
          {p.rejectReason}
        </Descriptions.Item>
      )}
      {p.vote && (
        <Descriptions.Item label={t('votes')} span={2}>
          {t('voteLine', {
            for: p.inFavour,
            against: p.against,
            abstain: p.abstaining,
            expected: p.vote.expected,
            present: p.vote.present,
          })}
          {' · '}
          {formatTime(p.vote.heldAt)} {p.vote.place}
        </Descriptions.Item>
      )}
      {p.implementer && <Descriptions.Item label={t('implementer')}>{p.implementer}</Descriptions.Item>}
      {p.budgetFen != null && <Descriptions.Item label={t('budget')}>{yuan(p.budgetFen)}</Descriptions.Item>}
      {p.dueOn && <Descriptions.Item label={t('dueOn')}>{p.dueOn}</Descriptions.Item>}
      {p.acceptanceNote && <Descriptions.Item label={t('acceptanceNote')}>{p.acceptanceNote}</Descriptions.Item>}
      {p.actualCostFen != null && (
        <Descriptions.Item label={t('actualCost')}>{yuan(p.actualCostFen)}</Descriptions.Item>
      )}
      {p.beforePhotoIds.length > 0 && (
        <Descriptions.Item label={t('beforePhotos')}>{thumbs(p.beforePhotoIds)}</Descriptions.Item>
      )}
      {p.afterPhotoIds.length > 0 && (
        <Descriptions.Item label={t('afterPhotos')}>{thumbs(p.afterPhotoIds)}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** 民生微实事: the projects of the user's area; the village's cadres take each step, the township reads. */
export function ProjectsPage() {
  const { t } = useTranslation(NS);
  const can = useCan();
  const user = useCurrentUser();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<MicroProjectState | undefined>();
  const [dialog, setDialog] = useState<{ p: ProjectView; step: DialogStep } | null>(null);
  const [voting, setVoting] = useState(false);
  const query = useProjects(page, PAGE_SIZE, state);
  const step = useProjectStep();
  const manage = can('deliberation.manage') && user.region.level === 'village';

  const shortlist = async (p: ProjectView) => {
    try {
      await step.mutateAsync({ id: p.id, step: 'shortlist' });
      notifySuccess(t('saved'));
    } catch (err) {
      notifyError(err);
    }
  };

  const actions = (p: ProjectView) =>
    p.canManage ? (
      <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
        {microProjectSteps(p.state).map((s) =>
          s === 'vote' ? null : (
            <Button
              key={s}
              size="small"
              type={s === 'reject' ? 'default' : 'primary'}
              danger={s === 'reject'}
              onClick={() => (s === 'shortlist' ? void shortlist(p) : setDialog({ p, step: s }))}
              data-testid={`project-${s}-${p.id}`}
            >
              {t(s)}
            </Button>
          ),
        )}
      </Space>
    ) : null;

  return (
    <Card
      title={t('title')}
      data-testid="projects-page"
      extra={
        <Space>
          <Select
            allowClear
            placeholder={t('allStates')}
            style={{ width: 160 }}
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(1);
            }}
            options={MICRO_PROJECT_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
            aria-label={t('filterState')}
            data-testid="projects-state-filter"
          />
          {manage && (
            <Button type="primary" onClick={() => setVoting(true)} data-testid="projects-vote-open">
              {t('vote.open')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('hint', { cap: yuanOfFen(MICRO_PROJECT_BUDGET_CAP_FEN) })}
      </Typography.Paragraph>
      <Table
        rowKey="id"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        expandable={{ expandedRowRender: (p) => <Detail p={p} />, expandRowByClick: true }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: query.data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('columns.title'),
            dataIndex: 'title',
            render: (v: string, p) => <Typography.Link data-testid={`project-row-${p.id}`}>{v}</Typography.Link>,
          },
          { title: t('columns.village'), dataIndex: 'villageName' },
          {
            title: t('columns.category'),
            dataIndex: 'category',
            render: (c: ProjectView['category']) => t(`categories.${c}`),
          },
          { title: t('columns.cost'), dataIndex: 'estimatedCostFen', align: 'right', render: yuan },
          { title: t('columns.budget'), dataIndex: 'budgetFen', align: 'right', render: yuan },
          {
            title: t('columns.state'),
            dataIndex: 'state',
            render: (s: MicroProjectState, p) => <StateTag state={s} testId={`project-state-${p.id}`} />,
          },
          {
            title: t('columns.light'),
            dataIndex: 'light',
            render: (l: ProjectView['light'], p) => <Light light={l} testId={`project-light-${p.id}`} />,
          },
          { title: t('columns.proposer'), dataIndex: 'proposerLabel' },
          { title: t('columns.createdAt'), dataIndex: 'createdAt', render: formatTime },
          { title: t('columns.actions'), key: 'actions', render: (_, p) => actions(p) },
        ]}
      />
      {dialog && <StepDialog project={dialog.p} step={dialog.step} onClose={() => setDialog(null)} />}
      {voting && (
        <VoteDialog villageId={user.region.id} villageName={user.region.name} onClose={() => setVoting(false)} />
      )}
    </Card>
  );
}
