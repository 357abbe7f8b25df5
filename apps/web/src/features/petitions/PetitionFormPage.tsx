import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  COLLECTIVE_VISIT,
  PETITION_CHANNELS,
  PETITION_FORM_LIMITS,
  PETITION_MATTER_TYPES,
  type PetitionChannel,
  type PetitionerInput,
  type PetitionMatterType,
  isCollectiveVisit,
} from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useBack } from '../cases/bits.tsx';
import { useRegisterPetition } from './api.ts';

interface Values {
  channel: PetitionChannel;
  regionId: string;
  summary: string;
  matterType: PetitionMatterType;
  respondent: string;
  subjectObject: string;
  headcount: number;
  receivedAt?: Dayjs;
  petitioners: (PetitionerInput & { gender?: 'male' | 'female' })[];
  newFactsOrReasons?: boolean;
  receiptNo?: string;
}

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** 登记信访事项: the channel, the place, the matter and whom it is about, the petitioners (protected), how many came. */
export function PetitionFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const back = useBack();
  const register = useRegisterPetition();
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  const headcount = Form.useWatch('headcount', form) ?? 1;
  const required = [{ required: true, whitespace: true }];

  const submit = (v: Values) =>
    register.mutate(
      {
        channel: v.channel,
        regionId: v.regionId,
        summary: v.summary.trim(),
        matterType: v.matterType,
        respondent: v.respondent.trim(),
        subjectObject: v.subjectObject.trim(),
        headcount: v.headcount,
        receivedAt: v.receivedAt?.toISOString(),
        petitioners: v.petitioners.map((p) => ({
          name: p.name.trim(),
          gender: p.gender,
          idNumber: trimmed(p.idNumber),
          phone: trimmed(p.phone),
          address: trimmed(p.address),
        })),
        newFactsOrReasons: v.newFactsOrReasons ?? false,
        receiptNo: trimmed(v.receiptNo),
      },
      {
        onSuccess: (p) => {
          notifySuccess(
            [
              t('petitions.form.registered', { code: p.code }),
              p.refilingProposed
                ? t('petitions.form.refilingProposed')
                : p.repeatOfId
                  ? t('petitions.form.repeatLinked')
                  : '',
            ]
              .filter(Boolean)
              .join('；'),
          );
          navigate(`/petitions/${p.id}`, { replace: true });
        },
        onError: notifyError,
      },
    );

  return (
    <Card title={t('petitions.form.title')} data-testid="petition-form">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: 'visit', headcount: 1, matterType: 'other', petitioners: [{ name: '' }] }}
        style={{ maxWidth: 960 }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="channel" label={t('petitions.form.channel')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={PETITION_CHANNELS.map((c) => ({ value: c, label: t(`petitions.channels.${c}`) }))}
                data-testid="petition-form-channel"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionId" label={t('petitions.form.region')} rules={[{ required: true }]}>
              <RegionTreeSelect testId="petition-form-region" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label={t('petitions.form.summary')} rules={[...required, { min: 2 }]}>
          <Input.TextArea
            rows={3}
            maxLength={PETITION_FORM_LIMITS.summaryMax}
            showCount
            data-testid="petition-form-summary"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="matterType" label={t('petitions.form.matterType')} rules={[{ required: true }]}>
              <Select
                options={PETITION_MATTER_TYPES.map((m) => ({ value: m, label: t(`petitions.matterTypes.${m}`) }))}
                data-testid="petition-form-matter-type"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="respondent" label={t('petitions.form.respondent')} rules={required}>
              <Input maxLength={100} data-testid="petition-form-respondent" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="subjectObject" label={t('petitions.form.subjectObject')} rules={required}>
              <Input maxLength={200} data-testid="petition-form-subject" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="headcount"
              label={t('petitions.form.headcount')}
              extra={t('petitions.form.collectiveHint')}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={1}
                max={PETITION_FORM_LIMITS.headcountMax}
                precision={0}
                data-testid="petition-form-headcount"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="receivedAt" label={t('petitions.form.receivedAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="receiptNo" label={t('petitions.form.receiptNo')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        {channel && isCollectiveVisit(channel, headcount) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('petitions.tags.collective', { count: headcount })}
            description={COLLECTIVE_VISIT.source}
            data-testid="petition-form-collective"
          />
        )}
        <Form.Item label={t('petitions.form.petitioners')} extra={t('petitions.form.piiHint')} required>
          <Form.List name="petitioners">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f, i) => (
                  <Row gutter={[8, 8]} key={f.key} align="top">
                    <Col xs={16} md={5}>
                      <Form.Item name={[f.name, 'name']} rules={required} style={{ marginBottom: 0 }}>
                        <Input
                          placeholder={t('petitions.fields.name')}
                          maxLength={50}
                          data-testid={`petition-form-name-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={3}>
                      <Form.Item name={[f.name, 'gender']} style={{ marginBottom: 0 }}>
                        <Select
                          allowClear
                          placeholder={t('petitions.fields.gender')}
                          options={(['male', 'female'] as const).map((g) => ({
                            value: g,
                            label: t(`petitions.genders.${g}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[f.name, 'idNumber']} style={{ marginBottom: 0 }}>
                        <Input
                          placeholder={t('petitions.fields.idNumber')}
                          maxLength={18}
                          data-testid={`petition-form-id-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={4}>
                      <Form.Item name={[f.name, 'phone']} style={{ marginBottom: 0 }}>
                        <Input
                          placeholder={t('petitions.fields.phone')}
                          maxLength={20}
                          data-testid={`petition-form-phone-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={5}>
                      <Form.Item name={[f.name, 'address']} style={{ marginBottom: 0 }}>
                        <Input placeholder={t('petitions.fields.address')} maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={1}>
                      {fields.length > 1 && (
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          onClick={() => remove(f.name)}
                          aria-label={t('petitions.form.remove')}
                        />
                      )}
                    </Col>
                  </Row>
                ))}
                {fields.length < PETITION_FORM_LIMITS.petitionersMax && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                    {t('petitions.form.addPetitioner')}
                  </Button>
                )}
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="newFactsOrReasons" valuePropName="checked">
          <Checkbox>{t('petitions.form.newFacts')}</Checkbox>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="petition-form-submit">
            {t('petitions.form.submit')}
          </Button>
          <Button onClick={back}>{t('petitions.dialog.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
