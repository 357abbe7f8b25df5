import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GridView } from '@gewu/domain';
import { KIND_COLORS, formatArea } from './style.ts';

/** The grids shown on the map, by code (micro-grids right under their unit grid); a click selects one. */
export function GridList({ grids, onSelect }: { grids: readonly GridView[]; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const sorted = [...grids].sort((a, b) => a.code.localeCompare(b.code));
  return (
    <>
      <Typography.Text type="secondary">{t('grids.selectHint')}</Typography.Text>
      <List
        size="small"
        dataSource={sorted}
        data-testid="grid-list"
        renderItem={(g) => (
          <List.Item
            onClick={() => onSelect(g.id)}
            style={{ cursor: 'pointer', paddingLeft: g.kind === 'micro' ? 24 : 8 }}
            data-testid={`grid-item-${g.code}`}
          >
            <Space orientation="vertical" size={0}>
              <Space size={6}>
                <Tag color={KIND_COLORS[g.kind]} style={{ marginInlineEnd: 0 }}>
                  {t(`gridKinds.${g.kind}`)}
                </Tag>
                {g.name}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {g.code} · {g.boundary ? `${formatArea(g.areaM2)} m²` : t('grids.noBoundary')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
