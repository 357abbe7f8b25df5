import { useState } from 'react';
import { Button, Empty, Form, Input, Modal, Radio, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseSummary } from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { notifyError } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { findCaseByCode, useDuplicates } from './api.ts';
import { formatTime } from '../../components/formatTime.ts';
import { LightDot } from './bits.tsx';
import { StateTag } from './StateTag.tsx';
import { useRunAction } from './useRunAction.ts';

interface Values {
  targetCaseId?: string;
  note?: string;
}

/** 并案: pick the case this one duplicates from the suggestions (same item, 50 m, 7 days) or by its number. */
export function MergeDialog({
  detail,
  onClose,
  initialTargetId,
}: {
  detail: CaseDetail;
  onClose: () => void;
  /** Preselected target (the case page's duplicates panel opens the dialog on one). */
  initialTargetId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const duplicates = useDuplicates(detail.id, true);
  const [found, setFound] = useState<CaseSummary | null>(null);
  const [searching, setSearching] = useState(false);
  const [code, setCode] = useState('');
  const { run, pending } = useRunAction(detail, onClose);

  const candidates: (CaseSummary & { distanceM?: number })[] = [...(duplicates.data ?? [])];
  if (found && !candidates.some((c) => c.id === found.id)) candidates.unshift(found);

  const lookup = async (value: string) => {
    const trimmed = value.trim();
    if (!trimmed) return;
    setSearching(true);
    try {
      const c = await findCaseByCode(trimmed);
      if (!c || c.id === detail.id) {
        notifyError(new Error(t('cases.merge.notFound')));
        return;
      }
      setFound(c);
      form.setFieldValue('targetCaseId', c.id);
    } catch (err) {
      if (isApiError(err)) notifyError(err);
    } finally {
      setSearching(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('cases.dialog.title', { action: t('cases.actions.merge'), code: detail.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cases.actions.merge')}
      okButtonProps={buttonTestId('case-dialog-ok')}
      confirmLoading={pending}
      destroyOnHidden
      data-testid="case-dialog-merge"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialTargetId ? { targetCaseId: initialTargetId } : undefined}
        onFinish={(v) => run('merge', { targetCaseId: v.targetCaseId, note: v.note?.trim() || undefined })}
      >
        <Typography.Paragraph type="secondary">{t('cases.merge.suggestions')}</Typography.Paragraph>
        {duplicates.isPending && <Spin style={{ display: 'block', marginBottom: 16 }} />}
        {!duplicates.isPending && candidates.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.merge.none')} />
        )}
        <Form.Item name="targetCaseId" rules={[{ required: true, message: t('cases.merge.targetRequired') }]}>
          <Radio.Group style={{ width: '100%' }} data-testid="merge-candidates">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {candidates.map((c) => (
                <Radio key={c.id} value={c.id} data-testid={`merge-target-${c.code}`}>
                  <Space wrap size={8}>
                    <Typography.Text strong>{c.code}</Typography.Text>
                    <StateTag state={c.state} />
                    <LightDot light={c.light} />
                    <span>{c.itemName}</span>
                    {c.distanceM !== undefined && (
                      <Typography.Text type="secondary">
                        {t('cases.merge.distance', { m: c.distanceM })}
                      </Typography.Text>
                    )}
                    <Typography.Text type="secondary">{formatTime(c.reportedAt)}</Typography.Text>
                  </Space>
                  <div>
                    <Typography.Text type="secondary" ellipsis={{ tooltip: c.description }} style={{ maxWidth: 560 }}>
                      {c.description}
                    </Typography.Text>
                  </div>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('cases.merge.byCode')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onPressEnter={(e) => {
                e.preventDefault();
                void lookup(code);
              }}
              maxLength={30}
              data-testid="merge-code"
            />
            <Button loading={searching} onClick={() => void lookup(code)} data-testid="merge-find">
              {t('cases.merge.find')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('cases.dialog.note')}
          rules={[{ required: true, whitespace: true, message: t('cases.merge.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="case-dialog-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
