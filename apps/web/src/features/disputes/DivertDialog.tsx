import { Alert, Empty, Form, Input, Modal, Radio, Select, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISPUTE_LIMITS, DIVERSION_PATHS, type DisputeDetail, type DiversionPath } from '@gewu/domain';
import { buttonTestId } from '../../components/testId.ts';
import { useProposal } from './api.ts';
import { useRunDisputeAction } from './useRunDisputeAction.ts';

interface Values {
  path: DiversionPath;
  organisationId?: string;
  note?: string;
}

/**
 * 分类流转: the path (和解, 人民调解 …, the simplest first) and the organisation, from the server's
 * proposal — organisations that suit the path and the dispute's type and area, the dispute's own tier
 * first, each with its mediators and the disputes they hold now. A higher tier needs a reason.
 */
export function DivertDialog({ detail, onClose }: { detail: DisputeDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const path = Form.useWatch('path', form) ?? 'people_mediation';
  const chosen = Form.useWatch('organisationId', form);
  const proposal = useProposal(detail.id, path);
  const { run, pending } = useRunDisputeAction(detail, onClose);
  const orgs = proposal.data?.organisations ?? [];
  const above = orgs.find((o) => o.id === chosen)?.atTier === false;

  return (
    <Modal
      open
      width={760}
      title={t('disputes.dialog.title', { action: t('disputes.actions.divert'), code: detail.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('disputes.actions.divert')}
      okButtonProps={buttonTestId('dispute-dialog-ok')}
      confirmLoading={pending}
      destroyOnHidden
      data-testid="dispute-dialog-divert"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ path: 'people_mediation' }}
        onValuesChange={(changed: Partial<Values>) => changed.path && form.setFieldValue('organisationId', undefined)}
        onFinish={(v) =>
          run('divert', { path: v.path, organisationId: v.organisationId, note: v.note?.trim() || undefined })
        }
      >
        <Form.Item name="path" label={t('disputes.fields.path')} extra={t('disputes.divert.pathHint')}>
          <Select<DiversionPath>
            options={DIVERSION_PATHS.map((p) => ({ value: p, label: t(`disputes.paths.${p}`) }))}
            data-testid="dispute-dialog-path"
          />
        </Form.Item>
        <Form.Item
          name="organisationId"
          label={t('disputes.divert.organisation', {
            tier: proposal.data ? t(`disputes.tiers.${proposal.data.tier}`) : '',
          })}
          rules={[{ required: true, message: t('disputes.divert.organisationRequired') }]}
        >
          {proposal.isPending ? (
            <Spin />
          ) : orgs.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disputes.divert.none')} />
          ) : (
            <Radio.Group style={{ width: '100%' }} data-testid="dispute-dialog-organisations">
              <Space orientation="vertical" style={{ width: '100%' }}>
                {orgs.map((o) => (
                  <div key={o.id} data-testid={`dispute-org-${o.name}`}>
                    <Radio value={o.id}>
                      <Space size={6} wrap>
                        <Typography.Text strong>{o.name}</Typography.Text>
                        <Tag color={o.atTier ? 'green' : 'default'}>{t(`disputes.tiers.${o.tier}`)}</Tag>
                        {o.handlesType ? (
                          <Tag color="blue">{t('disputes.divert.forType')}</Tag>
                        ) : (
                          o.typeCodes.length === 0 && <Tag>{t('disputes.divert.allTypes')}</Tag>
                        )}
                        <Typography.Text type="secondary">
                          {t('disputes.divert.orgLoad', { n: o.openLoad })}
                        </Typography.Text>
                      </Space>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {o.mediators.length
                            ? o.mediators
                                .map((m) => t('disputes.divert.mediatorLoad', { name: m.name, n: m.openLoad }))
                                .join('，')
                            : t('disputes.divert.noMediators')}
                        </Typography.Text>
                      </div>
                    </Radio>
                  </div>
                ))}
              </Space>
            </Radio.Group>
          )}
        </Form.Item>
        {above && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('disputes.divert.aboveTier')} />}
        <Form.Item
          name="note"
          label={above ? t('disputes.divert.reason') : t('disputes.dialog.noteOptional')}
          rules={above ? [{ required: true, whitespace: true, message: t('disputes.divert.reasonRequired') }] : []}
        >
          <Input.TextArea rows={2} maxLength={DISPUTE_LIMITS.noteMax} data-testid="dispute-dialog-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
