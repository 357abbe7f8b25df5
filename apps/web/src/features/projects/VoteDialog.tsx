import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { BODY_RULES, MICRO_PROJECT_LIMITS, MICRO_PROJECT_VOTING_BODY, batchOutcome } from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { useRecordVote, useRepresentativesRoll, useShortlisted } from './api.ts';
import { yuan } from './bits.tsx';
import { NS } from './i18n.ts';

type Counts = { inFavour?: number | null; against?: number | null; abstaining?: number | null };

/**
 * 记录代表会议表决 for the shortlisted projects of one village: 应到 is the representatives' roll now;
 * whether the meeting is quorate and each project passes shows as the counts are typed, from the
 * domain's batchOutcome (deliberation.ts meetingOutcome, art. 26) — the rule the server refuses by.
 */
export function VoteDialog({
  villageId,
  villageName,
  onClose,
}: {
  villageId: string;
  villageName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(NS);
  const shortlisted = useShortlisted(villageId);
  const roll = useRepresentativesRoll(villageId);
  const record = useRecordVote();
  const [form] = Form.useForm<{ heldAt: Dayjs; place: string; minutes: string; present?: number | null }>();
  const present = Form.useWatch('present', form) ?? 0;
  const [included, setIncluded] = useState<Record<string, boolean>>({});
  const [counts, setCounts] = useState<Record<string, Counts>>({});
  const [key] = useState(() => crypto.randomUUID());
  const expected = roll.data ?? 0;
  const items = (shortlisted.data ?? []).filter((p) => included[p.id] !== false);
  const n = (v: number | null | undefined) => v ?? 0;
  const votes = items.map((p) => ({
    inFavour: n(counts[p.id]?.inFavour),
    against: n(counts[p.id]?.against),
    abstaining: n(counts[p.id]?.abstaining),
  }));
  const outcome = batchOutcome(expected, present, votes);
  const outcomeOf = (id: string) => outcome.items[items.findIndex((p) => p.id === id)];
  const blocked =
    !expected ||
    !items.length ||
    present > expected ||
    !outcome.quorate ||
    outcome.items.some((o) => o.problem !== null);

  const submit = async (v: { heldAt: Dayjs; place: string; minutes: string }) => {
    try {
      await record.mutateAsync({
        villageId,
        heldAt: v.heldAt.format(),
        place: v.place,
        minutes: v.minutes,
        present,
        items: items.map((p, i) => ({ projectId: p.id, ...votes[i]! })),
        idempotencyKey: key,
      });
      notifySuccess(t('saved'));
      onClose();
    } catch (err) {
      notifyError(err);
    }
  };

  const count = (id: string, field: keyof Counts) => (
    <InputNumber
      min={0}
      precision={0}
      style={{ width: 72 }}
      value={counts[id]?.[field] ?? null}
      onChange={(v) => setCounts((c) => ({ ...c, [id]: { ...c[id], [field]: v } }))}
      disabled={included[id] === false}
      data-testid={`vote-${field}-${id}`}
    />
  );

  return (
    <Modal
      open
      width={900}
      title={t('vote.title', { village: villageName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('vote.submit')}
      okButtonProps={{ ...buttonTestId('vote-submit'), disabled: blocked }}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      {roll.isSuccess && !expected && <Alert type="warning" showIcon message={t('vote.noRoll')} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ heldAt: dayjs().second(0).millisecond(0) }}
        onFinish={(v) => void submit(v)}
        data-testid="vote-form"
      >
        <Typography.Paragraph type="secondary">{BODY_RULES[MICRO_PROJECT_VOTING_BODY].source}</Typography.Paragraph>
        <Space wrap size={16} align="start">
          <Form.Item label={t('vote.expected')}>
            <InputNumber value={expected} disabled style={{ width: 96 }} data-testid="vote-expected" />
          </Form.Item>
          <Form.Item name="present" label={t('vote.present')}>
            <InputNumber min={0} precision={0} style={{ width: 96 }} data-testid="vote-present" />
          </Form.Item>
          <Form.Item name="heldAt" label={t('vote.heldAt')} rules={[{ required: true }]}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item
            name="place"
            label={t('vote.place')}
            rules={[{ required: true, whitespace: true, max: MICRO_PROJECT_LIMITS.placeMax }]}
          >
            <Input data-testid="vote-place" />
          </Form.Item>
        </Space>
        <Alert
          data-testid="vote-quorum"
          data-quorate={String(outcome.quorate)}
          type={outcome.quorate ? 'success' : 'warning'}
          showIcon
          message={
            present > expected
              ? t('vote.presentExceeds')
              : outcome.quorate
                ? t('vote.quorate', { needed: outcome.quorumNeeded })
                : t('vote.notQuorate', { expected, needed: outcome.quorumNeeded })
          }
          style={{ marginBottom: 12 }}
        />
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={shortlisted.isFetching}
          dataSource={shortlisted.data ?? []}
          locale={{ emptyText: t('vote.noneShortlisted') }}
          columns={[
            {
              title: t('vote.include'),
              render: (_, p) => (
                <Checkbox
                  checked={included[p.id] !== false}
                  onChange={(e) => setIncluded((s) => ({ ...s, [p.id]: e.target.checked }))}
                  data-testid={`vote-include-${p.id}`}
                />
              ),
            },
            { title: t('columns.title'), dataIndex: 'title' },
            { title: t('columns.cost'), dataIndex: 'estimatedCostFen', render: yuan },
            { title: t('vote.inFavour'), render: (_, p) => count(p.id, 'inFavour') },
            { title: t('vote.against'), render: (_, p) => count(p.id, 'against') },
            { title: t('vote.abstaining'), render: (_, p) => count(p.id, 'abstaining') },
            {
              title: t('vote.outcome'),
              render: (_, p) => {
                const o = outcomeOf(p.id);
                if (!o) return null;
                if (o.problem) return <Tag color="error">{t('vote.countsInvalid')}</Tag>;
                return o.passed ? (
                  <Tag color="success" data-testid={`vote-outcome-${p.id}`} data-passed="true">
                    {t('vote.passed')}
                  </Tag>
                ) : (
                  <Tag color="warning" data-testid={`vote-outcome-${p.id}`} data-passed="false">
                    {t('vote.notPassed', { needed: o.majorityNeeded })}
                  </Tag>
                );
              },
            },
          ]}
        />
        <Form.Item
          name="minutes"
          label={t('vote.minutes')}
          rules={[{ required: true, whitespace: true, max: MICRO_PROJECT_LIMITS.textMax }]}
          style={{ marginTop: 12 }}
        >
          <Input.TextArea rows={3} data-testid="vote-minutes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
