import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliberationStage } from '@gewu/domain';
import { NS } from './i18n.ts';

/** A matter's current stage (null: every stage done). */
export function StageTag({ stage, testId }: { stage: DeliberationStage | null; testId?: string }) {
  const { t } = useTranslation(NS);
  return stage ? (
    <Tag color="processing" data-testid={testId} data-stage={stage}>
      {t(`stages.${stage}`)}
    </Tag>
  ) : (
    <Tag color="success" data-testid={testId} data-stage="done">
      {t('done')}
    </Tag>
  );
}

const LIGHT_COLOURS = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' } as const;

/** A publication's light on the clock engine (green, yellow near the deadline, red past it). */
export function PublicationLight({ light, testId }: { light: 'green' | 'yellow' | 'red' | null; testId?: string }) {
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
