import { Button, Col, Form, Input, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RECEPTION_LIMITS } from '@gewu/domain';

export interface PartyValues {
  kind: 'person' | 'organisation';
  side: 'b' | 'third';
  name: string;
  phone?: string;
}

/** The dispute's other parties (the visitor is the applicant, 申请方): a person or an organisation each. */
export function DisputeParties() {
  const { t } = useTranslation();
  return (
    <Form.List name="otherParties">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Row gutter={12} key={f.key} align="top" data-testid={`visit-party-${i}`}>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, 'side']} label={i === 0 ? t('reception.desk.dispute.partySide') : undefined}>
                  <Select
                    options={(['b', 'third'] as const).map((s) => ({
                      value: s,
                      label: t(`reception.desk.dispute.sides.${s}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, 'kind']} label={i === 0 ? t('reception.desk.dispute.partyKind') : undefined}>
                  <Select
                    options={(['person', 'organisation'] as const).map((k) => ({
                      value: k,
                      label: t(`reception.desk.dispute.kinds.${k}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={[f.name, 'name']}
                  label={i === 0 ? t('reception.desk.dispute.partyName') : undefined}
                  rules={[{ required: true, whitespace: true, message: t('reception.desk.required.partyName') }]}
                >
                  <Input maxLength={100} data-testid={`visit-party-name-${i}`} />
                </Form.Item>
              </Col>
              <Col xs={20} md={6}>
                <Form.Item
                  name={[f.name, 'phone']}
                  label={i === 0 ? t('reception.desk.dispute.partyPhone') : undefined}
                >
                  <Input maxLength={20} inputMode="tel" />
                </Form.Item>
              </Col>
              <Col xs={4} md={2} style={i === 0 ? { paddingTop: 30 } : undefined}>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('reception.desk.dispute.removeParty')}
                  onClick={() => remove(f.name)}
                />
              </Col>
            </Row>
          ))}
          {fields.length < RECEPTION_LIMITS.otherPartiesMax && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'person', side: 'b', name: '' })}
              data-testid="visit-add-party"
            >
              {t('reception.desk.dispute.addParty')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
