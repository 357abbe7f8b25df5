import { useState } from 'react';
import { Button, Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, Light } from '@gewu/domain';
import { useCan } from '../../app/session.ts';
import { useCaseCount } from './api.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseTable } from './CaseTable.tsx';
import { LightDot } from './bits.tsx';
import { LIGHT_COLORS } from './colors.ts';
import { LIGHTS } from './format.ts';
import { usePagedCases } from './usePagedCases.ts';

type LightFilter = Light | 'all';

function LightCard({ light, active, onClick }: { light: LightFilter; active: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const count = useCaseCount({ view: 'supervision', light: light === 'all' ? undefined : light });
  return (
    <Card
      hoverable
      size="small"
      onClick={onClick}
      style={{
        borderColor: active ? (light === 'all' ? '#1f4e9c' : LIGHT_COLORS[light]) : undefined,
        borderWidth: active ? 2 : 1,
      }}
      data-testid={`supervision-light-${light}`}
      aria-pressed={active}
    >
      <div data-testid={`supervision-count-${light}`} data-count={count.data ?? ''}>
        <Statistic
          title={light === 'all' ? t('cases.supervision.all') : <LightDot light={light} />}
          value={count.data ?? '—'}
          styles={{ content: { color: light === 'all' ? undefined : LIGHT_COLORS[light] } }}
          suffix={count.data !== undefined ? t('cases.supervision.unit') : undefined}
        />
      </div>
    </Card>
  );
}

/** 督办: open cases in scope by deadline, counted by light; 督办 / 挂牌督办 from the row. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [light, setLight] = useState<LightFilter>('all');
  const [supervising, setSupervising] = useState<CaseSummary | null>(null);
  const list = usePagedCases({ view: 'supervision', light: light === 'all' ? undefined : light });

  const pick = (l: LightFilter) => {
    setLight(l);
    list.firstPage();
  };

  return (
    <Card title={t('cases.supervision.title')} data-testid="case-supervision">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(['all', ...[...LIGHTS].reverse()] as LightFilter[]).map((l) => (
          <Col key={l} xs={12} md={6}>
            <LightCard light={l} active={light === l} onClick={() => pick(l)} />
          </Col>
        ))}
      </Row>
      <CaseFilters hideLight onChange={list.setFilter} />
      <CaseTable
        {...list.table}
        columns={['light', 'code', 'item', 'state', 'deadline', 'assignee', 'grid', 'supervision', 'reportedAt']}
        testId="case-supervision-table"
        extra={
          can('case.supervise')
            ? {
                title: t('cases.supervision.column'),
                render: (c) => (
                  <Button size="small" onClick={() => setSupervising(c)} data-testid={`supervise-${c.code}`}>
                    {t('cases.actions.supervise')}
                  </Button>
                ),
              }
            : undefined
        }
      />
      {supervising && <ActionDialog detail={supervising} action="supervise" onClose={() => setSupervising(null)} />}
    </Card>
  );
}
