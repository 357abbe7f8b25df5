import { Space, Tag, Typography } from 'antd';
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

const LIGHT_COLOURS = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' } as const;

/** The implementation's light on the clock engine. */
export function Light({ light, testId }: { light: 'green' | 'yellow' | 'red' | null; testId?: string }) {
  const { t } = useTranslation(NS);
  if (!light) return null;
  return (
    <Space size={6} data-testid={testId} data-light={light}>
      <span
        aria-hidden
        style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: LIGHT_COLOURS[light] }}
      />
      <Typography.Text>{t(`lights.${light}`)}</Typography.Text>
    </Space>
  );
}

/** An amount in fen shown in yuan (blank when unknown). */
export const yuan = (fen: number | null | undefined) => (fen == null ? '—' : yuanOfFen(fen));
