import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeRisk, DisputeState } from '@gewu/domain';
import { DISPUTE_STATE_COLORS, RISK_COLORS } from './colors.ts';

/** The dispute's state as a coloured tag (desktop and phone). */
export function DisputeStateTag({ state, testId }: { state: DisputeState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={DISPUTE_STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`disputes.states.${state}`)}
    </Tag>
  );
}

/** 风险等级, with the 民转刑 flag beside it when raised. */
export function RiskTags({
  risk,
  civilToCriminal,
  testId,
}: {
  risk: DisputeRisk;
  civilToCriminal: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap data-testid={testId} data-risk={risk}>
      <Tag color={RISK_COLORS[risk]}>{t(`disputes.risks.${risk}`)}</Tag>
      {civilToCriminal && (
        <Tag color="volcano" data-testid={testId && `${testId}-c2c`}>
          {t('disputes.fields.civilToCriminalShort')}
        </Tag>
      )}
    </Space>
  );
}
