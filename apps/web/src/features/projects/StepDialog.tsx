import { useState } from 'react';
import { DatePicker, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  MICRO_PROJECT_BUDGET_CAP_FEN,
  MICRO_PROJECT_LIMITS,
  PUBLICATION_TERMS,
  fenOfYuan,
  yuanOfFen,
} from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { PhotoUpload } from '../attachments/PhotoUpload.tsx';
import { type ProjectView, useProjectStep } from './api.ts';
import { NS } from './i18n.ts';

export type DialogStep = 'reject' | 'implement' | 'complete' | 'publish';

interface Values {
  reason?: string;
  implementer?: string;
  budget?: string;
  dueOn?: Dayjs;
  acceptanceNote?: string;
  actualCost?: string;
  noticeEndsOn?: Dayjs;
}

/** The form of a cadre's step that needs input: not shortlisted (reason), implement, accept, publish. */
export function StepDialog({
  project,
  step,
  onClose,
}: {
  project: ProjectView;
  step: DialogStep;
  onClose: () => void;
}) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<Values>();
  const run = useProjectStep();
  const [before, setBefore] = useState<string[]>([]);
  const [after, setAfter] = useState<string[]>([]);
  const cap = yuanOfFen(MICRO_PROJECT_BUDGET_CAP_FEN);
  const amount = (max: number | null) => ({
    validator: (_: unknown, v?: string) => {
      const fen = v ? fenOfYuan(v) : null;
      if (fen === null) return Promise.reject(new Error(t('amountInvalid')));
      if (max !== null && fen > max) return Promise.reject(new Error(t('overCap', { cap })));
      return Promise.resolve();
    },
  });

  const submit = async (v: Values) => {
    const id = project.id;
    try {
      if (step === 'reject') await run.mutateAsync({ id, step, body: { reason: v.reason ?? '' } });
      if (step === 'implement')
        await run.mutateAsync({
          id,
          step,
          body: {
            implementer: v.implementer ?? '',
            budgetFen: fenOfYuan(v.budget ?? '') ?? 0,
            dueOn: (v.dueOn ?? dayjs()).format('YYYY-MM-DD'),
          },
        });
      if (step === 'complete')
        await run.mutateAsync({
          id,
          step,
          body: {
            acceptanceNote: v.acceptanceNote ?? '',
            actualCostFen: fenOfYuan(v.actualCost ?? '') ?? 0,
            beforePhotoIds: before,
            afterPhotoIds: after,
          },
        });
      if (step === 'publish')
        await run.mutateAsync({ id, step, body: { noticeEndsOn: (v.noticeEndsOn ?? dayjs()).format('YYYY-MM-DD') } });
      notifySuccess(t('saved'));
      onClose();
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Modal
      open
      title={t(`${step}Title`, { title: project.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={buttonTestId(`step-${step}-submit`)}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          budget: yuanOfFen(project.estimatedCostFen),
          dueOn: dayjs().add(30, 'day'),
          actualCost: project.budgetFen != null ? yuanOfFen(project.budgetFen) : undefined,
          noticeEndsOn: dayjs().add(PUBLICATION_TERMS.minimumNoticeDays, 'day'),
        }}
        data-testid={`step-${step}-form`}
      >
        {step === 'reject' && (
          <Form.Item
            name="reason"
            label={t('rejectReasonLabel')}
            rules={[{ required: true, whitespace: true, max: MICRO_PROJECT_LIMITS.reasonMax }]}
          >
            <Input.TextArea rows={3} data-testid="step-reason" />
          </Form.Item>
        )}
        {step === 'implement' && (
          <>
            <Form.Item
              name="implementer"
              label={t('implementer')}
              rules={[{ required: true, whitespace: true, max: MICRO_PROJECT_LIMITS.placeMax }]}
            >
              <Input data-testid="step-implementer" />
            </Form.Item>
            <Form.Item name="budget" label={t('budget')} rules={[amount(MICRO_PROJECT_BUDGET_CAP_FEN)]}>
              <Input inputMode="decimal" data-testid="step-budget" />
            </Form.Item>
            <Form.Item name="dueOn" label={t('dueOn')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="step-due" />
            </Form.Item>
          </>
        )}
        {step === 'complete' && (
          <>
            <Form.Item
              name="acceptanceNote"
              label={t('acceptanceNote')}
              rules={[{ required: true, whitespace: true, max: MICRO_PROJECT_LIMITS.textMax }]}
            >
              <Input.TextArea rows={3} data-testid="step-acceptance" />
            </Form.Item>
            <Form.Item name="actualCost" label={t('actualCost')} rules={[amount(null)]}>
              <Input inputMode="decimal" data-testid="step-actual-cost" />
            </Form.Item>
            <Form.Item label={t('beforePhotos')}>
              <PhotoUpload max={MICRO_PROJECT_LIMITS.photosMax} onChange={setBefore} testId="step-before-photos" />
            </Form.Item>
            <Form.Item label={t('afterPhotos')}>
              <PhotoUpload max={MICRO_PROJECT_LIMITS.photosMax} onChange={setAfter} testId="step-after-photos" />
            </Form.Item>
          </>
        )}
        {step === 'publish' && (
          <Form.Item
            name="noticeEndsOn"
            label={t('noticeEndsOn', { days: PUBLICATION_TERMS.minimumNoticeDays })}
            rules={[{ required: true }]}
          >
            <DatePicker
              disabledDate={(d) => d.isBefore(dayjs().add(PUBLICATION_TERMS.minimumNoticeDays - 1, 'day'), 'day')}
              data-testid="step-notice-ends"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
