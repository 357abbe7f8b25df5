import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';

// A stand-in for the built UI: a hashed script with its brotli and gzip copies (as the build writes
// them), a hashed image without copies, and the files that keep their names.
const SCRIPT = `export const greeting = "${'格物 '.repeat(400)}";\n`;
const ASSET = 'assets/index-Ab12Cd34.js';

// The phone pages' variant (apps/web/build/phone-page.ts): index.html with their chunks preloaded.
const PHONE_HTML = '<!doctype html><html><head><link rel="modulepreload" href="/assets/MobileApp-Xy.js"></head></html>';
// …and the sign-in page's: index.html with the sign-in form's chunks preloaded.
const LOGIN_HTML = '<!doctype html><html><head><link rel="modulepreload" href="/assets/LoginPage-Ab.js"></head></html>';

let t: TestApp;
let webDist: string;

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-web-static-'));
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
  fs.writeFileSync(path.join(webDist, 'm.html'), PHONE_HTML);
  fs.writeFileSync(path.join(webDist, 'login.html'), LOGIN_HTML);
  fs.writeFileSync(path.join(webDist, ASSET), SCRIPT);
  fs.writeFileSync(path.join(webDist, `${ASSET}.br`), zlib.brotliCompressSync(SCRIPT));
  fs.writeFileSync(path.join(webDist, `${ASSET}.gz`), zlib.gzipSync(SCRIPT));
  fs.writeFileSync(path.join(webDist, 'assets/icon-Zz99.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(webDist, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
  fs.writeFileSync(path.join(webDist, 'manifest.webmanifest'), '{"name":"格物"}');
  t = await createTestApp({ GEWU_WEB_DIST: webDist });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
/** A page request from a browser holding a session cookie (whether still valid does not matter here). */
const getSignedIn = (url: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: 'gewu_session=any-value' } });

describe('the built web UI: precompressed files and caching', () => {
  it('sends the brotli copy to a browser that accepts it, marked so, and the same script once decoded', async () => {
    const res = await get(`/${ASSET}`, 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the gzip copy when brotli is not accepted, and the plain file when nothing is', async () => {
    const gz = await get(`/${ASSET}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get(`/${ASSET}`);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('hashed assets are cached for a year as immutable, whichever copy is sent, with or without copies', async () => {
    for (const enc of ['br', 'gzip', undefined]) {
      expect((await get(`/${ASSET}`, enc)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const image = await get('/assets/icon-Zz99.png', 'br');
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('the page, the service worker and the manifest are asked for again each time (no-cache)', async () => {
    for (const url of ['/', '/m/report', '/index.html']) {
      const page = await get(url, 'br');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const sw = await get('/sw.js', 'br');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('signed in, the phone pages get the page that preloads their chunks; every other page the plain one', async () => {
    for (const url of ['/m', '/m/report', '/m/report?from=home', '/m/cases/abc']) {
      const res = await getSignedIn(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(PHONE_HTML);
      expect(res.headers['vary'], url).toMatch(/cookie/i);
    }
    for (const url of ['/', '/cases', '/mine', '/m-not-phone', '/login?next=/m/report']) {
      const res = await getSignedIn(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<div id="root">');
    }
  });

  it('without a session cookie, the sign-in page and the phone pages (which send the visitor there) preload the sign-in form', async () => {
    for (const url of ['/login', '/login?next=/m/report', '/m', '/m/report']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(LOGIN_HTML);
    }
    for (const url of ['/', '/cases', '/m-not-phone', '/loginx']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<div id="root">');
    }
  });

  it('the public progress page (/m/track) gets the plain page, signed in or not: it needs neither the sign-in form nor the phone screens', async () => {
    for (const url of ['/m/track', '/m/track/', '/m/track?n=1']) {
      for (const res of [await get(url), await getSignedIn(url)]) {
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain('<div id="root">');
      }
    }
  });

  it('a missing asset is a 404 with the stable code, not the page', async () => {
    const res = await get('/assets/index-gone000.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'route.not_found' });
    expect(res.headers['content-type']).toMatch(/json/);
  });
});
