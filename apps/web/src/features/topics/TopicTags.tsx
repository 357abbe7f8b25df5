import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TopicState, WarningLight } from '@gewu/domain';
import { NS } from './i18n.ts';

const STATE_COLORS: Record<TopicState, string> = {
  raised: 'gold',
  taken_up: 'blue',
  declined: 'default',
  discussed: 'purple',
  implementing: 'cyan',
  implemented: 'green',
};
const LIGHT_COLORS: Record<WarningLight, string> = { green: 'success', yellow: 'warning', red: 'error' };

/** A topic's state as a coloured tag. */
export function TopicStateTag({ state, testId }: { state: TopicState; testId?: string }) {
  const { t } = useTranslation(NS);
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`states.${state}`)}
    </Tag>
  );
}

/** The light of the clock that runs (response or implementation); nothing when none runs. */
export function TopicLight({ light }: { light: WarningLight | null }) {
  const { t } = useTranslation(NS);
  if (!light) return null;
  return (
    <Tag color={LIGHT_COLORS[light]} data-light={light}>
      {t(`lights.${light}`)}
    </Tag>
  );
}
