import { useState } from 'react';
import { Button, Card, InputNumber, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  VISIT_INTERVALS_LEVEL,
  VISIT_PLAN_KINDS,
  VISIT_RISK_LEVELS,
  type VisitIntervalsBody,
  type VisitPlanKind,
} from '@gewu/domain';
import { isApiError } from '../../app/api.ts';
import { notifyError, notifySuccess } from '../../app/notify.ts';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { useIntervals, usePutIntervals } from './api.ts';
import { NS } from './i18n.ts';

/** The risk levels left to right: high first (the shortest interval). */
const RISKS = [...VISIT_RISK_LEVELS].reverse();

/**
 * The county's visit intervals, kind × risk → days, edited by a county account (the county centre or the
 * county admin: VISIT_INTERVALS_LEVEL); a refusal shows on the row it concerns.
 */
export function IntervalsCard() {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const can = useCan();
  const user = useCurrentUser();
  const current = useIntervals();
  const put = usePutIntervals();
  // The user's unsaved edits over the county's intervals (null: none).
  const [edits, setEdits] = useState<VisitIntervalsBody | null>(null);
  const draft = edits ?? current.data?.intervals ?? null;
  const [refused, setRefused] = useState<{ kind: string; message: string } | null>(null);
  // The county's intervals: only a county account may change them (the server refuses others by level).
  const mayEdit = can('visit_plan.configure') && user.region.level === VISIT_INTERVALS_LEVEL;

  const set = (kind: VisitPlanKind, risk: (typeof RISKS)[number], days: number | null) => {
    setRefused(null);
    if (draft) setEdits({ ...draft, [kind]: { ...draft[kind], [risk]: days ?? 0 } });
  };
  const save = async () => {
    if (!draft) return;
    try {
      await put.mutateAsync(draft);
      setEdits(null);
      setRefused(null);
      notifySuccess(t('intervals.saved'));
    } catch (err) {
      const detail = isApiError(err) ? err.details?.[0] : undefined;
      if (isApiError(err) && detail?.path) setRefused({ kind: String(detail.path), message: err.message });
      else notifyError(err);
    }
  };
  const changed = !!draft && JSON.stringify(draft) !== JSON.stringify(current.data?.intervals);

  return (
    <Card
      title={t('intervals.title')}
      data-testid="visit-intervals"
      extra={
        mayEdit ? (
          <Button
            type="primary"
            disabled={!changed}
            loading={put.isPending}
            onClick={() => void save()}
            data-testid="intervals-save"
          >
            {t('intervals.save')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('intervals.readOnly')}</Typography.Text>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('intervals.hint')}</Typography.Paragraph>
      <Table<{ kind: VisitPlanKind }>
        rowKey="kind"
        size="small"
        pagination={false}
        loading={current.isLoading}
        dataSource={VISIT_PLAN_KINDS.map((kind) => ({ kind }))}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('intervals.kind'),
            dataIndex: 'kind',
            render: (k: VisitPlanKind) => tc(`specialKinds.${k}`),
          },
          ...RISKS.map((risk) => ({
            title: tc(`risk.${risk}`),
            key: risk,
            render: (_: unknown, { kind }: { kind: VisitPlanKind }) => {
              const days = draft?.[kind][risk];
              const bad = refused?.kind === kind;
              return mayEdit ? (
                <Space direction="vertical" size={2} data-testid={`interval-${kind}-${risk}`}>
                  <InputNumber
                    min={1}
                    max={365}
                    precision={0}
                    value={days}
                    status={bad ? 'error' : undefined}
                    onChange={(v) => set(kind, risk, v)}
                    addonAfter={t('intervals.unit')}
                    style={{ width: 120 }}
                  />
                  {bad && risk === RISKS[0] && (
                    <Typography.Text
                      type="danger"
                      style={{ fontSize: 12, maxWidth: 200, display: 'block' }}
                      data-testid={`interval-error-${kind}-${risk}`}
                    >
                      {refused.message}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                <span data-testid={`interval-${kind}-${risk}`}>{days}</span>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}
