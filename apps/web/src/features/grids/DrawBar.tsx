import type { ReactNode } from 'react';
import { Alert, Space, Spin } from 'antd';

interface Props {
  hint: string;
  /** The server's (Chinese) reason the shape was refused. */
  error: string | null;
  busy?: boolean;
  actions: ReactNode;
}

/** The instruction bar over the map while drawing or editing a boundary. */
export function DrawBar({ hint, error, busy, actions }: Props) {
  return (
    <div
      style={{
        position: 'absolute',
        top: 12,
        left: 60,
        right: 12,
        zIndex: 1000,
        display: 'flex',
        flexDirection: 'column',
        gap: 8,
        pointerEvents: 'none',
      }}
    >
      <Alert
        type="info"
        showIcon
        title={
          <Space>
            {hint}
            {busy && <Spin size="small" />}
          </Space>
        }
        action={<Space style={{ pointerEvents: 'auto' }}>{actions}</Space>}
        style={{ pointerEvents: 'auto' }}
        data-testid="draw-bar"
      />
      {error && (
        <Alert type="error" showIcon title={error} style={{ pointerEvents: 'auto' }} data-testid="draw-error" />
      )}
    </div>
  );
}
