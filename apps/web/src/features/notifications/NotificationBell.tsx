import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { INBOX_ACTIONS, allows, useCurrentUser } from '../../app/session.ts';
import { useUnreadCount } from './api.ts';
import { useNotificationStream } from './useNotificationStream.ts';
import { useNoticeToasts } from './useNoticeToasts.tsx';

/**
 * The header's bell: unread count, live updates (SSE) with one pop-up per kind of new message (a burst
 * is counted, not stacked), a click opens 消息.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  // Whoever has 消息 (a mediator too, without case.read).
  const enabled = allows(user.roles, INBOX_ACTIONS);
  const unread = useUnreadCount(enabled);

  useNotificationStream(enabled, useNoticeToasts());

  if (!enabled) return null;
  const count = unread.data ?? 0;
  return (
    <Tooltip title={count ? t('cases.inbox.unreadCount', { count }) : t('cases.inbox.title')}>
      <Badge count={count} overflowCount={99} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          onClick={() => navigate('/inbox')}
          aria-label={t('cases.inbox.title')}
          data-testid="notification-bell"
          data-unread={count}
        />
      </Badge>
    </Tooltip>
  );
}
