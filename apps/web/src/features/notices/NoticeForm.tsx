import { Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { NOTICE_CATEGORIES, NOTICE_LIMITS, type NoticeCategory } from '@gewu/domain';
import { PhotoUpload } from '../attachments/PhotoUpload.tsx';
import { Photos } from '../attachments/Photos.tsx';

export interface NoticeFormValues {
  category: NoticeCategory;
  title: string;
  body: string;
  periodFrom: string | null;
  periodTo: string | null;
  /** The photos (scanned statements, the board) uploaded with this version. */
  attachmentIds: string[];
  reason?: string;
}

interface Props {
  open: boolean;
  /** `supersede`: a correction of a published notice (its category fixed, a reason required). */
  mode: 'compose' | 'supersede';
  initial?: Partial<NoticeFormValues>;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: NoticeFormValues) => void;
}

type Raw = Omit<NoticeFormValues, 'periodFrom' | 'periodTo' | 'attachmentIds'> & {
  period?: [Dayjs, Dayjs] | null;
  photos?: string[];
  keepPhotos?: boolean;
};

/** Compose a draft, or write the corrected version of a published notice. */
export function NoticeForm({ open, mode, initial, busy, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Raw>();
  // A correction starts from the published version's photos; they stay unless unticked.
  const earlier = mode === 'supersede' ? (initial?.attachmentIds ?? []) : [];
  const period =
    initial?.periodFrom && initial.periodTo ? [dayjs(initial.periodFrom), dayjs(initial.periodTo)] : undefined;
  return (
    <Modal
      open={open}
      title={t(mode === 'compose' ? 'notices.compose' : 'notices.supersede')}
      okText={t(mode === 'compose' ? 'notices.saveDraft' : 'notices.publishCorrection')}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
      onOk={() => form.submit()}
      width={640}
    >
      <Form<Raw>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ category: 'village', ...initial, period, keepPhotos: true }}
        onFinish={(v) =>
          onSubmit({
            category: v.category,
            title: v.title,
            body: v.body,
            reason: v.reason,
            periodFrom: v.period?.[0]?.format('YYYY-MM-DD') ?? null,
            periodTo: v.period?.[1]?.format('YYYY-MM-DD') ?? null,
            attachmentIds: [...(v.keepPhotos ? earlier : []), ...(v.photos ?? [])].slice(
              0,
              NOTICE_LIMITS.attachmentsMax,
            ),
          })
        }
      >
        <Form.Item name="category" label={t('notices.field.category')} rules={[{ required: true }]}>
          <Select
            disabled={mode === 'supersede'}
            data-testid="notice-category"
            options={NOTICE_CATEGORIES.map((c) => ({ value: c, label: t(`notices.category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('notices.field.title')}
          rules={[{ required: true, min: NOTICE_LIMITS.titleMin, max: NOTICE_LIMITS.titleMax }]}
        >
          <Input data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="period" label={t('notices.field.period')}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="body" label={t('notices.field.body')} rules={[{ required: true, max: NOTICE_LIMITS.bodyMax }]}>
          <Input.TextArea rows={8} data-testid="notice-body" />
        </Form.Item>
        {earlier.length > 0 && (
          <Form.Item name="keepPhotos" valuePropName="checked" label={t('notices.field.earlierPhotos')}>
            <Checkbox data-testid="notice-keep-photos">
              <Photos ids={earlier} size={56} />
            </Checkbox>
          </Form.Item>
        )}
        <Form.Item name="photos" label={t('notices.field.photos')} extra={t('notices.photosHint')}>
          <PhotoUpload max={NOTICE_LIMITS.attachmentsMax - earlier.length} testId="notice-photos" />
        </Form.Item>
        {mode === 'supersede' && (
          <Form.Item
            name="reason"
            label={t('notices.field.reason')}
            rules={[{ required: true, min: NOTICE_LIMITS.reasonMin, max: NOTICE_LIMITS.reasonMax }]}
          >
            <Input data-testid="notice-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
