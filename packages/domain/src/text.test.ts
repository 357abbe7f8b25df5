import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { intField, isSafeText, nonEmptyPatch, queryInt, safeString } from './text.ts';

describe('isSafeText', () => {
  it('refuses NUL, other C0 controls and lone surrogates', () => {
    for (const bad of [
      '\u0000',
      'a\u0000b',
      '\u0001',
      '\u0008',
      '\u000b',
      '\u000c',
      '\u000e',
      '\u001f',
      '\ud800',
      'x\ud800y',
      '\udc00',
      'a\udfffb',
      '\udc00\ud800',
    ]) {
      expect(isSafeText(bad), JSON.stringify(bad)).toBe(false);
    }
  });
  it('accepts tab, line feed, carriage return, Chinese text and surrogate pairs', () => {
    for (const good of ['', '\t', '\n', '\r\n', '张三', '🏠', 'a\ud83c\udfe0b', "' OR 1=1 --", '%_\\']) {
      expect(isSafeText(good), JSON.stringify(good)).toBe(true);
    }
  });
});

describe('builders', () => {
  it('safeString keeps its chain and refuses with a Chinese message', () => {
    const s = safeString().trim().min(1).max(5);
    expect(s.parse('  ab ')).toBe('ab');
    const r = s.safeParse('a\u0000');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('含有不允许的字符（控制字符或无效的 Unicode 编码）');
  });
  it('intField and queryInt stay inside int4', () => {
    expect(intField().safeParse(2147483647).success).toBe(true);
    expect(intField().safeParse(2147483648).success).toBe(false);
    expect(intField().safeParse(-2147483649).success).toBe(false);
    expect(intField(0, 10).safeParse(11).success).toBe(false);
    expect(queryInt(1).parse('42')).toBe(42);
    for (const q of ['NaN', 'Infinity', '1e308', '2147483648', '1.5'])
      expect(queryInt().safeParse(q).success, q).toBe(false);
  });
  it('nonEmptyPatch refuses {} and accepts one field', () => {
    const p = nonEmptyPatch(z.strictObject({ a: z.string().optional(), b: z.number().optional() }));
    expect(p.safeParse({}).success).toBe(false);
    expect(p.safeParse({ a: undefined }).success).toBe(false);
    expect(p.safeParse({ b: 0 }).success).toBe(true);
  });
});
