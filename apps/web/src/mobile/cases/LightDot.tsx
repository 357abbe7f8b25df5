import { useTranslation } from 'react-i18next';
import type { Light } from '@gewu/domain';
import { LIGHT_COLORS } from '../../features/cases/colors.ts';

/** The stage clock's warning light (绿/黄/红灯) as a bare dot; its meaning in the title. */
export function LightDot({ light }: { light: Light | null }) {
  const { t } = useTranslation();
  if (!light) return null;
  return (
    <span
      className="m-light"
      style={{ background: LIGHT_COLORS[light] }}
      title={t(`cases.lightHints.${light}`)}
      aria-label={t(`cases.lightHints.${light}`)}
      data-light={light}
    />
  );
}
