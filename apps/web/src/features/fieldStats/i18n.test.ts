import { describe, expect, it } from 'vitest';
import zh from '../../i18n/fieldStats.zh-CN.json';
import en from '../../i18n/fieldStats.en.json';

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('the 外勤统计 strings (loaded with their page, outside the shared resources)', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });
});
