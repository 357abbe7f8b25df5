import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '@gewu/domain';
import { STATE_COLORS } from './colors.ts';

/** The case's state as a coloured tag (desktop and phone). */
export function StateTag({ state, testId }: { state: CaseState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`cases.states.${state}`)}
    </Tag>
  );
}
