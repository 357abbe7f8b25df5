import { Button, Checkbox, Col, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  DISPUTE_LIMITS,
  DISPUTE_RISKS,
  DISPUTE_SOURCES,
  PARTY_KINDS,
  PARTY_ROLES,
  PARTY_SIDES,
  SOURCES_WITH_EXTERNAL_NUMBER,
  SOURCES_WITH_REFERRING_BODY,
  type DisputeRisk,
  type DisputeSource,
  type PartyInput,
  type PartyKind,
  type PartyRole,
  type PartySide,
  type RegisterDisputeBody,
} from '@gewu/domain';
import { buttonTestId } from '../../components/testId.ts';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useDisputeTypes, useRegisterDispute } from './api.ts';
import { StaffSelect } from './StaffSelect.tsx';

interface PartyValues {
  kind: PartyKind;
  side: PartySide;
  role: PartyRole;
  name: string;
  number?: string;
  phone?: string;
  address?: string;
}

interface Values {
  typeCode: string;
  summary: string;
  regionId: string;
  address?: string;
  risk: DisputeRisk;
  civilToCriminal: boolean;
  stabilityUserId?: string;
  source: DisputeSource;
  referringBody?: string;
  externalRef?: string;
  parties: PartyValues[];
}

const trimmed = (s: string | undefined) => s?.trim() || undefined;

function toParty(p: PartyValues): PartyInput {
  const base = {
    side: p.side,
    role: p.role,
    name: p.name.trim(),
    phone: trimmed(p.phone),
    address: trimmed(p.address),
  };
  return p.kind === 'person'
    ? { kind: 'person', ...base, idNumber: trimmed(p.number) }
    : { kind: 'organisation', ...base, creditCode: trimmed(p.number) };
}

/**
 * 登记矛盾纠纷 (一案一码): type, place, risk (重大 with its 稳控责任人, and the 民转刑 flag), source with the
 * referring body and its own number, and the parties — persons or organisations, several on each side,
 * each with a role. The identity numbers and phones go to the server, which keeps them encrypted.
 */
export function RegisterDisputeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const types = useDisputeTypes();
  const register = useRegisterDispute();
  const source = Form.useWatch('source', form);
  const risk = Form.useWatch('risk', form);
  const parties = Form.useWatch('parties', form) ?? [];

  const onFinish = (v: Values) => {
    const body: RegisterDisputeBody = {
      typeCode: v.typeCode,
      summary: v.summary.trim(),
      regionId: v.regionId,
      address: trimmed(v.address),
      risk: v.risk,
      civilToCriminal: v.civilToCriminal,
      stabilityUserId: v.stabilityUserId,
      source: v.source,
      referringBody: SOURCES_WITH_REFERRING_BODY.includes(v.source) ? trimmed(v.referringBody) : undefined,
      externalRef: SOURCES_WITH_EXTERNAL_NUMBER.includes(v.source) ? trimmed(v.externalRef) : undefined,
      parties: (v.parties ?? []).map(toParty),
    };
    register.mutate(body, {
      onSuccess: (d) => {
        notifySuccess(t('disputes.register.done', { code: d.code }));
        onClose();
        void navigate(`/disputes/${d.id}`);
      },
      onError: notifyError,
    });
  };

  return (
    <Modal
      open
      width={960}
      title={t('disputes.register.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('disputes.register.submit')}
      okButtonProps={buttonTestId('dispute-register-ok')}
      confirmLoading={register.isPending}
      destroyOnHidden
      data-testid="dispute-register-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          risk: 'general',
          civilToCriminal: false,
          source: 'walk_in',
          parties: [
            { kind: 'person', side: 'a', role: 'principal' },
            { kind: 'person', side: 'b', role: 'principal' },
          ],
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="typeCode"
              label={t('disputes.fields.type')}
              rules={[{ required: true, message: t('disputes.register.required') }]}
            >
              <Select<string>
                loading={types.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={(types.data ?? []).filter((ty) => ty.active).map((ty) => ({ value: ty.code, label: ty.name }))}
                data-testid="dispute-register-type"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="regionId"
              label={t('disputes.fields.region')}
              rules={[{ required: true, message: t('disputes.register.required') }]}
            >
              <RegionTreeSelect testId="dispute-register-region" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="address" label={t('disputes.fields.address')}>
              <Input maxLength={200} data-testid="dispute-register-address" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="summary"
          label={t('disputes.fields.summary')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('disputes.register.summaryRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={DISPUTE_LIMITS.summaryMax}
            showCount
            data-testid="dispute-register-summary"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="risk" label={t('disputes.fields.risk')}>
              <Select<DisputeRisk>
                options={DISPUTE_RISKS.map((r) => ({ value: r, label: t(`disputes.risks.${r}`) }))}
                data-testid="dispute-register-risk"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="civilToCriminal" label=" " valuePropName="checked">
              <Checkbox data-testid="dispute-register-c2c">{t('disputes.fields.civilToCriminal')}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="stabilityUserId"
              label={t('disputes.fields.stabilityUser')}
              rules={risk === 'major' ? [{ required: true, message: t('disputes.register.stabilityRequired') }] : []}
              extra={t('disputes.register.stabilityHint')}
            >
              <StaffSelect testId="dispute-register-stability" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="source" label={t('disputes.fields.source')}>
              <Select<DisputeSource>
                options={DISPUTE_SOURCES.filter((s) => s !== 'case_conversion').map((s) => ({
                  value: s,
                  label: t(`disputes.sources.${s}`),
                }))}
                data-testid="dispute-register-source"
              />
            </Form.Item>
          </Col>
          {source && SOURCES_WITH_REFERRING_BODY.includes(source) && (
            <Col xs={24} md={8}>
              <Form.Item
                name="referringBody"
                label={t(`disputes.register.referringBody.${source === 'court_referral' ? 'court' : 'police'}`)}
                rules={[{ required: true, whitespace: true, message: t('disputes.register.required') }]}
              >
                <Input maxLength={100} data-testid="dispute-register-referring-body" />
              </Form.Item>
            </Col>
          )}
          {source && SOURCES_WITH_EXTERNAL_NUMBER.includes(source) && (
            <Col xs={24} md={8}>
              <Form.Item
                name="externalRef"
                label={t(`disputes.register.externalRef.${source as 'police_referral'}`)}
                rules={[{ required: true, whitespace: true, message: t('disputes.register.required') }]}
              >
                <Input maxLength={100} data-testid="dispute-register-external-ref" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Typography.Title level={5}>{t('disputes.detail.parties')}</Typography.Title>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => {
                const kind = parties[i]?.kind ?? 'person';
                return (
                  <Row gutter={8} key={field.key} align="top" data-testid={`dispute-register-party-${i}`}>
                    <Col flex="96px">
                      <Form.Item name={[field.name, 'kind']}>
                        <Select<PartyKind>
                          options={PARTY_KINDS.map((k) => ({ value: k, label: t(`disputes.partyKinds.${k}`) }))}
                          data-testid={`dispute-party-kind-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="96px">
                      <Form.Item name={[field.name, 'side']}>
                        <Select<PartySide>
                          options={PARTY_SIDES.map((s) => ({ value: s, label: t(`disputes.sides.${s}`) }))}
                          data-testid={`dispute-party-side-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="112px">
                      <Form.Item name={[field.name, 'role']}>
                        <Select<PartyRole>
                          options={PARTY_ROLES.map((r) => ({ value: r, label: t(`disputes.partyRoles.${r}`) }))}
                          data-testid={`dispute-party-role-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="1 1 140px">
                      <Form.Item
                        name={[field.name, 'name']}
                        rules={[{ required: true, whitespace: true, message: t('disputes.register.partyName') }]}
                      >
                        <Input
                          maxLength={100}
                          placeholder={t(kind === 'person' ? 'disputes.party.personName' : 'disputes.party.orgName')}
                          data-testid={`dispute-party-name-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="1 1 170px">
                      <Form.Item name={[field.name, 'number']}>
                        <Input
                          maxLength={18}
                          placeholder={t(kind === 'person' ? 'disputes.party.idNumber' : 'disputes.party.creditCode')}
                          data-testid={`dispute-party-number-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="1 1 120px">
                      <Form.Item name={[field.name, 'phone']}>
                        <Input
                          maxLength={20}
                          placeholder={t('disputes.party.phone')}
                          data-testid={`dispute-party-phone-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col flex="1 1 140px">
                      <Form.Item name={[field.name, 'address']}>
                        <Input maxLength={200} placeholder={t('disputes.party.address')} />
                      </Form.Item>
                    </Col>
                    <Col flex="32px">
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('disputes.register.removeParty')}
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                );
              })}
              <Space>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'person', side: 'a', role: 'principal' })}
                  disabled={fields.length >= DISPUTE_LIMITS.partiesMax}
                  data-testid="dispute-register-add-party"
                >
                  {t('disputes.register.addParty')}
                </Button>
                <Typography.Text type="secondary">{t('disputes.register.partiesHint')}</Typography.Text>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
