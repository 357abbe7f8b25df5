import { Alert, Form, InputNumber, Modal, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  SCREENING_MAX_GRACE_DAYS,
  SCREENING_PERIOD_KINDS,
  type ScreeningOverview,
  type ScreeningPeriodKind,
} from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { notifySuccess } from '../../app/notify.ts';
import { useSetSchedule } from './api.ts';

interface Values {
  periodKind: ScreeningPeriodKind;
  graceDays: number;
}

/** The township's screening period (每月/每旬/每周) and grace days; the change applies from the next period. */
export function ScheduleDialog({
  townshipId,
  schedule,
  onClose,
}: {
  townshipId: string;
  schedule: ScreeningOverview['schedule'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSetSchedule(townshipId);
  return (
    <Modal
      open
      title={t('screening.schedule.title')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() =>
        void form.validateFields().then((v) =>
          save.mutate(v, {
            onSuccess: (r) => {
              notifySuccess(t('screening.schedule.saved', { next: r.next?.label ?? '' }));
              onClose();
            },
          }),
        )
      }
      data-testid="screening-schedule-dialog"
    >
      <Typography.Paragraph type="secondary">
        {schedule.own ? t('screening.schedule.own') : t('screening.schedule.default', { source: schedule.source })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ periodKind: schedule.periodKind, graceDays: schedule.graceDays }}
      >
        <Form.Item name="periodKind" label={t('screening.schedule.kind')}>
          <Segmented<ScreeningPeriodKind>
            options={SCREENING_PERIOD_KINDS.map((k) => ({ value: k, label: t(`screening.periodKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="graceDays" label={t('screening.schedule.grace')}>
          <InputNumber min={0} max={SCREENING_MAX_GRACE_DAYS} precision={0} />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('screening.schedule.hint')} />
      {save.isError && isApiError(save.error) && <Alert type="error" showIcon title={save.error.message} />}
    </Modal>
  );
}
