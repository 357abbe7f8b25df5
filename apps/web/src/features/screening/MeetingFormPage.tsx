import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  DISPUTE_RISKS,
  MEETING_DECISION_KINDS,
  SCREENING_LIMITS,
  type DisputeRisk,
  type MeetingDecisionKind,
} from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { PhotoUpload } from '../attachments/PhotoUpload.tsx';
import { useUsers } from '../users/api.ts';
import { useCreateRiskMeeting, useDisputeSearch } from './api.ts';

interface DecisionValues {
  disputeId?: string;
  kind: MeetingDecisionKind;
  note?: string;
  risk?: DisputeRisk;
  civilToCriminal?: boolean;
  stabilityUserId?: string;
}

interface Values {
  heldAt: Dayjs;
  topic: string;
  place?: string;
  participants: string[];
  minutes: string;
  attachmentIds: string[];
  decisions: DecisionValues[];
}

/** A dispute of the centre's area, found by its code or words (the open ones). */
function DisputePicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useDisputeSearch(q);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('screening.meetings.searchDispute')}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((d) => ({
        value: d.id,
        label: `${d.code} · ${d.typeName} · ${d.summary.slice(0, 30)}`,
      }))}
      data-testid="meeting-dispute"
    />
  );
}

/**
 * 记录风险研判会议: when, where, who, the minutes and photos, and one decision per dispute discussed —
 * a change of risk level or 稳控责任人, a hand-up to the tier above, or keeping it under watch. The
 * server carries each change out through the dispute's own procedure, all or nothing.
 */
export function MeetingFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateRiskMeeting();
  const staff = useUsers({ page: 1, pageSize: 100 });
  const staffOptions = (staff.data?.items ?? [])
    .filter((u) => u.status === 'active' && u.roles.some((r) => r !== 'resident'))
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.regionName}）` }));

  const submit = (v: Values) =>
    create.mutate(
      {
        heldAt: v.heldAt.toISOString(),
        topic: v.topic,
        place: v.place || undefined,
        participants: v.participants,
        minutes: v.minutes,
        attachmentIds: v.attachmentIds ?? [],
        decisions: v.decisions.map((d) => ({
          disputeId: d.disputeId as string,
          kind: d.kind,
          note: d.note ?? '',
          ...(d.kind === 'assess_risk'
            ? { risk: d.risk, civilToCriminal: d.civilToCriminal ?? false, stabilityUserId: d.stabilityUserId ?? null }
            : {}),
        })),
      },
      {
        onSuccess: (m) => {
          notifySuccess(t('screening.meetings.saved'));
          void navigate(`/risk-meetings/${m.id}`);
        },
      },
    );

  return (
    <Card
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => void navigate('/risk-meetings')}
            aria-label={t('screening.meetings.back')}
          />
          {t('screening.meetings.new')}
        </Space>
      }
      data-testid="meeting-form"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ heldAt: dayjs(), participants: [], attachmentIds: [], decisions: [{ kind: 'watch' }] }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="heldAt" label={t('screening.meetings.heldAt')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="topic" label={t('screening.meetings.topic')} rules={[{ required: true, min: 2 }]}>
              <Input maxLength={200} data-testid="meeting-topic" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="place" label={t('screening.meetings.place')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="participants"
          label={t('screening.meetings.participants')}
          extra={t('screening.meetings.participantsHint')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Select
            mode="tags"
            open={false}
            maxCount={SCREENING_LIMITS.participantsMax}
            data-testid="meeting-participants"
          />
        </Form.Item>
        <Typography.Title level={5}>{t('screening.meetings.decisions')}</Typography.Title>
        <Alert type="info" showIcon title={t('screening.meetings.decisionHint')} style={{ marginBottom: 12 }} />
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  extra={
                    fields.length > 1 && (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                    )
                  }
                  data-testid="meeting-decision"
                >
                  <Row gutter={12}>
                    <Col xs={24} lg={12}>
                      <Form.Item
                        name={[field.name, 'disputeId']}
                        label={t('screening.meetings.pickDisputes')}
                        rules={[{ required: true }]}
                      >
                        <DisputePicker />
                      </Form.Item>
                    </Col>
                    <Col xs={24} lg={12}>
                      <Form.Item name={[field.name, 'kind']} label={t('screening.meetings.decision')}>
                        <Select
                          options={MEETING_DECISION_KINDS.map((k) => ({
                            value: k,
                            label: t(`screening.meetings.decisionKinds.${k}`),
                          }))}
                          data-testid="meeting-kind"
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['decisions', field.name, 'kind']) === 'assess_risk' && (
                        <Row gutter={12}>
                          <Col xs={24} md={8}>
                            <Form.Item
                              name={[field.name, 'risk']}
                              label={t('screening.meetings.risk')}
                              rules={[{ required: true }]}
                            >
                              <Select
                                options={DISPUTE_RISKS.map((r) => ({
                                  value: r,
                                  label: t(`screening.meetings.risks.${r}`),
                                }))}
                                data-testid="meeting-risk"
                              />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={6}>
                            <Form.Item
                              name={[field.name, 'civilToCriminal']}
                              label={t('screening.meetings.civilToCriminal')}
                              valuePropName="checked"
                            >
                              <Switch />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={10}>
                            <Form.Item
                              name={[field.name, 'stabilityUserId']}
                              label={t('screening.meetings.stability')}
                              rules={[
                                {
                                  validator: (_, v) =>
                                    form.getFieldValue(['decisions', field.name, 'risk']) === 'major' && !v
                                      ? Promise.reject(new Error(t('screening.meetings.stabilityRequired')))
                                      : Promise.resolve(),
                                },
                              ]}
                            >
                              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={staffOptions} />
                            </Form.Item>
                          </Col>
                        </Row>
                      )
                    }
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'note']}
                    label={t('screening.meetings.opinion')}
                    rules={[{ required: true, whitespace: true }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea rows={2} maxLength={SCREENING_LIMITS.noteMax} data-testid="meeting-note" />
                  </Form.Item>
                </Card>
              ))}
              {fields.length < SCREENING_LIMITS.decisionsMax && (
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'watch' })} data-testid="meeting-add">
                  {t('screening.meetings.pickDisputes')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
        <Form.Item
          name="minutes"
          label={t('screening.meetings.minutes')}
          rules={[{ required: true, whitespace: true }]}
          style={{ marginTop: 16 }}
        >
          <Input.TextArea rows={5} maxLength={SCREENING_LIMITS.minutesMax} data-testid="meeting-minutes" />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('screening.meetings.attachments')}>
          <PhotoUpload max={SCREENING_LIMITS.attachmentsMax} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="meeting-save">
          {t('screening.meetings.save')}
        </Button>
      </Form>
    </Card>
  );
}
