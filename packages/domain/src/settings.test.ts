import { describe, expect, it } from 'vitest';
import { levelMayChangeSetting } from './settings.ts';

describe('which level owns which setting', () => {
  it('the item catalogue and the calendar are changed at county level or above only', () => {
    for (const setting of ['item_catalogue', 'work_calendar'] as const) {
      expect(['province', 'city', 'county'].map((l) => levelMayChangeSetting(l as 'county', setting))).toEqual([true, true, true]);
      expect(['township', 'village'].map((l) => levelMayChangeSetting(l as 'county', setting))).toEqual([false, false]);
    }
  });
});
