import { REGION_LEVELS, type RegionLevel, levelName } from './regions.ts';

/** Settings the deployment stores once, for every region it holds. */
export const SETTINGS = ['item_catalogue', 'work_calendar', 'dispute_types'] as const;
export type Setting = (typeof SETTINGS)[number];

/**
 * The level each setting is uniform across: the item catalogue (网格事项清单, with its time limits
 * and 准入) and the working calendar (deadlines of every case) hold for a whole county. Each is
 * stored once for the whole deployment, though, so in a deployment of several counties one county
 * changing it would change it for all the others. Hence the rule (`settingOwnerProblem`): it may be
 * changed only by an admin whose region covers every region of this level in the deployment — at
 * this level or above, and with none of those regions outside the admin's subtree. A single-county
 * deployment's county admin may; in a province deployment only the province admin may.
 */
export const SETTING_OWNER_LEVEL: Record<Setting, RegionLevel> = {
  item_catalogue: 'county',
  work_calendar: 'county',
  // The dispute types and their mediation limits (矛盾纠纷类型), like the item catalogue: one list per county.
  dispute_types: 'county',
};

const SETTING_NAMES: Record<Setting, string> = {
  item_catalogue: '网格事项清单',
  work_calendar: '工作日历',
  dispute_types: '矛盾纠纷类型',
};

/** Whether an account at `level` sits at or above the level `setting` is uniform across (its role is checked separately). */
export function levelMayChangeSetting(level: RegionLevel, setting: Setting): boolean {
  return REGION_LEVELS.indexOf(level) <= REGION_LEVELS.indexOf(SETTING_OWNER_LEVEL[setting]);
}

/**
 * Why an admin at `level` may not change `setting`, or null when they may. `outsideCount` is how
 * many regions of the setting's level the deployment holds outside the admin's subtree.
 */
export function settingOwnerProblem(setting: Setting, level: RegionLevel, outsideCount: number): string | null {
  const name = SETTING_NAMES[setting];
  const owner = levelName(SETTING_OWNER_LEVEL[setting]);
  if (!levelMayChangeSetting(level, setting))
    return `${name}全系统统一适用于每个${owner}区划，只能由管辖全部${owner}区划的管理员修改，${levelName(level)}管理员无权修改`;
  if (outsideCount > 0)
    return `${name}全系统统一适用于每个${owner}区划，本系统另有 ${outsideCount} 个${owner}区划不在您的管辖范围内，修改会改变它们的设置，须由管辖全部${owner}区划的上级管理员修改`;
  return null;
}
