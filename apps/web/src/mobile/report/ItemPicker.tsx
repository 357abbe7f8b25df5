import { useMemo, useState } from 'react';
import { Button, Drawer, Empty, Input, Spin, Tag } from 'antd';
import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CatalogueEntry } from '../api.ts';
import { searchCatalogue } from './form.ts';

interface Props {
  items: readonly CatalogueEntry[];
  loading: boolean;
  /** The catalogue could not be loaded and none is cached. */
  failed: boolean;
  onReload: () => void;
  value: CatalogueEntry | null;
  onChange: (item: CatalogueEntry) => void;
  /** Mark items that may be handled on the spot (grid workers). */
  showMinor: boolean;
  error?: string;
}

/** 问题类别: a full-height sheet with a search box (name, keyword, code) and the items by category. */
export function ItemPicker({ items, loading, failed, onReload, value, onChange, showMinor, error }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => searchCatalogue(items, query), [items, query]);

  const pick = (item: CatalogueEntry) => {
    onChange(item);
    setOpen(false);
    setQuery('');
  };

  return (
    <>
      <button
        type="button"
        className={`m-picker${error ? ' m-picker-error' : ''}`}
        onClick={() => setOpen(true)}
        data-testid="report-item"
        aria-haspopup="dialog"
      >
        {value ? (
          <span>
            <strong data-testid="report-item-name">{value.name}</strong>
            <span className="m-muted">
              {' '}
              {value.categoryName} · {value.code}
            </span>
          </span>
        ) : (
          <span className="m-placeholder">{t('mobile.item.placeholder')}</span>
        )}
        <RightOutlined />
      </button>
      {error && <div className="m-field-error">{error}</div>}
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        size="88%"
        title={t('mobile.item.title')}
        destroyOnHidden
        styles={{ body: { padding: 0 } }}
        data-testid="report-item-sheet"
      >
        <div className="m-sheet-search">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('mobile.item.search')}
            data-testid="report-item-search"
            aria-label={t('mobile.item.search')}
          />
        </div>
        {loading && items.length === 0 && <Spin style={{ display: 'block', margin: 32 }} />}
        {failed && items.length === 0 && (
          <Empty description={t('mobile.item.loadFailed')} style={{ margin: 32 }}>
            <Button onClick={onReload}>{t('mobile.retry')}</Button>
          </Empty>
        )}
        {!loading && items.length > 0 && groups.length === 0 && (
          <Empty description={t('mobile.item.noMatch')} style={{ margin: 32 }} />
        )}
        {groups.map((g) => (
          <div key={g.code} className="m-group" data-testid={`report-item-group-${g.code}`}>
            <div className="m-group-title">{g.name}</div>
            {g.items.map((item) => (
              <button
                type="button"
                key={item.code}
                className={`m-option${value?.code === item.code ? ' selected' : ''}`}
                onClick={() => pick(item)}
                data-testid={`report-item-option-${item.code}`}
              >
                <span className="m-option-name">{item.name}</span>
                <span className="m-muted m-option-meta">
                  {item.code}
                  {item.keywords.length > 0 && ` · ${item.keywords.slice(0, 3).join('、')}`}
                </span>
                {showMinor && item.minor && <Tag color="green">{t('mobile.item.minor')}</Tag>}
              </button>
            ))}
          </div>
        ))}
      </Drawer>
    </>
  );
}
