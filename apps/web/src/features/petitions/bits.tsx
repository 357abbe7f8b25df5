import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PetitionState, petitionDaysBetween } from '@gewu/domain';
import { useNow } from '../cases/bits.tsx';

/** A state's tag colour: intake blue, handling purple, answered cyan, review/re-examination gold, ends grey or green. */
const STATE_COLORS: Record<PetitionState, string> = {
  registered: 'blue',
  accepted: 'purple',
  answered: 'cyan',
  reviewing: 'gold',
  reviewed: 'cyan',
  reexamining: 'gold',
  reexamined: 'success',
  not_accepted: 'default',
  transferred: 'default',
  referred: 'default',
};

export function PetitionStateTag({ state, testId }: { state: PetitionState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`petitions.states.${state}`)}
    </Tag>
  );
}

/** Today's date in China time (the statutory days are Beijing days). */
export function chinaToday(now: number): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The statutory last day with the days left (or overdue), e.g. "2026-05-26 · 剩 12 日". */
export function LastDay({
  lastDay,
  deadline,
  testId,
}: {
  lastDay: string | null;
  deadline: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const now = useNow();
  if (!lastDay || !deadline)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        —
      </Typography.Text>
    );
  const overdue = now > Date.parse(deadline);
  const left = petitionDaysBetween(chinaToday(now), lastDay);
  const hint = overdue
    ? t('petitions.tags.overdueDays', { count: Math.max(1, -left) })
    : left === 0
      ? t('petitions.tags.dueToday')
      : t('petitions.tags.daysLeft', { count: left });
  return (
    <Tooltip title={`${t('petitions.fields.lastDay')} ${lastDay} 24:00`}>
      <Space size={4} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        <span>{lastDay}</span>
        <Typography.Text type={overdue ? 'danger' : 'secondary'}>· {hint}</Typography.Text>
      </Space>
    </Tooltip>
  );
}
