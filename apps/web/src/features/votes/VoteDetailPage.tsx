import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { BallotReceipt, OwnersRoll } from '@gewu/domain';
import { buttonTestId } from '../../components/testId.ts';
import { formatTime } from '../../components/formatTime.ts';
import { notifyError } from '../../app/notify.ts';
import { PhotoUpload } from '../attachments/PhotoUpload.tsx';
import { formatArea, usePaperBallot, useRoll, useVote, useVoteStep } from './api.ts';
import { Tally } from './Tally.tsx';
import { STATE_COLORS } from './VotesPage.tsx';

type Voter = OwnersRoll['voters'][number];

/** One vote: the matter, open (freeze the roll) and close (publish the tally), the roll and paper ballots. */
export function VoteDetailPage() {
  const { t } = useTranslation();
  const id = useParams().id as string;
  const vote = useVote(id);
  const roll = useRoll(id);
  const step = useVoteStep(id);
  const wide = Grid.useBreakpoint().md;
  const [paperFor, setPaperFor] = useState<Voter | null>(null);
  const v = vote.data;
  if (!v) return <Card loading />;
  const columns: TableColumnsType<Voter> = [
    { title: t('votes.units'), dataIndex: 'units', key: 'units' },
    { title: t('votes.owners'), dataIndex: 'ownersMasked', key: 'owners' },
    { title: t('votes.area'), key: 'area', align: 'right', render: (_, r) => formatArea(r.areaCenti) },
    { title: t('votes.heads'), dataIndex: 'headcount', key: 'heads', align: 'right' },
    {
      title: t('votes.voted'),
      key: 'voted',
      render: (_, r) =>
        r.votedBy ? (
          <Tag color="green">{t(`votes.channels.${r.votedBy}`)}</Tag>
        ) : v.state === 'open' && r.id ? (
          <Button size="small" onClick={() => setPaperFor(r)} data-testid="paper-ballot">
            {t('votes.enterPaper')}
          </Button>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={v.title}
        data-testid="vote-detail"
        extra={
          <Space>
            <Tag color={STATE_COLORS[v.state]} data-testid="vote-state">
              {t(`votes.states.${v.state}`)}
            </Tag>
            {v.state === 'draft' && (
              <Popconfirm
                title={t('votes.openConfirm')}
                onConfirm={() => step.mutate('open', { onError: notifyError })}
              >
                <Button type="primary" data-testid="vote-open">
                  {t('votes.open')}
                </Button>
              </Popconfirm>
            )}
            {v.state === 'open' && (
              <Popconfirm
                title={t('votes.closeConfirm')}
                onConfirm={() => step.mutate('close', { onError: notifyError })}
              >
                <Button danger data-testid="vote-close">
                  {t('votes.close')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" layout={wide ? 'horizontal' : 'vertical'}>
          <Descriptions.Item label={t('votes.itemShort')}>{t(`votes.items.${v.item}`)}</Descriptions.Item>
          <Descriptions.Item label={t('votes.estate')}>{v.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('votes.closesAt')}>{formatTime(v.closesAt)}</Descriptions.Item>
          <Descriptions.Item label={t('votes.ballotsCast')}>
            <span data-testid="vote-cast">{v.ballotsCast}</span>
          </Descriptions.Item>
          {v.description && <Descriptions.Item label={t('votes.description')}>{v.description}</Descriptions.Item>}
        </Descriptions>
        {v.state === 'open' && <Alert type="info" showIcon message={t('votes.hiddenUntilClose')} />}
        {v.tally && <Tally tally={v.tally} />}
      </Card>
      <Card
        title={t(roll.data?.frozen ? 'votes.rollFrozen' : 'votes.rollLive')}
        extra={
          roll.data &&
          t('votes.weight', { area: formatArea(roll.data.totals.areaCenti), heads: roll.data.totals.headcount })
        }
        data-testid="vote-roll"
      >
        {!!roll.data?.unitsWithoutArea && (
          <Alert type="warning" showIcon message={t('votes.unitsWithoutArea', { n: roll.data.unitsWithoutArea })} />
        )}
        <Table<Voter>
          rowKey={(r) => r.id ?? r.units}
          size="small"
          loading={roll.isFetching}
          dataSource={roll.data?.voters ?? []}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 640 }}
        />
      </Card>
      {paperFor && <PaperBallotDialog voteId={id} voter={paperFor} onClose={() => setPaperFor(null)} />}
    </Space>
  );
}

interface PaperValues {
  choice: 'for' | 'against' | 'abstain';
  channel: 'paper' | 'proxy';
  proxyName?: string;
  scan: string[];
}

/** A paper ballot (or a proxy's) with its scan; the receipt code is shown once to hand to the owner. */
function PaperBallotDialog({ voteId, voter, onClose }: { voteId: string; voter: Voter; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PaperValues>();
  const channel = Form.useWatch('channel', form);
  const enter = usePaperBallot(voteId);
  const [key] = useState(() => crypto.randomUUID());
  const [receipt, setReceipt] = useState<BallotReceipt | null>(null);
  const submit = (v: PaperValues) =>
    enter.mutate(
      {
        voterId: voter.id as string,
        choice: v.choice,
        channel: v.channel,
        scanAttachmentId: v.scan[0] as string,
        ...(v.channel === 'proxy' ? { proxyName: v.proxyName } : {}),
        idempotencyKey: key,
      },
      { onSuccess: setReceipt, onError: notifyError },
    );
  return (
    <Modal
      open
      title={t('votes.enterPaperFor', { units: voter.units })}
      onCancel={onClose}
      onOk={() => (receipt ? onClose() : form.submit())}
      confirmLoading={enter.isPending}
      okButtonProps={buttonTestId('paper-submit')}
    >
      {receipt ? (
        <Alert
          type="success"
          showIcon
          message={t('votes.receiptIssued')}
          description={<code data-testid="paper-receipt">{receipt.receiptCode}</code>}
        />
      ) : (
        <Form<PaperValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ channel: 'paper' }}
          data-testid="paper-form"
        >
          <Form.Item name="channel" label={t('votes.channel')}>
            <Radio.Group>
              <Radio value="paper">{t('votes.channels.paper')}</Radio>
              <Radio value="proxy">{t('votes.channels.proxy')}</Radio>
            </Radio.Group>
          </Form.Item>
          {channel === 'proxy' && (
            <Form.Item name="proxyName" label={t('votes.proxyName')} rules={[{ required: true }]}>
              <Input maxLength={50} />
            </Form.Item>
          )}
          <Form.Item name="choice" label={t('votes.choice')} rules={[{ required: true }]}>
            <Radio.Group data-testid="paper-choice">
              {(['for', 'against', 'abstain'] as const).map((c) => (
                <Radio key={c} value={c}>
                  {t(`votes.choices.${c}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="scan"
            label={t('votes.scan')}
            rules={[{ required: true, type: 'array', min: 1, message: t('votes.scanRequired') }]}
          >
            <PhotoUpload max={1} testId="paper-scan" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
