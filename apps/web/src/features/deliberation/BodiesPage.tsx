import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BODY_BASES, DELIBERATION_BODIES, type DeliberationBody, type RollBasis } from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { formatTime } from '../../components/formatTime.ts';
import { useBodies, useBody, useCandidates, useChangeRoll, useCreateBody, type BodyView } from './api.ts';
import { NS } from './i18n.ts';

/** 议事组织和名册: the bodies of the user's area and, for the one picked, its roll (names masked). */
export function BodiesPage() {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const can = useCan();
  const manage = can('deliberation.manage');
  const bodies = useBodies();
  const [picked, setPicked] = useState<string | null>(null);
  const body = useBody(picked);
  return (
    <Row gutter={[16, 16]} data-testid="deliberation-bodies">
      <Col xs={24} lg={10}>
        <Card
          title={
            <Space>
              <Button
                type="text"
                icon={<ArrowLeftOutlined />}
                aria-label={t('back')}
                onClick={() => void navigate('/deliberation')}
              />
              {t('bodies')}
            </Space>
          }
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            loading={bodies.isFetching}
            dataSource={bodies.data ?? []}
            locale={{ emptyText: t('roll.noBodies') }}
            onRow={(r) => ({ onClick: () => setPicked(r.id), style: { cursor: 'pointer' } })}
            rowClassName={(r) => (r.id === picked ? 'ant-table-row-selected' : '')}
            columns={[
              {
                title: t('roll.kind'),
                dataIndex: 'kind',
                render: (k: DeliberationBody, r) => (
                  <Typography.Link data-testid={`body-${r.kind}`}>{t(`bodyNames.${k}`)}</Typography.Link>
                ),
              },
              { title: t('roll.basis'), dataIndex: 'basis', render: (b: RollBasis) => t(`bases.${b}`) },
              {
                title: t('roll.rollSize'),
                dataIndex: 'rollSize',
                render: (n: number, r) => <span data-testid={`body-${r.kind}-size`}>{n}</span>,
              },
              { title: t('columns.village'), dataIndex: 'villageName' },
            ]}
          />
          {manage && <CreateBodyForm existing={(bodies.data ?? []).map((b) => b.kind)} onCreated={setPicked} />}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        {body.data && <RollCard b={body.data} manage={manage} />}
      </Col>
    </Row>
  );
}

function CreateBodyForm({ existing, onCreated }: { existing: DeliberationBody[]; onCreated: (id: string) => void }) {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const create = useCreateBody();
  const [form] = Form.useForm<{ kind: DeliberationBody; basis: RollBasis }>();
  const kind = Form.useWatch('kind', form);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 16 }}
      data-testid="body-create"
      onFinish={async (v) => {
        try {
          const b = await create.mutateAsync({ villageId: user.region.id, ...v });
          form.resetFields();
          onCreated(b.id);
        } catch (err) {
          notifyError(err);
        }
      }}
    >
      <Form.Item name="kind" rules={[{ required: true }]}>
        <Select
          style={{ width: 200 }}
          placeholder={t('roll.kind')}
          data-testid="body-create-kind"
          options={DELIBERATION_BODIES.filter((k) => !existing.includes(k)).map((k) => ({
            value: k,
            label: t(`bodyNames.${k}`),
          }))}
          onChange={(k: DeliberationBody) => form.setFieldValue('basis', BODY_BASES[k][0])}
        />
      </Form.Item>
      <Form.Item name="basis" rules={[{ required: true }]}>
        <Select
          style={{ width: 160 }}
          placeholder={t('roll.basis')}
          data-testid="body-create-basis"
          options={(kind ? BODY_BASES[kind] : []).map((b) => ({ value: b, label: t(`bases.${b}`) }))}
        />
      </Form.Item>
      <Button htmlType="submit" loading={create.isPending} data-testid="body-create-submit">
        {t('roll.createBody')}
      </Button>
    </Form>
  );
}

/** The roll: current members (masked), those removed with their reasons; a change needs a reason. */
function RollCard({ b, manage }: { b: BodyView; manage: boolean }) {
  const { t } = useTranslation(NS);
  const [q, setQ] = useState('');
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const candidates = useCandidates(manage && b.basis === 'members' ? b.id : null, q);
  const change = useChangeRoll(b.id);
  const nothing = add.length === 0 && remove.length === 0;
  const blocked = nothing ? t('roll.add') : !reason.trim() ? t('roll.reasonRequired') : null;
  const submit = async () => {
    try {
      await change.mutateAsync({ add, remove, reason: reason.trim() });
      setAdd([]);
      setRemove([]);
      setReason('');
      notifySuccess(t('saved'));
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Card
      title={`${b.villageName} · ${t(`bodyNames.${b.kind}`)} · ${t(`bases.${b.basis}`)}`}
      data-testid="body-roll"
      data-body={b.kind}
    >
      <Typography.Title level={5}>{t('roll.members', { n: b.rollSize })}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        dataSource={b.members}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowSelection={
          manage
            ? {
                selectedRowKeys: remove,
                onChange: (keys) => setRemove(keys as string[]),
                getCheckboxProps: (m) => ({ disabled: !!m.removedAt }),
              }
            : undefined
        }
        columns={[
          {
            title: t('roll.label'),
            dataIndex: 'label',
            render: (l: string, m) => (
              <Space>
                {l}
                {m.removedAt && <Tag>{t('roll.removed')}</Tag>}
              </Space>
            ),
          },
          { title: t('roll.addedAt'), dataIndex: 'addedAt', render: formatTime },
          {
            title: `${t('roll.addedReason')} / ${t('roll.removedReason')}`,
            render: (_, m) => (m.removedAt ? `${m.removedReason ?? ''}（${formatTime(m.removedAt)}）` : m.addedReason),
          },
        ]}
      />
      {manage && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="roll-change">
          <Typography.Text strong>{t('roll.change')}</Typography.Text>
          {b.basis === 'members' && (
            <Select
              mode="multiple"
              showSearch={{ filterOption: false, onSearch: setQ }}
              style={{ width: '100%' }}
              placeholder={t('roll.addHint')}
              value={add}
              onChange={setAdd}
              loading={candidates.isFetching}
              data-testid="roll-add"
              options={(candidates.data ?? []).map((c) => ({
                value: c.residentId,
                label: c.idMasked ? `${c.label} ${c.idMasked}` : c.label,
              }))}
            />
          )}
          <Input
            placeholder={t('roll.reason')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            data-testid="roll-reason"
            status={!nothing && !reason.trim() ? 'warning' : undefined}
          />
          {!nothing && !reason.trim() && (
            <Alert type="warning" showIcon title={t('roll.reasonRequired')} data-testid="roll-reason-required" />
          )}
          <Button
            type="primary"
            disabled={!!blocked}
            loading={change.isPending}
            onClick={() => void submit()}
            data-testid="roll-submit"
          >
            {remove.length > 0 && add.length === 0 ? t('roll.remove') : t('roll.change')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
