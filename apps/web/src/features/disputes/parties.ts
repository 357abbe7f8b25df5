import type { TFunction } from 'i18next';
import type { PartyBrief, PartyView } from '@gewu/domain';

/** A party's name as the viewer may see it: the full name for those mediating the dispute, else masked. */
export const partyName = (p: PartyBrief | PartyView) => ('name' in p && p.name) || p.nameMasked;

/** "甲方 · 张三" or "乙方 · 李四（委托代理人）". */
export function partyLabel(t: TFunction, p: PartyBrief | PartyView): string {
  const role =
    p.role === 'principal' ? '' : t('disputes.partyRoleSuffix', { role: t(`disputes.partyRoles.${p.role}`) });
  return `${t(`disputes.sides.${p.side}`)} · ${partyName(p)}${role}`;
}
