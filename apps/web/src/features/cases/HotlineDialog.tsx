import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Col, Form, Input, Modal, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { REPORT_LIMITS } from '@gewu/domain';
import { notifySuccess } from '../../app/notify.ts';
import { buttonTestId } from '../../components/testId.ts';
import { lookupGrid } from '../grids/api.ts';
import { useReportCase } from './api.ts';
import { ItemFields, fieldValues, type FieldValue } from '../items/ItemFields.tsx';
import { ItemSelect } from '../items/ItemSelect.tsx';
import type { ItemView } from '../items/api.ts';
import type { LonLat } from './LocationPicker.tsx';
import { PhotoUpload } from '../attachments/PhotoUpload.tsx';

const LocationPicker = lazy(() => import('./LocationPicker.tsx'));

interface Values {
  itemCode: string;
  description: string;
  address?: string;
  callerName?: string;
  callerPhone?: string;
  attachmentIds?: string[];
  fields?: Record<string, FieldValue>;
}

/** 热线登记: a caller's request typed in by the dispatcher; the idempotency key makes a double click harmless. */
export function HotlineDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [item, setItem] = useState<ItemView>();
  const [pin, setPin] = useState<LonLat>();
  const [pinGrid, setPinGrid] = useState<string | null | undefined>();
  const [showMap, setShowMap] = useState(false);
  // One key per opened form: a retry after a timeout returns the case already made.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const report = useReportCase();

  const pick = (at: LonLat) => {
    setPin(at);
    setPinGrid(undefined);
    lookupGrid(at.lon, at.lat)
      .then((r) => setPinGrid(r.grid?.name ?? null))
      .catch(() => setPinGrid(null));
  };

  const onFinish = (v: Values) =>
    report.mutate(
      {
        itemCode: v.itemCode,
        description: v.description.trim(),
        address: v.address?.trim() || undefined,
        caller:
          v.callerName?.trim() || v.callerPhone?.trim()
            ? { name: v.callerName?.trim() || undefined, phone: v.callerPhone?.trim() || undefined }
            : undefined,
        location: pin ? { ...pin, crs: 'WGS84' } : undefined,
        attachmentIds: v.attachmentIds ?? [],
        fields: fieldValues(item?.fields ?? [], v.fields),
        idempotencyKey,
      },
      {
        onSuccess: (r) => {
          notifySuccess(t(r.created ? 'cases.hotline.created' : 'cases.hotline.existing', { code: r.code }));
          onClose();
          navigate(`/cases/${r.id}`);
        },
      },
    );

  return (
    <Modal
      open
      width={760}
      title={t('cases.hotline.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('cases.hotline.submit')}
      confirmLoading={report.isPending}
      okButtonProps={buttonTestId('hotline-submit')}
      destroyOnHidden
      data-testid="hotline-dialog"
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="hotline-form">
        <Form.Item
          name="itemCode"
          label={t('cases.hotline.item')}
          rules={[{ required: true, message: t('cases.hotline.itemRequired') }]}
        >
          <ItemSelect
            placeholder={t('cases.hotline.itemPlaceholder')}
            onChange={(_code, it) => setItem(it)}
            testId="hotline-item"
          />
        </Form.Item>
        {item && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }} data-testid="hotline-item-hint">
            {t('cases.hotline.itemHint', {
              department: t(`cases.departments.${item.departmentKind}`),
              condition: item.filingCondition,
            })}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="description"
          label={t('cases.fields.description')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('cases.hotline.descriptionRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount data-testid="hotline-description" />
        </Form.Item>
        {item && item.fields.length > 0 && <ItemFields fields={item.fields} />}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="callerName" label={t('cases.hotline.callerName')}>
              <Input maxLength={50} data-testid="hotline-caller-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="callerPhone"
              label={t('cases.hotline.callerPhone')}
              rules={[{ pattern: /^[0-9+\-\s]{5,20}$/, message: t('cases.hotline.phoneInvalid') }]}
            >
              <Input maxLength={20} data-testid="hotline-caller-phone" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="address" label={t('cases.fields.address')}>
              <Input maxLength={200} data-testid="hotline-address" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('cases.hotline.location')} extra={!pin && t('cases.hotline.locationHint')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Button onClick={() => setShowMap((s) => !s)} data-testid="hotline-toggle-map">
                {showMap ? t('cases.hotline.hideMap') : t('cases.hotline.showMap')}
              </Button>
              {pin && (
                <>
                  <Typography.Text data-testid="hotline-pin">
                    {pin.lon.toFixed(6)}, {pin.lat.toFixed(6)}
                  </Typography.Text>
                  {pinGrid !== undefined && (
                    <Typography.Text type={pinGrid ? 'secondary' : 'danger'}>
                      {pinGrid ? t('cases.hotline.inGrid', { name: pinGrid }) : t('cases.hotline.outside')}
                    </Typography.Text>
                  )}
                  <Button size="small" type="link" onClick={() => setPin(undefined)} data-testid="hotline-clear-pin">
                    {t('cases.hotline.clearPin')}
                  </Button>
                </>
              )}
            </Space>
            {showMap && (
              <Suspense fallback={<Spin />}>
                <LocationPicker value={pin} onChange={pick} />
              </Suspense>
            )}
          </Space>
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('cases.fields.photos')}>
          <PhotoUpload max={REPORT_LIMITS.photosMax} testId="hotline-photos" />
        </Form.Item>
        {!pin && <Alert type="info" showIcon title={t('cases.hotline.noPinNote')} />}
      </Form>
    </Modal>
  );
}
