import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
// Zod-free: the phone never loads the contracts (their types only).
import {
  MICRO_PROJECT_BUDGET_CAP_FEN,
  MICRO_PROJECT_CATEGORIES,
  MICRO_PROJECT_LIMITS,
  type MicroProjectCategory,
  type ProjectPage,
  type ProjectView,
  fenOfYuan,
  yuanOfFen,
} from '@gewu/domain';
import { api } from '../../app/api.ts';
import { notifyError } from '../../app/notify.ts';
import { useCurrentUser } from '../../app/session.ts';
import { formatTime } from '../../components/formatTime.ts';
import { StateTag } from '../../features/projects/bits.tsx';
import { NS } from '../../features/projects/i18n.ts';
import { MOBILE_KEY, attachmentThumb, uploadPhoto } from '../api.ts';
import { newKey } from '../offline/offlineQueue.ts';
import { PhotoPicker } from '../report/PhotoPicker.tsx';
import type { PhotoEntry } from '../report/form.ts';

const KEY = [...MOBILE_KEY, 'micro-projects'] as const;

interface Values {
  title: string;
  description: string;
  category: MicroProjectCategory;
  cost: string;
  place: string;
}

/**
 * 民生微实事 on a resident's phone: propose a small project for their own village or community, and
 * follow the community's projects — shortlisted, voted on, implemented — down to the published result.
 */
export default function ProjectsPage() {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const [proposing, setProposing] = useState(false);
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<ProjectPage>('/api/micro-projects', { pageSize: 100 }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="m-projects">
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {user.region.name}
        </Typography.Title>
        {!proposing && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="m-project-new">
            {t('phone.propose')}
          </Button>
        )}
      </div>
      {proposing && <ProposeForm onDone={() => setProposing(false)} />}
      {list.data && list.data.items.length === 0 && <Empty description={t('empty')} />}
      {list.data?.items.map((p) => (
        <ProjectCard key={p.id} p={p} />
      ))}
      {!list.data && <div className="m-loading" />}
    </Space>
  );
}

function ProposeForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<PhotoEntry[]>([]);
  const [key] = useState(newKey);
  const cap = yuanOfFen(MICRO_PROJECT_BUDGET_CAP_FEN);
  const propose = useMutation({
    mutationFn: async (v: Values) => {
      const photoIds: string[] = [];
      for (const p of photos) photoIds.push((await uploadPhoto(p.blob)).id);
      return api.post<ProjectView>('/api/micro-projects', {
        title: v.title,
        description: v.description,
        category: v.category,
        estimatedCostFen: fenOfYuan(v.cost) ?? 0,
        place: v.place,
        photoIds,
        idempotencyKey: key,
      });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  const submit = async (v: Values) => {
    try {
      await propose.mutateAsync(v);
      void message.success(t('phone.proposed'));
      onDone();
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Card size="small" title={t('phone.propose')} data-testid="m-project-form">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="title"
          label={t('columns.title')}
          rules={[{ required: true, whitespace: true, min: 2, max: MICRO_PROJECT_LIMITS.titleMax }]}
        >
          <Input data-testid="m-project-title" />
        </Form.Item>
        <Form.Item name="category" label={t('columns.category')} rules={[{ required: true }]}>
          <Select
            data-testid="m-project-category"
            options={MICRO_PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('description')}
          rules={[{ required: true, whitespace: true, max: MICRO_PROJECT_LIMITS.textMax }]}
        >
          <Input.TextArea rows={3} data-testid="m-project-description" />
        </Form.Item>
        <Form.Item
          name="cost"
          label={t('columns.cost')}
          extra={t('phone.capHint', { cap })}
          rules={[
            {
              validator: (_, v?: string) => {
                const fen = v ? fenOfYuan(v) : null;
                if (!fen) return Promise.reject(new Error(t('amountInvalid')));
                if (fen > MICRO_PROJECT_BUDGET_CAP_FEN) return Promise.reject(new Error(t('overCap', { cap })));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input inputMode="decimal" data-testid="m-project-cost" />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('place')}
          rules={[{ required: true, whitespace: true, max: MICRO_PROJECT_LIMITS.placeMax }]}
        >
          <Input data-testid="m-project-place" />
        </Form.Item>
        <Form.Item label={t('photos')}>
          <PhotoPicker
            photos={photos}
            max={MICRO_PROJECT_LIMITS.photosMax}
            onChange={setPhotos}
            testId="m-project-photos"
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="m-project-submit">
            {t('phone.submit')}
          </Button>
          <Button onClick={onDone} data-testid="m-project-cancel">
            {t('phone.cancel')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function ProjectCard({ p }: { p: ProjectView }) {
  const { t } = useTranslation(NS);
  const photos = [...p.photoIds, ...p.afterPhotoIds].slice(0, 4);
  return (
    <Card
      size="small"
      title={p.title}
      extra={<StateTag state={p.state} testId={`m-project-state-${p.id}`} />}
      data-testid={`m-project-${p.id}`}
    >
      <Space size={4} wrap>
        <Tag>{t(`categories.${p.category}`)}</Tag>
        <Typography.Text type="secondary">
          {t('phone.estimate', { amount: yuanOfFen(p.estimatedCostFen) })} ·{' '}
          {p.mine ? t('phone.mine') : p.proposerLabel} · {formatTime(p.createdAt)}
        </Typography.Text>
      </Space>
      <Typography.Paragraph style={{ margin: '8px 0' }}>{p.description}</Typography.Paragraph>
      <div>
        <Typography.Text type="secondary">
          {t('place')}：{p.place}
        </Typography.Text>
      </div>
      {p.rejectReason && <div>{t('phone.rejected', { reason: p.rejectReason })}</div>}
      {p.vote && (
        <div data-testid={`m-project-vote-${p.id}`}>
          {t('voteLine', {
            for: p.inFavour,
            against: p.against,
            abstain: p.abstaining,
            expected: p.vote.expected,
            present: p.vote.present,
          })}
        </div>
      )}
      {p.implementer && <div>{t('phone.implementing', { who: p.implementer, due: p.dueOn })}</div>}
      {p.acceptanceNote && (
        <div data-testid={`m-project-result-${p.id}`}>
          {t('phone.result', { note: p.acceptanceNote, cost: yuanOfFen(p.actualCostFen ?? 0) })}
        </div>
      )}
      {photos.length > 0 && (
        <Space size={4} style={{ display: 'flex', marginTop: 8 }}>
          {photos.map((id) => (
            <img
              key={id}
              src={attachmentThumb(id)}
              alt=""
              width={64}
              height={64}
              style={{ objectFit: 'cover', borderRadius: 4 }}
            />
          ))}
        </Space>
      )}
    </Card>
  );
}
