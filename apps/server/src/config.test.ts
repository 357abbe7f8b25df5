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
  it('reads the maps’ base layer (GEWU_MAP_*) and lets the browser load images from its tile hosts', () => {
    const none = loadConfig({});
    expect(none.baseLayer).toBeNull();
    expect(none.cspImgHosts).toEqual([]);
    const tdt = loadConfig({
      GEWU_MAP_TILE_URL: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k',
      GEWU_MAP_LABEL_URL: 'https://t{s}.tianditu.gov.cn/cva_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k',
      GEWU_MAP_SUBDOMAINS: '0, 1,2',
      GEWU_MAP_ATTRIBUTION: '天地图',
      GEWU_CSP_IMG_HOSTS: 'https://img.example.org',
    });
    expect(tdt.baseLayer).toEqual({
      url: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k',
      labelUrl: 'https://t{s}.tianditu.gov.cn/cva_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k',
      subdomains: ['0', '1', '2'],
      attribution: '天地图',
      maxZoom: 18,
    });
    expect(tdt.cspImgHosts).toEqual([
      'https://t0.tianditu.gov.cn',
      'https://t1.tianditu.gov.cn',
      'https://t2.tianditu.gov.cn',
      'https://img.example.org',
    ]);
    const intranet = loadConfig({
      GEWU_MAP_TILE_URL: 'http://tiles.gov.local:8080/{z}/{x}/{y}.png',
      GEWU_MAP_MAX_ZOOM: '20',
    });
    expect(intranet.baseLayer).toMatchObject({ labelUrl: null, subdomains: [], attribution: null, maxZoom: 20 });
    expect(intranet.cspImgHosts).toEqual(['http://tiles.gov.local:8080']);
  });
  it('refuses a map setting that cannot work, naming the variable', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ GEWU_MAP_TILE_URL: 'javascript:alert(1)/{z}/{x}/{y}' }, /GEWU_MAP_TILE_URL/],
      [{ GEWU_MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}.png' }, /GEWU_MAP_TILE_URL: 须含 \{z\}/],
      [{ GEWU_MAP_TILE_URL: "https://a.example.org;'unsafe-inline'/{z}/{x}/{y}" }, /GEWU_MAP_TILE_URL/],
      [{ GEWU_MAP_TILE_URL: 'https://user:pw@tiles.example.org/{z}/{x}/{y}' }, /GEWU_MAP_TILE_URL/],
      [{ GEWU_MAP_TILE_URL: 'https://{z}.example.org/{z}/{x}/{y}' }, /GEWU_MAP_TILE_URL/],
      [{ GEWU_MAP_TILE_URL: 'https://t{s}.example.org/{z}/{x}/{y}' }, /GEWU_MAP_TILE_URL: 地址含 \{s\}/],
      [{ GEWU_MAP_LABEL_URL: 'https://tiles.example.org/{z}/{x}/{y}' }, /GEWU_MAP_LABEL_URL: 注记图层/],
      [
        { GEWU_MAP_TILE_URL: 'https://t{s}.example.org/{z}/{x}/{y}', GEWU_MAP_SUBDOMAINS: 'a;b' },
        /GEWU_MAP_SUBDOMAINS/,
      ],
      [{ GEWU_MAP_ATTRIBUTION: '<img src=x onerror=alert(1)>' }, /GEWU_MAP_ATTRIBUTION/],
      [{ GEWU_MAP_MAX_ZOOM: '23' }, /GEWU_MAP_MAX_ZOOM/],
    ];
    for (const [env, message] of bad) expect(() => loadConfig(env), JSON.stringify(env)).toThrow(message);
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
