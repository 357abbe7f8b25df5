import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The 格物 mark at the top of the sider: the name, and the subtitle underneath when expanded. */
export function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      style={{
        height: 64,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: '0 8px',
        color: '#fff',
        overflow: 'hidden',
      }}
    >
      <span style={{ fontSize: 20, fontWeight: 600, letterSpacing: 2, lineHeight: 1.3 }}>
        {collapsed ? '格' : t('app.name')}
      </span>
      {!collapsed && (
        <Typography.Text ellipsis style={{ fontSize: 12, color: 'rgba(255,255,255,0.7)', maxWidth: '100%' }}>
          {t('app.subtitle')}
        </Typography.Text>
      )}
    </div>
  );
}
