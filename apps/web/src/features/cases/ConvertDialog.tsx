import { Alert, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, DisputeTypeView } from '@gewu/domain';
import { api } from '../../app/api.ts';
import { notifySuccess } from '../../app/notify.ts';
import { CASES_KEY } from './api.ts';

interface Values {
  typeCode: string;
  summary: string;
  risk: 'general' | 'serious';
  civilToCriminal: boolean;
  partyA?: string;
  partyB?: string;
  note: string;
}

/**
 * 转矛盾纠纷: registers the case as a dispute (source “案件转纠纷”) with its type, summary, risk and the
 * parties' names; the server ends the case as “已转矛盾纠纷” in the same step (CASE_LIFE.convert_to_dispute).
 */
export function ConvertDialog({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const types = useQuery({
    queryKey: ['dispute-types'],
    queryFn: async () => (await api.get<{ items: DisputeTypeView[] }>('/api/dispute-types')).items,
  });
  const convert = useMutation({
    mutationFn: (v: Values) =>
      api.post<{ id: string; code: string }>('/api/disputes', {
        typeCode: v.typeCode,
        summary: v.summary,
        source: 'case_conversion',
        caseId: detail.id,
        note: v.note,
        risk: v.risk,
        civilToCriminal: v.civilToCriminal,
        parties: [
          ...(v.partyA?.trim() ? [{ kind: 'person', side: 'a', name: v.partyA.trim() }] : []),
          ...(v.partyB?.trim() ? [{ kind: 'person', side: 'b', name: v.partyB.trim() }] : []),
        ],
      }),
    onSuccess: (d) => {
      notifySuccess(t('cases.convert.done', { code: d.code }));
      void qc.invalidateQueries({ queryKey: CASES_KEY });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('cases.convert.title')}
      onCancel={onClose}
      okText={t('cases.convert.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={convert.isPending}
      onOk={() => void form.validateFields().then((v) => convert.mutate(v))}
      data-testid="case-convert-dialog"
    >
      <Typography.Paragraph type="secondary">{t('cases.convert.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ summary: detail.description, risk: 'general', civilToCriminal: false }}
      >
        <Form.Item name="typeCode" label={t('cases.convert.type')} rules={[{ required: true }]}>
          <Select
            loading={types.isPending}
            options={(types.data ?? []).filter((x) => x.active).map((x) => ({ value: x.code, label: x.name }))}
            data-testid="case-convert-type"
          />
        </Form.Item>
        <Form.Item name="summary" label={t('cases.convert.summary')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="risk" label={t('cases.convert.risk')} extra={t('cases.convert.majorHint')}>
          <Select
            options={(['general', 'serious'] as const).map((r) => ({ value: r, label: t(`cases.convert.risks.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="civilToCriminal" label={t('cases.convert.civilToCriminal')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="partyA" label={t('cases.convert.partyA')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="partyB" label={t('cases.convert.partyB')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('cases.convert.note')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="case-convert-note" />
        </Form.Item>
      </Form>
      {convert.isError && <Alert type="error" showIcon title={convert.error.message} />}
    </Modal>
  );
}
