import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldPageKey } from '../layout/tabs.tsx';

/** One kind of field work a grid worker opens from the 外勤 tab. */
export interface FieldEntry {
  /** The path under /m/field, also the i18n key under mobile.field. */
  key: FieldPageKey;
  icon: ReactNode;
}

/**
 * 外勤: the grid worker's field work in one tab — 巡查 (patrol with its track), 隐患排查 (checklists at a
 * place), 走访 (households, businesses, special populations). Each opens its own page, which works
 * offline and sends through the device's outbox.
 */
export default function FieldPage({ entries }: { entries: FieldEntry[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="m-field">
      {entries.map((e) => (
        <Link key={e.key} to={`/m/field/${e.key}`} className="m-row m-field-entry" data-testid={`m-field-${e.key}`}>
          <div className="m-row-head">
            <span className="m-row-title">
              {e.icon}
              {t(`mobile.field.${e.key}.title`)}
            </span>
            <RightOutlined />
          </div>
          <p className="m-row-desc">{t(`mobile.field.${e.key}.desc`)}</p>
        </Link>
      ))}
    </div>
  );
}
