import { describe, expect, it } from 'vitest';
import zh from '../../i18n/forces.zh-CN.json';
import en from '../../i18n/forces.en.json';

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('the 群防群治 desk strings (loaded with their pages, outside the shared resources)', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });
});
