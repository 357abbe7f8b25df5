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
  it('reads GEWU_TRUST_PROXY as a switch, a number of hops or a list of proxy addresses', () => {
    expect(loadConfig({}).GEWU_TRUST_PROXY).toBe(false);
    expect(loadConfig({ GEWU_TRUST_PROXY: 'true' }).GEWU_TRUST_PROXY).toBe(true);
    expect(loadConfig({ GEWU_TRUST_PROXY: '2' }).GEWU_TRUST_PROXY).toBe(2);
    expect(loadConfig({ GEWU_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).GEWU_TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
    // (An empty variable counts as unset, so a blank one stands for empty here.)
    for (const bad of ['yes', '10.0.0.0/33', 'nginx.local', '10.0.0.1,x', ' ']) {
      expect(() => loadConfig({ GEWU_TRUST_PROXY: bad }), bad).toThrow(/GEWU_TRUST_PROXY/);
    }
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
