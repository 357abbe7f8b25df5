import { describe, expect, it } from 'vitest';
import { levelMayChangeSetting, settingOwnerProblem } from './settings.ts';

describe('who may change a setting stored once for the deployment', () => {
  it('the item catalogue and the calendar are changed at county level or above only', () => {
    for (const setting of ['item_catalogue', 'work_calendar'] as const) {
      expect(['province', 'city', 'county'].map((l) => levelMayChangeSetting(l as 'county', setting))).toEqual([
        true,
        true,
        true,
      ]);
      expect(['township', 'village'].map((l) => levelMayChangeSetting(l as 'county', setting))).toEqual([false, false]);
    }
  });

  it('and only by an admin with no county-level region of the deployment outside their region', () => {
    expect(settingOwnerProblem('item_catalogue', 'county', 0)).toBeNull();
    expect(settingOwnerProblem('work_calendar', 'province', 0)).toBeNull();
    expect(settingOwnerProblem('item_catalogue', 'county', 1)).toBe(
      '网格事项清单全系统统一适用于每个县级区划，本系统另有 1 个县级区划不在您的管辖范围内，修改会改变它们的设置，须由管辖全部县级区划的上级管理员修改',
    );
    expect(settingOwnerProblem('work_calendar', 'township', 0)).toBe(
      '工作日历全系统统一适用于每个县级区划，只能由管辖全部县级区划的管理员修改，乡镇（街道）管理员无权修改',
    );
  });
});
