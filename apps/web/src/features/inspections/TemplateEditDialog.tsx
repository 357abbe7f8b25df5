import {
  type ButtonProps,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { INSPECTION_PLACE_TYPES, type InspectionItem, type InspectionTemplateEdit } from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { type InspectionTemplateView, useEditTemplate } from './api.ts';
import { NS } from './i18n.ts';

type FormItem = Omit<InspectionItem, 'answer'> & {
  answer: { kind: 'pass_fail' | 'number'; unit?: string; min?: number | null; max?: number | null };
  isNew?: boolean;
};
type Values = { name: string; placeTypes: InspectionTemplateEdit['placeTypes']; items: FormItem[] };

const NEW_ITEM: FormItem = {
  key: '',
  text: '',
  answer: { kind: 'pass_fail' },
  required: true,
  photoOnFail: true,
  caseItem: { code: '' },
  source: '',
  isNew: true,
};

/** The whole checklist as a form; saving posts it as the next version (the server checks it again). */
export function TemplateEditDialog({ template, onClose }: { template: InspectionTemplateView; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<Values>();
  const edit = useEditTemplate();
  const original = new Map(template.items.map((i) => [i.key, i]));

  const save = async () => {
    // Every field, the items' keys included (an earlier item's key is shown, not edited).
    const v = form.getFieldsValue(true) as Values;
    const items: InspectionItem[] = v.items.map((i) => ({
      key: i.key,
      text: i.text,
      answer:
        i.answer.kind === 'number'
          ? { kind: 'number', unit: i.answer.unit ?? '', min: i.answer.min ?? null, max: i.answer.max ?? null }
          : { kind: 'pass_fail' },
      required: !!i.required,
      photoOnFail: !!i.photoOnFail,
      // The item's case fields are not edited here: they stay as the earlier version had them.
      caseItem: { ...original.get(i.key)?.caseItem, code: i.caseItem.code },
      source: i.source,
    }));
    try {
      const saved = await edit.mutateAsync({
        key: template.key,
        body: { name: v.name, placeTypes: v.placeTypes, items },
      });
      notifySuccess(t('templates.saved', { version: saved.version }));
      onClose();
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Modal
      open
      width="min(1100px, 100vw)"
      title={t('templates.editTitle', { name: template.name })}
      onCancel={onClose}
      okText={t('templates.save')}
      onOk={() => form.submit()}
      confirmLoading={edit.isPending}
      okButtonProps={{ 'data-testid': 'template-save' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('templates.editHint', { version: template.version + 1 })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ name: template.name, placeTypes: template.placeTypes, items: template.items }}
        data-testid="template-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="name" label={t('templates.name')} rules={[{ required: true, min: 2, max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="placeTypes" label={t('templates.placeTypes')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                options={INSPECTION_PLACE_TYPES.map((p) => ({ value: p, label: t(`placeTypes.${p}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, n) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={`${n + 1}. ${form.getFieldValue(['items', f.name, 'key']) || t('templates.addItem')}`}
                  extra={
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('templates.remove')}
                    />
                  }
                  data-testid={`template-item-${n}`}
                >
                  <Row gutter={12}>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['items', f.name, 'isNew']) ? (
                          <Col xs={24} md={8}>
                            <Form.Item
                              name={[f.name, 'key']}
                              label={t('templates.newItemKey')}
                              rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/ }]}
                            >
                              <Input maxLength={40} />
                            </Form.Item>
                          </Col>
                        ) : null
                      }
                    </Form.Item>
                    <Col xs={24} md={16}>
                      <Form.Item
                        name={[f.name, 'text']}
                        label={t('templates.itemText')}
                        rules={[{ required: true, min: 2, max: 200 }]}
                      >
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'answer', 'kind']} label={t('templates.answerKind')}>
                        <Select
                          options={[
                            { value: 'pass_fail', label: t('templates.passFail') },
                            { value: 'number', label: t('templates.numberKind') },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={2}>
                      <Form.Item name={[f.name, 'required']} label={t('templates.required')} valuePropName="checked">
                        <Switch size="small" />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={2}>
                      <Form.Item
                        name={[f.name, 'photoOnFail']}
                        label={t('templates.photoOnFail')}
                        valuePropName="checked"
                      >
                        <Switch size="small" data-testid={`template-item-photo-${n}`} />
                      </Form.Item>
                    </Col>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['items', f.name, 'answer', 'kind']) === 'number' ? (
                          <>
                            <Col xs={8} md={4}>
                              <Form.Item
                                name={[f.name, 'answer', 'unit']}
                                label={t('templates.unit')}
                                rules={[{ required: true }]}
                              >
                                <Input maxLength={20} />
                              </Form.Item>
                            </Col>
                            <Col xs={8} md={4}>
                              <Form.Item name={[f.name, 'answer', 'min']} label={t('templates.min')}>
                                <InputNumber style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                            <Col xs={8} md={4}>
                              <Form.Item name={[f.name, 'answer', 'max']} label={t('templates.max')}>
                                <InputNumber style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                          </>
                        ) : null
                      }
                    </Form.Item>
                    <Col xs={24} md={4}>
                      <Form.Item
                        name={[f.name, 'caseItem', 'code']}
                        label={t('templates.caseItem')}
                        rules={[{ required: true, pattern: /^\d{5}$/ }]}
                      >
                        <Input maxLength={5} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[f.name, 'source']}
                        label={t('templates.source')}
                        rules={[{ required: true, max: 200 }]}
                      >
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...NEW_ITEM })}>
                {t('templates.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
