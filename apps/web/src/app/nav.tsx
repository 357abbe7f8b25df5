import type { ReactNode } from 'react';
import type { Action } from '@gewu/domain';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  IdcardOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';

export type NavKey = 'home' | 'grids' | 'residents' | 'houses' | 'special' | 'imports' | 'stats' | 'regions' | 'users' | 'audit' | 'account';

export interface NavItem {
  key: NavKey;
  path: string;
  labelKey: `menu.${NavKey}`;
  icon: ReactNode;
  /** The action the menu entry (and its route) needs; none means every signed-in user. */
  action?: Action;
}

/** Business screens first, then the system's own (regions, accounts, audit). */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: <HomeOutlined /> },
  { key: 'grids', path: '/grids', labelKey: 'menu.grids', icon: <EnvironmentOutlined />, action: 'grid.read' },
  { key: 'residents', path: '/residents', labelKey: 'menu.residents', icon: <IdcardOutlined />, action: 'person.read' },
  { key: 'houses', path: '/houses', labelKey: 'menu.houses', icon: <ShopOutlined />, action: 'person.read' },
  { key: 'special', path: '/special', labelKey: 'menu.special', icon: <WarningOutlined />, action: 'special_population.read' },
  { key: 'imports', path: '/imports', labelKey: 'menu.imports', icon: <CloudUploadOutlined />, action: 'base.import' },
  { key: 'stats', path: '/stats', labelKey: 'menu.stats', icon: <BarChartOutlined />, action: 'stats.read' },
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
