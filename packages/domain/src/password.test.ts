import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password.ts';

describe('checkPasswordPolicy', () => {
  it('accepts 8+ characters with 3 of 4 classes', () => {
    expect(checkPasswordPolicy('Gewu@2026')).toBeNull();
    expect(checkPasswordPolicy('abcdEF12')).toBeNull();
    expect(checkPasswordPolicy('abcd#$12')).toBeNull();
  });
  it('refuses short passwords in Chinese', () => {
    expect(checkPasswordPolicy('Ab1#')).toBe('密码至少 8 位');
  });
  it('refuses passwords with fewer than 3 classes', () => {
    expect(checkPasswordPolicy('abcdefgh12')).toMatch(/至少 3 类/);
    expect(checkPasswordPolicy('ABCDEFGH')).toMatch(/至少 3 类/);
  });
});
