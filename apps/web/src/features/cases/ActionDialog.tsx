import { Alert, Checkbox, DatePicker, Form, Input, Modal, Radio, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  CASE_ACTION_LIMITS,
  RATINGS,
  UNCLASSIFIED_ITEM_CODE,
  type CaseAction,
  type CaseDetail,
  type Rating,
} from '@gewu/domain';
import { ItemSelect } from '../items/ItemSelect.tsx';
import { useItems } from '../items/api.ts';
import { buttonTestId } from '../../components/testId.ts';
import { actionForm, requestedUntil } from './actions.ts';
import { formatTime } from '../../components/formatTime.ts';
import { PhotoUpload } from '../attachments/PhotoUpload.tsx';
import { useRunAction, type ActionExtras } from './useRunAction.ts';

interface Values {
  note?: string;
  attachmentIds?: string[];
  until?: Dayjs;
  approved?: boolean;
  rating?: Rating;
  resolved?: boolean;
  listed?: boolean;
  rectifyBy?: Dayjs;
  conditionMet?: boolean;
  itemCode?: string;
}

/** The case as the dialog needs it: a list row (supervision board) will do, the detail adds the timeline. */
export type ActionTarget = Pick<CaseDetail, 'id' | 'code' | 'version' | 'stageDeadline'> & {
  itemCode?: string;
  events?: CaseDetail['events'];
  conditions?: CaseDetail['conditions'];
};

interface Props {
  detail: ActionTarget;
  action: CaseAction;
  onClose: () => void;
}

/** The dialog of any action but dispatch and merge: a note (required where the rules say so) and what the action needs. */
export function ActionDialog({ detail, action, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const spec = actionForm(action);
  const confirms = spec.confirms;
  const { run, pending } = useRunAction(detail, onClose);
  const listed = Form.useWatch('listed', form);
  const label = t(`cases.actions.${action}`);
  // 不确定/其他: the centre names the item as it accepts (the server refuses without one).
  const classify = action === 'accept' && detail.itemCode === UNCLASSIFIED_ITEM_CODE;
  // The filing condition to confirm is the chosen item's (the catalogue is the one ItemSelect already loaded).
  const items = useItems({}, classify);
  const chosenCode = Form.useWatch('itemCode', form);
  const chosen = classify ? items.data?.find((i) => i.code === chosenCode) : undefined;
  const asked = spec.decision && action === 'decide_extension' ? requestedUntil(detail.events ?? []) : null;

  const onFinish = (v: Values) => {
    const extras: ActionExtras = { note: v.note?.trim() || undefined };
    if (spec.photos) extras.attachmentIds = v.attachmentIds ?? [];
    if (spec.until && v.until) extras.until = v.until.toISOString();
    if (spec.decision) extras.approved = v.approved;
    if (spec.confirms) extras.conditionMet = v.conditionMet === true;
    if (classify && v.itemCode) extras.itemCode = v.itemCode;
    if (spec.rating && v.rating) {
      extras.rating = v.rating;
      extras.resolved = v.resolved ?? v.rating !== 'dissatisfied';
    }
    if (spec.supervise) {
      extras.listed = !!v.listed;
      if (v.listed && v.rectifyBy) extras.rectifyBy = v.rectifyBy.toISOString();
    }
    run(action, extras);
  };

  return (
    <Modal
      open
      title={t('cases.dialog.title', { action: label, code: detail.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={label}
      okButtonProps={{ ...buttonTestId('case-dialog-ok'), danger: spec.danger }}
      confirmLoading={pending}
      destroyOnHidden
      data-testid={`case-dialog-${action}`}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ resolved: true, listed: false }}
        // 不满意 usually means not fixed; the user may still say otherwise.
        onValuesChange={(changed: Values) =>
          changed.rating && form.setFieldValue('resolved', changed.rating !== 'dissatisfied')
        }
      >
        {asked && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('cases.dialog.requestedUntil', {
              until: formatTime(asked),
              current: formatTime(detail.stageDeadline),
            })}
          />
        )}
        {spec.decision && (
          <Form.Item
            name="approved"
            label={t('cases.dialog.decision')}
            rules={[{ required: true, message: t('cases.dialog.decisionRequired') }]}
          >
            <Radio.Group data-testid="case-dialog-decision">
              <Radio value={true} data-testid="case-dialog-approve">
                {t('cases.dialog.approve')}
              </Radio>
              <Radio value={false} data-testid="case-dialog-deny">
                {t('cases.dialog.deny')}
              </Radio>
            </Radio.Group>
          </Form.Item>
        )}
        {spec.until && (
          <>
            <Typography.Paragraph type="secondary">
              {t('cases.dialog.currentDeadline', { deadline: formatTime(detail.stageDeadline) })}
            </Typography.Paragraph>
            <Form.Item
              name="until"
              label={t('cases.dialog.until')}
              rules={[
                { required: true, message: t('cases.dialog.untilRequired') },
                {
                  validator: (_r, v: Dayjs | undefined) =>
                    !v || !detail.stageDeadline || v.isAfter(dayjs(detail.stageDeadline))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('cases.dialog.untilAfter'))),
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                needConfirm={false}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(d) => !!detail.stageDeadline && d.isBefore(dayjs(detail.stageDeadline), 'day')}
                data-testid="case-dialog-until"
              />
            </Form.Item>
          </>
        )}
        {spec.rating && (
          <>
            <Form.Item
              name="rating"
              label={t('cases.dialog.rating')}
              rules={spec.rating === 'required' ? [{ required: true, message: t('cases.dialog.ratingRequired') }] : []}
            >
              <Radio.Group data-testid="case-dialog-rating">
                {RATINGS.map((r) => (
                  <Radio.Button key={r} value={r}>
                    <span data-testid={`case-dialog-rating-${r}`}>{t(`cases.ratings.${r}`)}</span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="resolved" label={t('cases.fields.resolved')} valuePropName="checked">
              <Switch
                checkedChildren={t('cases.dialog.resolvedYes')}
                unCheckedChildren={t('cases.dialog.resolvedNo')}
                data-testid="case-dialog-resolved"
              />
            </Form.Item>
          </>
        )}
        {spec.supervise && (
          <>
            <Form.Item
              name="listed"
              label={t('cases.supervision.listed')}
              valuePropName="checked"
              extra={t('cases.dialog.listedHint')}
            >
              <Switch data-testid="case-dialog-listed" />
            </Form.Item>
            {listed && (
              <Form.Item
                name="rectifyBy"
                label={t('cases.fields.rectifyBy')}
                rules={[{ required: true, message: t('cases.dialog.rectifyByRequired') }]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  needConfirm={false}
                  format="YYYY-MM-DD HH:mm"
                  disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                  data-testid="case-dialog-rectify-by"
                />
              </Form.Item>
            )}
          </>
        )}
        {classify && (
          <Form.Item
            name="itemCode"
            label={t('cases.dialog.classify')}
            extra={t('cases.dialog.classifyHint')}
            rules={[{ required: true, message: t('cases.dialog.classifyRequired') }]}
          >
            <ItemSelect specificOnly testId="case-dialog-item" />
          </Form.Item>
        )}
        {confirms && (
          <>
            <Typography.Paragraph data-testid="case-dialog-condition-text">
              <Typography.Text strong>{t(`cases.items.${confirms}Condition`)}：</Typography.Text>
              {classify && confirms === 'filing'
                ? (chosen?.filingCondition ?? (
                    <Typography.Text type="secondary">{t('cases.dialog.classifyFirst')}</Typography.Text>
                  ))
                : (detail.conditions?.[confirms] ?? '—')}
            </Typography.Paragraph>
            <Form.Item
              name="conditionMet"
              valuePropName="checked"
              rules={[
                {
                  validator: (_, v) =>
                    v === true
                      ? Promise.resolve()
                      : Promise.reject(new Error(t(`cases.dialog.confirmRequired.${confirms}`))),
                },
              ]}
            >
              <Checkbox data-testid="case-dialog-condition">{t(`cases.dialog.confirm.${confirms}`)}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item
          name="note"
          label={spec.noteRequired ? t('cases.dialog.note') : t('cases.dialog.noteOptional')}
          rules={
            spec.noteRequired ? [{ required: true, whitespace: true, message: t('cases.dialog.noteRequired') }] : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="case-dialog-note" />
        </Form.Item>
        {spec.photos && (
          <Form.Item name="attachmentIds" label={t('cases.fields.photos')}>
            <PhotoUpload max={CASE_ACTION_LIMITS.photosMax} testId="case-dialog-photos" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
