import { Button, Descriptions, Drawer, Grid, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../components/formatTime.ts';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { useCan } from '../../app/session.ts';
import { Photos } from '../attachments/Photos.tsx';
import { type InspectionView, useInspection, useMakeCase, usePreviousInspection } from './api.ts';
import { ResultTag } from './bits.tsx';
import { NS } from './i18n.ts';

type Answer = InspectionView['answers'][number];
const RESULT_COLOURS = { pass: 'success', fail: 'error', na: 'default' } as const;

function Result({ a, testId }: { a: Pick<Answer, 'result' | 'value'>; testId?: string }) {
  const { t } = useTranslation(NS);
  return (
    <Tag color={RESULT_COLOURS[a.result]} data-testid={testId} data-result={a.result}>
      {t(`results.${a.result}`)}
      {a.value !== null ? ` · ${a.value}` : ''}
    </Tag>
  );
}

/**
 * One inspection: each item's answer, photos and note, the place's previous result with the same
 * checklist beside it (复查), and the case each failed item became — or, for whoever may report a
 * case (the grid worker, the township centre), the button that makes it.
 */
export function InspectionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const can = useCan();
  const wide = Grid.useBreakpoint().md ?? true;
  const one = useInspection(id);
  const i = one.data;
  const { previous } = usePreviousInspection(i);
  const makeCase = useMakeCase();
  const mayMakeCase = can('case.report') && can('inspection.read');
  const before = new Map((previous?.answers ?? []).map((a) => [a.key, a]));

  const toCase = async (key: string) => {
    if (!i) return;
    try {
      const made = await makeCase.mutateAsync({ id: i.id, key });
      notifySuccess(t('caseMade', { code: made.caseCode }));
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={wide ? 960 : '100%'}
      title={i ? `${t('detail.title')} · ${i.placeName}` : t('detail.title')}
      data-testid="inspection-drawer"
    >
      {!i ? (
        <Spin />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={wide ? 2 : 1} layout={wide ? 'horizontal' : 'vertical'} bordered>
            <Descriptions.Item label={t('detail.place')}>
              {i.placeName} <Tag>{t(`kinds.${i.placeKind}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.placeType')}>{t(`placeTypes.${i.placeType}`)}</Descriptions.Item>
            <Descriptions.Item label={t('detail.template')}>
              {i.templateName}（{t('version', { version: i.templateVersion })}）
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.inspector')}>{i.inspectorName}</Descriptions.Item>
            <Descriptions.Item label={t('detail.performedAt')}>{formatTime(i.performedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('columns.result')}>
              <ResultTag failed={i.failedCount} />
            </Descriptions.Item>
            {i.note && (
              <Descriptions.Item label={t('detail.note')} span={2}>
                {i.note}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Text type="secondary" data-testid="inspection-previous">
            {previous ? t('detail.previousOn', { date: formatTime(previous.performedAt) }) : t('detail.noPrevious')}
          </Typography.Text>
          <Table<Answer>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={i.answers}
            scroll={{ x: 'max-content' }}
            data-testid="inspection-answers"
            columns={[
              {
                title: t('detail.item'),
                dataIndex: 'text',
                width: 280,
                render: (v: string) => <span style={{ whiteSpace: 'normal' }}>{v}</span>,
              },
              {
                title: t('detail.result'),
                dataIndex: 'result',
                render: (_, a) => <Result a={a} testId={`answer-${a.key}`} />,
              },
              { title: t('detail.itemNote'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
              {
                title: t('detail.photos'),
                dataIndex: 'photoIds',
                render: (ids: string[], a) => <Photos ids={ids} size={56} testId={`answer-photos-${a.key}`} />,
              },
              {
                title: t('detail.previous'),
                key: 'previous',
                render: (_, a) => {
                  const p = before.get(a.key);
                  return p ? <Result a={p} testId={`answer-previous-${a.key}`} /> : '—';
                },
              },
              {
                title: t('detail.case'),
                dataIndex: 'caseId',
                render: (caseId: string | null, a) =>
                  caseId ? (
                    <Link to={`/cases/${caseId}`} data-testid={`answer-case-${a.key}`}>
                      {a.caseCode}
                    </Link>
                  ) : a.result === 'fail' && mayMakeCase ? (
                    <Button
                      size="small"
                      type="primary"
                      danger
                      loading={makeCase.isPending && makeCase.variables?.key === a.key}
                      onClick={() => void toCase(a.key)}
                      data-testid={`answer-to-case-${a.key}`}
                    >
                      {t('toCase')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
