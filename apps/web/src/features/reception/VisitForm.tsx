import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ADVISER_KINDS,
  PETITION_MATTER_TYPES,
  type PetitionMatterType,
  CATEGORY_DEFAULT_TRACK,
  RECEPTION_LIMITS,
  RECEPTION_TRACKS,
  RECEPTION_TRACK_RULES,
  REFERRAL_BODY_KINDS,
  VISIT_CATEGORIES,
  type AdviserKind,
  type ReceptionTrack,
  type ReferralBodyKind,
  type RegisterVisitInput,
  type VisitCategory,
} from '@gewu/domain';
import { ItemSelect } from '../items/ItemSelect.tsx';
import { ItemFields, fieldValues, type FieldValue } from '../items/ItemFields.tsx';
import type { ItemView } from '../items/api.ts';
import { VillageSelect } from '../regions/VillageSelect.tsx';
import { type RegisteredVisit, useDisputeTypes, useRegisterVisit } from './api.ts';
import { DisputeParties, type PartyValues } from './DisputeParties.tsx';
import type texts from '../../i18n/reception.zh-CN.json';

type RequiredKey = keyof (typeof texts)['reception']['desk']['required'];

/** Tracks the window cannot route to (none now: every track's module has joined the window). */
export const TRACKS_NOT_WIRED: readonly ReceptionTrack[] = [];

interface Values {
  anonymous: boolean;
  name?: string;
  phone?: string;
  idNumber?: string;
  headcount: number;
  category: VisitCategory;
  matter: string;
  track: ReceptionTrack;
  itemCode?: string;
  address?: string;
  fields?: Record<string, FieldValue>;
  typeCode?: string;
  regionId?: string;
  risk?: 'general' | 'serious';
  civilToCriminal?: boolean;
  otherParties?: PartyValues[];
  adviserKind?: AdviserKind;
  adviserName?: string;
  answer?: string;
  bodyKind?: ReferralBodyKind;
  bodyName?: string;
  note?: string;
  matterType?: PetitionMatterType;
  respondent?: string;
  subjectObject?: string;
}

const trimmed = (s: string | undefined) => s?.trim() || undefined;

function routeOf(v: Values, item: ItemView | undefined): RegisterVisitInput['route'] {
  switch (v.track) {
    case 'case':
      return {
        track: 'case',
        itemCode: v.itemCode ?? '',
        address: v.address?.trim() ?? '',
        fields: fieldValues(item?.fields ?? [], v.fields),
      };
    case 'dispute':
      return {
        track: 'dispute',
        typeCode: v.typeCode ?? '',
        regionId: v.regionId ?? '',
        risk: v.risk ?? 'general',
        civilToCriminal: !!v.civilToCriminal,
        address: trimmed(v.address),
        otherParties: (v.otherParties ?? []).map((p) => ({
          kind: p.kind,
          side: p.side,
          name: p.name.trim(),
          phone: trimmed(p.phone),
        })),
      };
    case 'petition':
      return {
        track: 'petition',
        regionId: v.regionId ?? '',
        matterType: v.matterType ?? 'other',
        respondent: v.respondent?.trim() ?? '',
        subjectObject: v.subjectObject?.trim() ?? '',
      };
    case 'legal_advice':
      return {
        track: 'legal_advice',
        adviserKind: v.adviserKind ?? 'lawyer',
        adviserName: v.adviserName?.trim() ?? '',
        answer: v.answer?.trim() ?? '',
      };
    case 'referral':
      return {
        track: 'referral',
        bodyKind: v.bodyKind ?? 'legal_aid',
        bodyName: v.bodyName?.trim() ?? '',
        note: trimmed(v.note),
      };
  }
}

/**
 * 来访登记: one form — the visitor (or anonymous, for legal advice only), what they came for, and the
 * track with the fields it needs — sent in one request; the receipt follows (`onRegistered`).
 */
export function VisitForm({ onRegistered }: { onRegistered: (r: RegisteredVisit) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [item, setItem] = useState<ItemView>();
  // One key per filled form: a submit sent twice (a double click, a lost answer) gets the same receipt.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const register = useRegisterVisit();
  const anonymous = Form.useWatch('anonymous', form) ?? false;
  const track = Form.useWatch('track', form);
  const types = useDisputeTypes(track === 'dispute');
  const req = (key: RequiredKey) => [
    { required: true, whitespace: true, message: t(`reception.desk.required.${key}`) },
  ];

  const onFinish = (v: Values) =>
    register.mutate(
      {
        idempotencyKey,
        visitor: v.anonymous
          ? { anonymous: true }
          : {
              anonymous: false,
              name: v.name?.trim() ?? '',
              phone: v.phone?.trim() ?? '',
              idNumber: trimmed(v.idNumber),
            },
        headcount: v.headcount,
        category: v.category,
        matter: v.matter.trim(),
        route: routeOf(v, item),
      },
      { onSuccess: onRegistered },
    );

  const onCategory = (c: VisitCategory) => {
    const proposed = CATEGORY_DEFAULT_TRACK[c];
    if (proposed && !TRACKS_NOT_WIRED.includes(proposed)) form.setFieldValue('track', proposed);
  };
  const onAnonymous = (checked: boolean) => {
    if (checked) form.setFieldsValue({ track: 'legal_advice', category: 'legal_consultation' });
  };
  const trackDisabled = (tr: ReceptionTrack) =>
    TRACKS_NOT_WIRED.includes(tr) || (anonymous && !RECEPTION_TRACK_RULES[tr].anonymousAllowed);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ anonymous: false, headcount: 1, risk: 'general', adviserKind: 'lawyer', otherParties: [] }}
      data-testid="visit-form"
    >
      <Card size="small" title={t('reception.desk.visitor')} style={{ marginBottom: 12 }}>
        <Form.Item name="anonymous" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox onChange={(e) => onAnonymous(e.target.checked)} data-testid="visit-anonymous">
            {t('reception.desk.anonymous')}
          </Checkbox>
        </Form.Item>
        {!anonymous && (
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="name" label={t('reception.desk.name')} rules={req('name')}>
                <Input maxLength={64} data-testid="visit-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name="phone"
                label={t('reception.desk.phone')}
                tooltip={t('reception.desk.phoneHint')}
                rules={[...req('phone'), { pattern: /^1\d{10}$/, message: t('reception.desk.phoneInvalid') }]}
              >
                <Input maxLength={11} inputMode="numeric" data-testid="visit-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="idNumber" label={t('reception.desk.idNumber')}>
                <Input maxLength={18} data-testid="visit-id-number" />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item name="headcount" label={t('reception.desk.headcount')}>
                <InputNumber min={1} max={RECEPTION_LIMITS.headcountMax} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Card>

      <Card size="small" title={t('reception.desk.matterTitle')} style={{ marginBottom: 12 }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="category" label={t('reception.desk.category')} rules={req('category')}>
              <Select<VisitCategory>
                options={VISIT_CATEGORIES.map((c) => ({ value: c, label: t(`reception.categories.${c}`) }))}
                onChange={onCategory}
                data-testid="visit-category"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="matter" label={t('reception.desk.matter')} rules={req('matter')}>
              <Input.TextArea
                rows={2}
                maxLength={RECEPTION_LIMITS.matterMax}
                placeholder={t('reception.desk.matterPlaceholder')}
                data-testid="visit-matter"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('reception.desk.track')} style={{ marginBottom: 12 }}>
        <Form.Item name="track" rules={[{ required: true, message: t('reception.desk.required.track') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="visit-track">
            {RECEPTION_TRACKS.map((tr) => (
              <Tooltip key={tr} title={TRACKS_NOT_WIRED.includes(tr) ? t('reception.desk.notWired') : undefined}>
                <Radio.Button value={tr} disabled={trackDisabled(tr)} data-testid={`visit-track-${tr}`}>
                  {t(`reception.tracks.${tr}`)}
                </Radio.Button>
              </Tooltip>
            ))}
          </Radio.Group>
        </Form.Item>
        {track === 'case' && (
          <>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="itemCode" label={t('reception.desk.case.item')} rules={req('item')}>
                  <ItemSelect specificOnly onChange={(_c, it) => setItem(it)} testId="visit-item" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="address" label={t('reception.desk.case.address')} rules={req('address')}>
                  <Input
                    maxLength={200}
                    placeholder={t('reception.desk.case.addressPlaceholder')}
                    data-testid="visit-address"
                  />
                </Form.Item>
              </Col>
            </Row>
            {item && item.fields.length > 0 && <ItemFields fields={item.fields} />}
          </>
        )}
        {track === 'dispute' && (
          <>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="typeCode" label={t('reception.desk.dispute.type')} rules={req('type')}>
                  <Select
                    loading={types.isPending}
                    options={(types.data ?? []).filter((x) => x.active).map((x) => ({ value: x.code, label: x.name }))}
                    data-testid="visit-dispute-type"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="regionId" label={t('reception.desk.dispute.region')} rules={req('region')}>
                  <VillageSelect testId="visit-dispute-region" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="risk" label={t('reception.desk.dispute.risk')}>
                  <Radio.Group
                    options={(['general', 'serious'] as const).map((r) => ({
                      value: r,
                      label: t(`reception.desk.dispute.risks.${r}`),
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="address" label={t('reception.desk.dispute.address')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="civilToCriminal" valuePropName="checked">
              <Checkbox>{t('reception.desk.dispute.civilToCriminal')}</Checkbox>
            </Form.Item>
            <DisputeParties />
          </>
        )}
        {track === 'petition' && (
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="regionId" label={t('reception.desk.petition.region')} rules={req('petitionRegion')}>
                <VillageSelect testId="visit-petition-region" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="matterType" label={t('reception.desk.petition.matterType')} rules={req('matterType')}>
                <Select<PetitionMatterType>
                  options={PETITION_MATTER_TYPES.map((m) => ({ value: m, label: t(`petitions.matterTypes.${m}`) }))}
                  data-testid="visit-petition-matter-type"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="respondent" label={t('reception.desk.petition.respondent')} rules={req('respondent')}>
                <Input maxLength={100} data-testid="visit-petition-respondent" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name="subjectObject"
                label={t('reception.desk.petition.subjectObject')}
                rules={req('subjectObject')}
              >
                <Input maxLength={200} data-testid="visit-petition-object" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {track === 'legal_advice' && (
          <>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="adviserKind" label={t('reception.desk.advice.adviserKind')}>
                  <Radio.Group
                    options={ADVISER_KINDS.map((k) => ({
                      value: k,
                      label: t(`reception.desk.advice.adviserKinds.${k}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="adviserName" label={t('reception.desk.advice.adviserName')} rules={req('adviser')}>
                  <Input maxLength={64} data-testid="visit-adviser" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="answer" label={t('reception.desk.advice.answer')} rules={req('answer')}>
              <Input.TextArea rows={3} maxLength={RECEPTION_LIMITS.answerMax} data-testid="visit-answer" />
            </Form.Item>
          </>
        )}
        {track === 'referral' && (
          <>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="bodyKind" label={t('reception.desk.referral.bodyKind')} rules={req('bodyKind')}>
                  <Select<ReferralBodyKind>
                    options={REFERRAL_BODY_KINDS.map((k) => ({
                      value: k,
                      label: t(`reception.desk.referral.bodyKinds.${k}`),
                    }))}
                    data-testid="visit-body-kind"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="bodyName" label={t('reception.desk.referral.bodyName')} rules={req('bodyName')}>
                  <Input maxLength={100} data-testid="visit-body-name" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="note" label={t('reception.desk.referral.note')}>
              <Input.TextArea rows={2} maxLength={RECEPTION_LIMITS.answerMax} />
            </Form.Item>
          </>
        )}
        {track && RECEPTION_TRACK_RULES[track].closedAtOnce && (
          <Alert type="info" showIcon title={t('reception.desk.closedAtOnce')} style={{ marginBottom: 12 }} />
        )}
      </Card>
      <Button type="primary" htmlType="submit" size="large" loading={register.isPending} data-testid="visit-submit">
        {t('reception.desk.submit')}
      </Button>
    </Form>
  );
}
