import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.GEWU_AUDIT_HASH).toBe('sha256');
    expect(c.GEWU_AUDIT_RETENTION_DAYS).toBeGreaterThanOrEqual(180);
    expect(c.dataDir.endsWith('data')).toBe(true);
  });
  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', GEWU_AUDIT_HASH: 'md5' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', GEWU_AUDIT_HASH: 'md5', GEWU_AUDIT_RETENTION_DAYS: '30' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/GEWU_AUDIT_HASH/);
      expect((e as Error).message).toMatch(/180 天/);
    }
  });
});
