import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState, Light } from '@gewu/domain';

const STATE_COLORS: Record<CaseState, string> = {
  reported: 'blue',
  accepted: 'cyan',
  dispatched: 'geekblue',
  handling: 'orange',
  suspended: 'default',
  fed_back: 'purple',
  verified: 'lime',
  closed: 'green',
  rejected: 'red',
  voided: 'default',
  merged: 'default',
};

export function StateTag({ state, testId }: { state: CaseState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`mobile.states.${state}`)}
    </Tag>
  );
}

const LIGHT_COLORS: Record<Light, string> = { green: '#2f9e44', yellow: '#f59f00', red: '#e03131' };

/** The stage clock's warning light (绿/黄/红灯). */
export function LightDot({ light }: { light: Light | null }) {
  const { t } = useTranslation();
  if (!light) return null;
  return (
    <span
      className="m-light"
      style={{ background: LIGHT_COLORS[light] }}
      title={t(`mobile.lights.${light}`)}
      aria-label={t(`mobile.lights.${light}`)}
      data-light={light}
    />
  );
}
