import { REGION_LEVELS, type RegionLevel, levelName } from './regions.ts';

/** System-wide settings that one level of the region tree owns for everything below it. */
export const SETTINGS = ['item_catalogue', 'work_calendar'] as const;
export type Setting = (typeof SETTINGS)[number];

/**
 * Which region level owns which setting: an admin at that level or above may change it, one below
 * may not. The item catalogue (网格事项清单, with its time limits and 准入) and the working calendar
 * (deadlines of every case) are the same for a whole county or wider; a township admin changing
 * them would change every other township's deadlines and admissions.
 */
export const SETTING_OWNER_LEVEL: Record<Setting, RegionLevel> = {
  item_catalogue: 'county',
  work_calendar: 'county',
};

const SETTING_NAMES: Record<Setting, string> = { item_catalogue: '网格事项清单', work_calendar: '工作日历' };

/** Whether an account at `level` may change `setting` (its role is checked separately). */
export function levelMayChangeSetting(level: RegionLevel, setting: Setting): boolean {
  return REGION_LEVELS.indexOf(level) <= REGION_LEVELS.indexOf(SETTING_OWNER_LEVEL[setting]);
}

/** The Chinese refusal for an account below the owning level. */
export function settingLevelMessage(setting: Setting): string {
  return `${SETTING_NAMES[setting]}由${levelName(SETTING_OWNER_LEVEL[setting])}及以上统一管理，本级管理员无权修改`;
}
