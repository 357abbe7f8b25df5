import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DECIDING_BODIES,
  MATTER_KIND_RULES,
  MATTER_KINDS,
  decidingBodyProblem,
  type DecidingBody,
  type MatterKind,
} from '@gewu/domain';
import { notifyError } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useCreateMatter } from './api.ts';
import { NS } from './i18n.ts';

interface Values {
  title: string;
  description?: string;
  kind: MatterKind;
  decidingBody: DecidingBody;
  authorisation?: string;
}

/**
 * 提出议事事项: the kind picks the body the law puts it to (村民委员会组织法 arts. 23, 24, 27, read from
 * the domain), the bodies the law does not allow are not offered, and the representatives' meeting asks
 * for the villagers' meeting's authorisation (art. 24 para. 2).
 */
export function CreateMatterDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [key] = useState(() => crypto.randomUUID());
  const create = useCreateMatter();
  const kind = Form.useWatch('kind', form);
  const body = Form.useWatch('decidingBody', form);
  const authorisation = Form.useWatch('authorisation', form);
  const rule = kind ? MATTER_KIND_RULES[kind] : null;
  const allowed = kind ? DECIDING_BODIES.filter((b) => decidingBodyProblem(kind, b, true) === null) : [];
  const problem = kind && body ? decidingBodyProblem(kind, body, !!authorisation?.trim()) : null;

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const m = await create.mutateAsync({
        villageId: user.region.id,
        title: v.title,
        description: v.description ?? '',
        kind: v.kind,
        decidingBody: v.decidingBody,
        authorisation: v.decidingBody === 'representatives_meeting' ? v.authorisation : undefined,
        idempotencyKey: key,
      });
      onCreated(m.id);
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Modal
      open
      title={t('create')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('form.submit')}
      okButtonProps={{ ...buttonTestId('matter-create-ok'), disabled: !kind || !body || !!problem }}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="matter-create-dialog"
    >
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('form.title')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input data-testid="matter-title" />
        </Form.Item>
        <Form.Item name="kind" label={t('form.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="matter-kind"
            options={MATTER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            onChange={(k: MatterKind) => form.setFieldValue('decidingBody', MATTER_KIND_RULES[k].body)}
          />
        </Form.Item>
        {rule && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="matter-law"
            title={t('form.lawBody', { body: t(`bodyNames.${rule.body}`) })}
            description={
              <>
                {rule.delegable && <div>{t('form.delegable')}</div>}
                <Typography.Text type="secondary">{rule.source}</Typography.Text>
              </>
            }
          />
        )}
        <Form.Item name="decidingBody" label={t('form.decidingBody')} rules={[{ required: true }]}>
          <Select
            data-testid="matter-body"
            disabled={!kind}
            options={allowed.map((b) => ({ value: b, label: t(`bodyNames.${b}`) }))}
          />
        </Form.Item>
        {body === 'representatives_meeting' && (
          <Form.Item name="authorisation" label={t('form.authorisation')} extra={t('form.authorisationHint')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="matter-authorisation" />
          </Form.Item>
        )}
        {problem && (
          <Alert
            type="warning"
            showIcon
            title={t(`form.${problem}`)}
            data-testid="matter-problem"
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item name="description" label={t('form.description')}>
          <Input.TextArea rows={3} data-testid="matter-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
