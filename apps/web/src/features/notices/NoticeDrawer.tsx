import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Empty, Input, List, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/formatTime.ts';
import { Photos } from '../attachments/Photos.tsx';
import { useAnswerInquiry, useNoticeDetail } from './api.ts';
import { CategoryTag, LightTag } from './bits.tsx';

/** One notice: its current text, its versions (更正记录) and its questions (质询) with the answer box. */
export function NoticeDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useNoticeDetail(id);
  const n = detail.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={640} title={n?.title} data-testid="notice-drawer">
      {n && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('notices.field.category')}>
              <CategoryTag category={n.category} />
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.field.version')}>{n.version}</Descriptions.Item>
            <Descriptions.Item label={t('notices.field.state')}>{t(`notices.state.${n.state}`)}</Descriptions.Item>
            <Descriptions.Item label={t('notices.field.publishedAt')}>{formatTime(n.publishedAt)}</Descriptions.Item>
            {n.periodFrom && (
              <Descriptions.Item label={t('notices.field.period')}>
                {n.periodFrom} ~ {n.periodTo}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Paragraph>
          <Photos ids={n.attachmentIds} size={96} testId="notice-photos-shown" />
          <div>
            <Typography.Title level={5}>{t('notices.history')}</Typography.Title>
            <Timeline
              data-testid="notice-history"
              items={n.history.map((v) => ({
                color: v.state === 'published' ? 'green' : 'gray',
                children: (
                  <div>
                    <b>{t('notices.versionN', { n: v.version })}</b> {formatTime(v.publishedAt)} ·{' '}
                    {t(`notices.state.${v.state}`)}
                    {v.reason && <div>{t('notices.reasonIs', { reason: v.reason })}</div>}
                    <div>{v.title}</div>
                  </div>
                ),
              }))}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('notices.inquiries')}</Typography.Title>
            {n.inquiries.length ? (
              <List
                dataSource={n.inquiries}
                renderItem={(q) => (
                  <List.Item>
                    <InquiryItem q={q} />
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </div>
        </Space>
      )}
    </Drawer>
  );
}

type Q = {
  id: string;
  question: string;
  askedAt: string;
  answer: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  deadline: string;
  asker: string;
};

/** A question, with the answer box while it is open. */
export function InquiryItem({ q }: { q: Q }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const answer = useAnswerInquiry();
  const [text, setText] = useState('');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="inquiry-item">
      <div>
        {q.light && <LightTag light={q.light}>{t('notices.answerBy', { at: formatTime(q.deadline) })}</LightTag>}
        <Typography.Text type="secondary">
          {q.asker} · {formatTime(q.askedAt)}
        </Typography.Text>
      </div>
      <div>{t('notices.q', { text: q.question })}</div>
      {q.answer ? (
        <div>{t('notices.a', { text: q.answer })}</div>
      ) : (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('notices.answerPlaceholder')}
            data-testid="inquiry-answer"
          />
          <Button
            type="primary"
            loading={answer.isPending}
            disabled={text.trim().length < 2}
            onClick={() =>
              answer.mutate(
                { id: q.id, answer: text },
                { onSuccess: () => void message.success(t('notices.answered')) },
              )
            }
          >
            {t('notices.answer')}
          </Button>
        </Space.Compact>
      )}
    </Space>
  );
}
