import { describe, expect, it } from 'vitest';
import zh from '../../i18n/fieldSettings.zh-CN.json';
import en from '../../i18n/fieldSettings.en.json';

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('the field settings strings (loaded with their pages)', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });
});
