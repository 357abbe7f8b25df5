import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRID_KINDS } from '@gewu/domain';
import { KIND_COLORS } from './style.ts';

/** Colour key of the grid kinds, floating in the map's corner (clicks go through to the map). */
export function Legend() {
  const { t } = useTranslation();
  return (
    <div
      data-testid="grid-legend"
      style={{
        position: 'absolute',
        right: 12,
        bottom: 12,
        zIndex: 1000,
        pointerEvents: 'none',
        background: 'rgba(255,255,255,0.92)',
        padding: '8px 12px',
        borderRadius: 6,
        boxShadow: '0 1px 4px rgba(0,0,0,0.15)',
      }}
    >
      <Typography.Text strong style={{ fontSize: 12 }}>
        {t('grids.legend')}
      </Typography.Text>
      <Space orientation="vertical" size={2} style={{ display: 'flex', marginTop: 4 }}>
        {GRID_KINDS.map((kind) => (
          <Space key={kind} size={6} style={{ fontSize: 12 }}>
            <svg width="22" height="12" aria-hidden>
              <rect
                x="1"
                y="1"
                width="20"
                height="10"
                fill={KIND_COLORS[kind]}
                fillOpacity={0.2}
                stroke={KIND_COLORS[kind]}
                strokeWidth={kind === 'micro' ? 1.5 : 2}
                strokeDasharray={kind === 'micro' ? '4 2' : undefined}
              />
            </svg>
            {t(`gridKinds.${kind}`)}
          </Space>
        ))}
      </Space>
    </div>
  );
}
