import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts.ts';

/** Issue 14: a resident's first load of /m/report transfers at most 300 KB of JavaScript. */
const BUDGET_BYTES = 300 * 1024;

// A size check, not a timing check: the bytes on the wire (compressed, headers included) of every
// script a cold phone fetches for /m/report until the network is quiet. bench/phone-load.ts gives the
// times under slow 4G.
test('the first load of /m/report stays within 300 KB of JavaScript', async ({ browser }) => {
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block', // a first visit: nothing installed yet, nothing cached
  });
  const login = await ctx.request.post('/api/auth/login', { data: { username: 'resident', password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script' || /javascript/.test(e.response.mimeType)) scripts.set(e.requestId, e.response.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const url = scripts.get(e.requestId);
    if (url) bytes.set(url, e.encodedDataLength);
  });

  await page.goto('/m/report');
  await expect(page.getByTestId('report-description')).toBeVisible();
  await expect(page.getByTestId('report-map-open')).toBeVisible(); // the map loads when opened
  await page.waitForLoadState('networkidle');

  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  const listing = [...bytes].map(([url, n]) => `${n}\t${new URL(url).pathname}`).join('\n');
  // Compressed and split: the scripts are many and each is small, all of them brotli.
  expect(bytes.size, listing).toBeGreaterThan(5);
  expect(total, `JavaScript transferred for /m/report: ${total} B\n${listing}`).toBeLessThanOrEqual(BUDGET_BYTES);
  await ctx.close();
});

test('scripts arrive brotli-compressed and cached as immutable', async ({ request }) => {
  const page = await request.get('/m/report');
  const html = await page.text();
  const entry = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(entry).toBeDefined();
  const res = await request.get(entry as string, { headers: { 'accept-encoding': 'br' } });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-encoding']).toBe('br');
  expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(page.headers()['cache-control']).toBe('no-cache');
});
