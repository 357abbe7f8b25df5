import { useState } from 'react';
import { App, Button, Card, Collapse, Empty, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTICE_LIMITS, type PublicNotice } from '@gewu/domain';
import { formatTime } from '../../components/formatTime.ts';
import { Photos } from '../../features/attachments/Photos.tsx';
import { useAskInquiry, useMyNotices } from '../../features/notices/api.ts';
import { newKey } from '../../features/notices/bits.tsx';

/**
 * A resident's phone: their village's/community's published notices (current version, corrections,
 * answered questions), a 质询 form under each, and their own questions with the answers.
 */
export default function NoticesPage() {
  const { t } = useTranslation();
  const mine = useMyNotices();
  const d = mine.data;
  if (!d) return <div className="m-loading" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="m-notices">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {d.region.name}
      </Typography.Title>
      {d.publicPath && <a href={d.publicPath}>{t('notices.phone.publicPage')}</a>}
      {d.notices.length === 0 && <Empty description={t('notices.phone.empty')} />}
      {d.notices.map((n) => (
        <NoticeCard key={n.id} n={n} />
      ))}
      {d.mine.length > 0 && (
        <Card size="small" title={t('notices.phone.mine')}>
          {d.mine.map((q) => (
            <div key={q.id} style={{ marginBottom: 8 }} data-testid="m-my-inquiry">
              <div>
                {q.noticeTitle} · {formatTime(q.askedAt)}
              </div>
              <div>{t('notices.q', { text: q.question })}</div>
              <div>{q.answer ? t('notices.a', { text: q.answer }) : <Tag>{t('notices.phone.waiting')}</Tag>}</div>
            </div>
          ))}
        </Card>
      )}
    </Space>
  );
}

function NoticeCard({ n }: { n: PublicNotice }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ask = useAskInquiry();
  const [question, setQuestion] = useState('');
  const [key, setKey] = useState(newKey);
  return (
    <Card
      size="small"
      title={n.title}
      extra={<Tag color="volcano">{t(`notices.category.${n.category}`)}</Tag>}
      data-testid="m-notice"
    >
      <Typography.Text type="secondary">
        {t('notices.versionN', { n: n.version })} · {formatTime(n.publishedAt)}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{n.body}</Typography.Paragraph>
      {n.attachmentIds && <Photos ids={n.attachmentIds} size={72} testId="m-notice-photos" />}
      <Collapse
        size="small"
        items={[
          ...(n.history.length > 1
            ? [
                {
                  key: 'h',
                  label: t('notices.history'),
                  children: n.history.map((v) => (
                    <div key={v.id}>
                      {t('notices.versionN', { n: v.version })} · {t(`notices.state.${v.state}`)} · {v.title}
                      {v.reason && <div>{t('notices.reasonIs', { reason: v.reason })}</div>}
                    </div>
                  )),
                },
              ]
            : []),
          ...(n.inquiries.length
            ? [
                {
                  key: 'q',
                  label: t('notices.inquiries'),
                  children: n.inquiries.map((q, i) => (
                    <div key={i} style={{ marginBottom: 6 }}>
                      <div>{t('notices.q', { text: q.question })}</div>
                      <div>{t('notices.a', { text: q.answer })}</div>
                    </div>
                  )),
                },
              ]
            : []),
          {
            key: 'ask',
            label: t('notices.phone.ask'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea
                  rows={3}
                  value={question}
                  maxLength={NOTICE_LIMITS.questionMax}
                  onChange={(e) => setQuestion(e.target.value)}
                  placeholder={t('notices.phone.askPlaceholder')}
                  data-testid="m-inquiry-text"
                />
                <Button
                  type="primary"
                  block
                  loading={ask.isPending}
                  disabled={question.trim().length < NOTICE_LIMITS.questionMin}
                  onClick={() =>
                    ask.mutate(
                      { noticeId: n.id, question, idempotencyKey: key },
                      {
                        onSuccess: () => {
                          setQuestion('');
                          setKey(newKey());
                          void message.success(t('notices.phone.sent'));
                        },
                      },
                    )
                  }
                >
                  {t('notices.phone.send')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
