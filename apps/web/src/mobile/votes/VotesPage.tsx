import { useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, Popconfirm, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyOwnersVote, ReceiptCheck } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { notifyError } from '../../app/notify.ts';
import { checkReceipt, formatArea, useMyVotes, usePhoneBallot, useVerifyOwner } from '../../features/votes/api.ts';
import { Tally } from '../../features/votes/Tally.tsx';

/**
 * 业主表决 on the owner's phone: prove ownership once (ID number matched against the owner record),
 * then vote on each open matter of their estate, keep the receipt code, and after the close see the
 * tally and check that the ballot was counted.
 */
export default function VotesPage() {
  const { t } = useTranslation();
  const mine = useMyVotes();
  if (!mine.data) return <Card loading />;
  if (!mine.data.verified) return <VerifyOwner />;
  if (mine.data.items.length === 0) return <Empty description={t('votes.phone.none')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="my-votes">
      {mine.data.items.map((v) => (
        <MyVote key={v.id} vote={v} />
      ))}
    </Space>
  );
}

function VerifyOwner() {
  const { t } = useTranslation();
  const verify = useVerifyOwner();
  return (
    <Card title={t('votes.phone.verifyTitle')} style={{ margin: 12 }} data-testid="owner-verify">
      <Alert type="info" showIcon message={t('votes.phone.verifyHint')} style={{ marginBottom: 12 }} />
      <Form<{ idNumber: string }>
        layout="vertical"
        onFinish={(v) => verify.mutate(v.idNumber.trim(), { onError: notifyError })}
      >
        <Form.Item name="idNumber" label={t('votes.phone.idNumber')} rules={[{ required: true, min: 15, max: 18 }]}>
          <Input inputMode="text" autoComplete="off" maxLength={18} data-testid="owner-id-number" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="owner-verify-submit">
          {t('votes.phone.verify')}
        </Button>
      </Form>
    </Card>
  );
}

function MyVote({ vote }: { vote: MyOwnersVote }) {
  const { t } = useTranslation();
  const cast = usePhoneBallot(vote.id);
  const [key] = useState(() => crypto.randomUUID());
  const [check, setCheck] = useState<ReceiptCheck | null>(null);
  const ballot = vote.myBallot;
  return (
    <Card
      title={vote.title}
      size="small"
      extra={<Tag color={vote.state === 'open' ? 'blue' : 'green'}>{t(`votes.states.${vote.state}`)}</Tag>}
      data-testid="my-vote"
    >
      <p>{t(`votes.items.${vote.item}`)}</p>
      <p>
        {t('votes.closesAt')}：{formatTime(vote.closesAt)}
      </p>
      {vote.myWeight && (
        <p>
          {t('votes.phone.myWeight', { area: formatArea(vote.myWeight.areaCenti), heads: vote.myWeight.headcount })}
        </p>
      )}
      {vote.description && <p>{vote.description}</p>}
      {ballot ? (
        <Alert
          type="success"
          showIcon
          data-testid="my-ballot"
          message={t('votes.phone.voted', {
            channel: t(`votes.channels.${ballot.channel}`),
            choice: t(`votes.choices.${ballot.choice}`),
          })}
          description={
            <span>
              {t('votes.phone.receipt')}
              <code data-testid="my-receipt">{ballot.receiptCode}</code>
            </span>
          }
        />
      ) : vote.state === 'open' ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {(['for', 'against', 'abstain'] as const).map((c) => (
            <Popconfirm
              key={c}
              title={t('votes.phone.confirm', { choice: t(`votes.choices.${c}`) })}
              onConfirm={() => cast.mutate({ choice: c, idempotencyKey: key }, { onError: notifyError })}
            >
              <Button block size="large" type={c === 'for' ? 'primary' : 'default'} data-testid={`vote-${c}`}>
                {t(`votes.choices.${c}`)}
              </Button>
            </Popconfirm>
          ))}
        </Space>
      ) : null}
      {vote.tally && (
        <div style={{ marginTop: 12 }}>
          <Tally tally={vote.tally} />
          {ballot && (
            <Button
              block
              style={{ marginTop: 8 }}
              data-testid="check-receipt"
              onClick={() => void checkReceipt(vote.id, ballot.receiptCode).then(setCheck, notifyError)}
            >
              {t('votes.phone.checkReceipt')}
            </Button>
          )}
          {check && (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 8 }}
              data-testid="receipt-counted"
              message={t('votes.phone.counted', {
                choice: t(`votes.choices.${check.choice}`),
                area: formatArea(check.areaCenti),
              })}
            />
          )}
        </div>
      )}
    </Card>
  );
}
