import { useTranslation } from 'react-i18next';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/session.ts';
import { useCommonItems, type CatalogueEntry } from '../api.ts';

interface Props {
  catalogue: readonly CatalogueEntry[];
  value: CatalogueEntry | null;
  onPick: (item: CatalogueEntry) => void;
}

/**
 * 常用类别 as large buttons before the full list (the most reported around the user, or the default
 * list), and always 不确定/其他: nobody is stopped because they cannot name the category.
 */
export function CommonItems({ catalogue, value, onPick }: Props) {
  const { t } = useTranslation();
  const common = useCommonItems(useCurrentUser());
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const buttons = (common.data?.items ?? []).flatMap((c) => {
    const item = byCode.get(c.code);
    return item ? [item] : [];
  });
  const other = catalogue.find((i) => i.unclassified);
  if (buttons.length === 0 && !other) return null;
  return (
    <div className="m-common" data-testid="report-common">
      {buttons.map((item) => (
        <button
          type="button"
          key={item.code}
          className={`m-common-btn${value?.code === item.code ? ' selected' : ''}`}
          onClick={() => onPick(item)}
          data-testid={`report-common-${item.code}`}
        >
          {item.name}
        </button>
      ))}
      {other && (
        <button
          type="button"
          className={`m-common-btn m-common-other${value?.code === other.code ? ' selected' : ''}`}
          onClick={() => onPick(other)}
          data-testid="report-unsure"
        >
          <QuestionCircleOutlined /> {t('mobile.item.unsure')}
        </button>
      )}
    </div>
  );
}
