import { useEffect, useState } from 'react';
import { Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Light } from '@gewu/domain';
import { LIGHT_COLORS } from './colors.ts';
import { countdown, formatDuration } from './format.ts';

/** The current time, re-read every `intervalMs` (deadline countdowns). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The warning light as a coloured dot with its name beside it (colour alone is not enough). */
export function LightDot({ light, testId }: { light: Light | null; testId?: string }) {
  const { t } = useTranslation();
  if (!light)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('cases.lights.none')}
      </Typography.Text>
    );
  return (
    <Space size={6} data-testid={testId} data-light={light} title={t(`cases.lightHints.${light}`)}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 10,
          height: 10,
          borderRadius: '50%',
          background: LIGHT_COLORS[light],
          boxShadow: `0 0 0 2px ${LIGHT_COLORS[light]}33`,
        }}
      />
      <span>{t(`cases.lights.${light}`)}</span>
    </Space>
  );
}

/** "剩余 3小时25分钟" or, in red, "超期 1天2小时"; the exact deadline in a tooltip. */
export function Deadline({ deadline, now, testId }: { deadline: string | null; now: number; testId?: string }) {
  const { t } = useTranslation();
  const c = countdown(deadline, now);
  if (!c || !deadline)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        —
      </Typography.Text>
    );
  const units = {
    day: t('cases.countdown.day'),
    hour: t('cases.countdown.hour'),
    minute: t('cases.countdown.minute'),
    space: t('cases.countdown.space'),
  };
  const time = formatDuration(c, units);
  return (
    <Tooltip title={dayjs(deadline).format('YYYY-MM-DD HH:mm')}>
      <Typography.Text type={c.overdue ? 'danger' : undefined} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {c.overdue ? t('cases.countdown.over', { time }) : t('cases.countdown.left', { time })}
      </Typography.Text>
    </Tooltip>
  );
}

/** Back to where the user came from inside the app, or to the start page after a deep link. */
export function useBack(): () => void {
  const navigate = useNavigate();
  return () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate('/', { replace: true });
  };
}
