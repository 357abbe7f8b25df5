import type { ReactNode } from 'react';
import type { Action } from '@gewu/domain';
import { ApartmentOutlined, AuditOutlined, HomeOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';

export interface NavItem {
  key: string;
  path: string;
  labelKey: 'menu.home' | 'menu.regions' | 'menu.users' | 'menu.audit' | 'menu.account';
  icon: ReactNode;
  /** The action the menu entry (and its route) needs; none means every signed-in user. */
  action?: Action;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: <HomeOutlined /> },
  { key: 'regions', path: '/regions', labelKey: 'menu.regions', icon: <ApartmentOutlined />, action: 'region.read' },
  { key: 'users', path: '/users', labelKey: 'menu.users', icon: <TeamOutlined />, action: 'user.read' },
  { key: 'audit', path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, action: 'audit.read' },
  { key: 'account', path: '/account', labelKey: 'menu.account', icon: <SettingOutlined /> },
];

/** The nav item whose path matches the current location (longest match wins). */
export function activeNavKey(pathname: string): string {
  const match = NAV_ITEMS.filter((i) => i.path !== '/' && pathname.startsWith(i.path));
  return match[0]?.key ?? 'home';
}
