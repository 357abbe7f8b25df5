import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NoticeCategory } from '@gewu/domain';

const LIGHT_COLOR = { green: 'green', yellow: 'gold', red: 'red' } as const;

/** A due light (公开到期 / 质询答复) as a coloured tag. */
export function LightTag({ light, children }: { light: 'green' | 'yellow' | 'red'; children: React.ReactNode }) {
  return (
    <Tag color={LIGHT_COLOR[light]} data-light={light}>
      {children}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: NoticeCategory }) {
  const { t } = useTranslation();
  return <Tag color="volcano">{t(`notices.category.${category}`)}</Tag>;
}

/** A fresh idempotency key for one submission (a retry of the same submission reuses it). */
export const newKey = () => `notice-${crypto.randomUUID()}`;
