import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type MicroProjectState, yuanOfFen } from '@gewu/domain';
import { NS } from './i18n.ts';

const STATE_COLOURS: Record<MicroProjectState, string> = {
  proposed: 'default',
  shortlisted: 'processing',
  rejected: 'error',
  approved: 'success',
  not_approved: 'warning',
  implementing: 'processing',
  completed: 'cyan',
  published: 'success',
};

export function StateTag({ state, testId }: { state: MicroProjectState; testId?: string }) {
  const { t } = useTranslation(NS);
  return (
    <Tag color={STATE_COLOURS[state]} data-testid={testId} data-state={state}>
      {t(`states.${state}`)}
    </Tag>
  );
}

/** An amount in fen shown in yuan (blank when unknown). */
export const yuan = (fen: number | null | undefined) => (fen == null ? '—' : yuanOfFen(fen));
