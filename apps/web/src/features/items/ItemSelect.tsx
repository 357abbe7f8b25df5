import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { ITEM_CATEGORIES } from '@gewu/domain';
import { useItems, type ItemView } from './api.ts';

interface Props {
  value?: string;
  onChange?: (code: string | undefined, item: ItemView | undefined) => void;
  /** Filters may pick a whole category (大类); a report needs one item (小类). */
  categoriesSelectable?: boolean;
  /** Leaves out 不确定/其他: classifying a case needs a real item. */
  specificOnly?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}

/** The item catalogue as a tree of 大类 → 小类, searchable by name, code and keyword. */
export function ItemSelect({
  value,
  onChange,
  categoriesSelectable,
  specificOnly,
  placeholder,
  allowClear,
  testId,
  style,
}: Props) {
  const { t } = useTranslation();
  const items = useItems();
  const treeData = useMemo(
    () =>
      ITEM_CATEGORIES.map((c) => ({
        value: c.code,
        title: `${c.code} ${t(`cases.categories.${c.code}`)}`,
        search: `${c.code} ${c.name}`,
        selectable: !!categoriesSelectable,
        children: (items.data ?? [])
          .filter((i) => i.categoryCode === c.code && !(specificOnly && i.unclassified))
          .map((i) => ({
            value: i.code,
            title: `${i.code} ${i.name}`,
            search: `${i.code} ${i.name} ${i.keywords.join(' ')}`,
          })),
      })).filter((c) => c.children.length > 0),
    [items.data, categoriesSelectable, specificOnly, t],
  );
  return (
    <TreeSelect<string>
      value={value}
      onChange={(code) =>
        onChange?.(
          code ?? undefined,
          items.data?.find((i) => i.code === code),
        )
      }
      treeData={treeData}
      loading={items.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'search' }}
      listHeight={360}
      popupMatchSelectWidth={false}
      data-testid={testId}
      style={{ width: '100%', ...style }}
    />
  );
}
