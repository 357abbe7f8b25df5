import { lazy, Suspense, useState } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, type ActivityKind } from '@gewu/domain';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { formatTime } from '../../components/formatTime.ts';
import { buttonTestId } from '../../components/testId.ts';
import { type ActivityView, type SignupView, usePublishActivity, useActivities, useSignups } from './api.ts';
import { RegionField, useRegionChoices } from './regions.tsx';
import { hours } from './VolunteersPage.tsx';
import { NS } from './i18n.ts';

const LocationPicker = lazy(() => import('../cases/LocationPicker.tsx'));

interface Values {
  kind: ActivityKind;
  title: string;
  regionId: string;
  placeName: string;
  lon?: number;
  lat?: number;
  time: [Dayjs, Dayjs];
  capacity: number;
}

/** 发布活动: what, where (a name or address, and the point: on the map or typed), when, how many. */
function PublishDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const { choices } = useRegionChoices();
  const publish = usePublishActivity();
  const [form] = Form.useForm<Values>();
  const lon = Form.useWatch('lon', form);
  const lat = Form.useWatch('lat', form);
  // The publisher's id: a retry of the same dialog is the same activity (the server answers it again).
  const [id] = useState(() => crypto.randomUUID());

  const submit = async (v: Values) => {
    try {
      await publish.mutateAsync({
        id,
        kind: v.kind,
        title: v.title.trim(),
        regionId: v.regionId,
        placeName: v.placeName.trim(),
        lon: v.lon as number,
        lat: v.lat as number,
        startsAt: v.time[0].toISOString(),
        endsAt: v.time[1].toISOString(),
        capacity: v.capacity,
      });
      notifySuccess(t('activities.published'));
      onClose();
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('activities.publish')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('activities.publish')}
      cancelText={t('cancel')}
      confirmLoading={publish.isPending}
      okButtonProps={buttonTestId('activity-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'volunteer_event', regionId: user.region.id, capacity: 20 }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label={t('activities.kind')} rules={[{ required: true }]}>
              <Select
                options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKinds.${k}`) }))}
                data-testid="activity-kind"
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="title"
              label={t('activities.titleLabel')}
              rules={[{ required: true, whitespace: true, message: t('activities.titleRule') }]}
            >
              <Input maxLength={100} data-testid="activity-title" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="regionId" label={t('regionLabel')} rules={[{ required: true }]}>
              <RegionField choices={choices} testId="activity-region" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="placeName"
              label={t('activities.placeName')}
              rules={[{ required: true, whitespace: true, message: t('activities.placeRule') }]}
            >
              <Input maxLength={100} data-testid="activity-place" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('activities.pinHint')}</Typography.Text>
        <Suspense fallback={<Spin />}>
          <LocationPicker
            height={220}
            value={lon != null && lat != null ? { lon, lat } : undefined}
            onChange={(p) => form.setFieldsValue(p)}
          />
        </Suspense>
        <Row gutter={12} style={{ marginTop: 12 }}>
          <Col span={12}>
            <Form.Item
              name="lon"
              label={t('activities.lon')}
              rules={[{ required: true, message: t('activities.pinRule') }]}
            >
              <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} data-testid="activity-lon" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="lat"
              label={t('activities.lat')}
              rules={[{ required: true, message: t('activities.pinRule') }]}
            >
              <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} data-testid="activity-lat" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item
              name="time"
              label={t('activities.time')}
              rules={[{ required: true, message: t('activities.timeRule') }]}
            >
              <DatePicker.RangePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                placeholder={[t('activities.startsAt'), t('activities.endsAt')]}
                style={{ width: '100%' }}
                data-testid="activity-time"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="capacity" label={t('activities.capacity')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} data-testid="activity-capacity" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** One activity's sign-ups: who, check-in time and distance, check-out, minutes. */
function Signups({ activity }: { activity: ActivityView }) {
  const { t } = useTranslation(NS);
  const signups = useSignups(activity.id);
  return (
    <Table<SignupView>
      scroll={{ x: 'max-content' }}
      rowKey="volunteerId"
      size="small"
      loading={signups.isPending}
      dataSource={signups.data ?? []}
      pagination={false}
      locale={{ emptyText: t('activities.noSignups') }}
      data-testid={`signups-${activity.id}`}
      footer={(rows) =>
        rows.length
          ? t('activities.totals', {
              checkedIn: rows.filter((r) => r.checkedInAt).length,
              hours: hours(rows.reduce((n, r) => n + r.minutes, 0)),
            })
          : null
      }
      columns={[
        { title: t('activities.volunteer'), dataIndex: 'name' },
        { title: t('activities.signedUpAt'), dataIndex: 'signedUpAt', render: formatTime },
        { title: t('activities.checkedInAt'), dataIndex: 'checkedInAt', render: formatTime },
        {
          title: t('activities.distance'),
          dataIndex: 'checkInDistanceM',
          render: (n: number | null) => (n == null ? '—' : t('activities.metres', { n })),
        },
        { title: t('activities.checkedOutAt'), dataIndex: 'checkedOutAt', render: formatTime },
        { title: t('activities.minutes'), dataIndex: 'minutes', align: 'right' },
      ]}
    />
  );
}

function Phase({ a, now }: { a: ActivityView; now: number }) {
  const { t } = useTranslation(NS);
  if (Date.parse(a.endsAt) <= now) return <Tag>{t('activities.ended')}</Tag>;
  if (Date.parse(a.startsAt) <= now) return <Tag color="green">{t('activities.ongoing')}</Tag>;
  return <Tag color="blue">{t('activities.upcoming')}</Tag>;
}

/** 巡防与志愿活动: the area's activities (and those ended in the last 30 days), their sign-ups and hours. */
export function ActivitiesPage() {
  const { t } = useTranslation(NS);
  const can = useCan();
  const activities = useActivities();
  const { nameOf } = useRegionChoices();
  const [publishing, setPublishing] = useState(false);
  const [now] = useState(() => Date.now());

  return (
    <Card
      title={t('activities.title')}
      extra={
        can('forces.manage') && (
          <Button type="primary" onClick={() => setPublishing(true)} data-testid="activity-new">
            {t('activities.publish')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('activities.hint')}</Typography.Paragraph>
      <Table<ActivityView>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        loading={activities.isPending}
        dataSource={activities.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('none') }}
        expandable={{ expandedRowRender: (a) => <Signups activity={a} /> }}
        data-testid="activities-table"
        columns={[
          { title: t('activities.titleLabel'), dataIndex: 'title' },
          { title: t('activities.kind'), dataIndex: 'kind', render: (k: ActivityKind) => t(`activityKinds.${k}`) },
          {
            title: t('activities.place'),
            key: 'place',
            render: (_, a) => (
              <>
                {a.placeName}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {nameOf(a.regionPath)} · {a.lon.toFixed(5)}, {a.lat.toFixed(5)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('activities.time'),
            key: 'time',
            render: (_, a) => (
              <>
                {formatTime(a.startsAt)} – {formatTime(a.endsAt)} <Phase a={a} now={now} />
              </>
            ),
          },
          {
            title: t('activities.signedUp'),
            key: 'signedUp',
            align: 'right',
            render: (_, a) => `${a.signedUp} / ${a.capacity}`,
          },
        ]}
      />
      {publishing && <PublishDialog onClose={() => setPublishing(false)} />}
    </Card>
  );
}
