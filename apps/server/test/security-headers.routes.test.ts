import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createTestApp, login, as, type TestApp } from './app.ts';

const STRICT = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://*.tianditu.gov.cn https://tiles.example.org:8443",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

let t: TestApp;
let webDist: string;

beforeAll(async () => {
  // A stand-in for the built UI, so the HTML route is served without building the web app.
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-csp-'));
  fs.writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>',
  );
  t = await createTestApp({
    GEWU_WEB_DIST: webDist,
    GEWU_CSP_IMG_HOSTS: 'https://*.tianditu.gov.cn, https://tiles.example.org:8443',
  });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('Content-Security-Policy and frame protection on every response', () => {
  it('an API answer carries the strict policy, X-Frame-Options and the existing headers', async () => {
    const s = await login(t.app, 'dispatcher');
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(s) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe(STRICT);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('so does an error answer and the health check', async () => {
    const denied = await t.app.inject({ method: 'GET', url: '/api/residents' });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['content-security-policy']).toBe(STRICT);
    const missing = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-frame-options']).toBe('DENY');
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']).toBe(STRICT);
  });

  it('the web UI page, at its root and at a client route, carries it too', async () => {
    for (const url of ['/', '/residents']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['content-security-policy']).toBe(STRICT);
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('without tile hosts, images come from the server itself (and data:/blob:) only', async () => {
    const plain = await createTestApp();
    try {
      const res = await plain.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:;");
    } finally {
      await plain.close();
    }
  });

  it('with a tile server configured, images may come from its hosts — each {s} subdomain — and no other', async () => {
    const tiles = await createTestApp({
      GEWU_MAP_TILE_URL: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k',
      GEWU_MAP_SUBDOMAINS: '0,1',
      GEWU_MAP_LABEL_URL: 'https://labels.example.org:8443/{z}/{x}/{y}.png',
    });
    try {
      const res = await tiles.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['content-security-policy']).toContain(
        "img-src 'self' data: blob: https://t0.tianditu.gov.cn https://t1.tianditu.gov.cn https://labels.example.org:8443;",
      );
    } finally {
      await tiles.close();
    }
  });

  it('a malformed GEWU_CSP_IMG_HOSTS stops the server at start, naming the variable', () => {
    expect(() => loadConfig({ GEWU_CSP_IMG_HOSTS: "https://a.example.org; script-src 'unsafe-inline'" })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ GEWU_CSP_IMG_HOSTS: "https://a.example.org; script-src 'unsafe-inline'" })).toThrow(
      /GEWU_CSP_IMG_HOSTS/,
    );
  });

  it("the UI's index.html has no inline script (the policy would block it)", () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../web/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
