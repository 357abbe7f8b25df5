// bench/phone-load: a phone's first visit, as a resident on a slow connection sees it. Starts the
// production server on the built web UI (npm run build -w @gewu/web first), then for each run opens
// /m/report (signed in) and /login (signed out) in a fresh browser context — cold HTTP cache, no
// service worker — under Chrome DevTools' "Slow 4G" profile (562.5 ms latency, 1.44 Mbit/s down,
// 675 kbit/s up) and 4× CPU slowdown, and prints:
//   - JS transferred: bytes on the wire (compressed, headers included) of every script the page fetched
//     until the network went quiet after it became usable;
// With BENCH_LIST=1 it also lists each request: start–end (ms after the first request), wire bytes, URL.
//   - usable: from navigation to the report form (/m/report) or the login form (/login) on screen and
//     accepting input.
// Medians over the runs. Usage: npm run phone-load -w @gewu/bench [-- runs]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 3);
const port = Number(process.env.BENCH_PORT ?? 3915);
const base = `http://127.0.0.1:${port}`;

/** Chrome DevTools' "Slow 4G" preset (the same figures Lighthouse's mobile run uses, with DevTools' factors). */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const CPU_SLOWDOWN = 4;

if (!fs.existsSync(path.join(root, 'apps/web/dist/index.html'))) {
  console.error('apps/web/dist is missing: run `npm run build -w @gewu/web` first');
  process.exit(1);
}

async function waitHealthy(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy in time');
}

/** The session cookie of a freshly signed-in demo resident. */
async function residentCookie(): Promise<{ name: string; value: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'resident', password: 'Gewu@2026' }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const [pair] = (res.headers.get('set-cookie') ?? '').split(';');
  const [name, value] = (pair ?? '').split('=');
  if (!name || !value) throw new Error('login answered without a session cookie');
  return { name, value };
}

interface Load {
  jsBytes: number;
  allBytes: number;
  usableMs: number;
}

/** Sums encoded (wire) bytes per request as the page's network sees them. */
function countBytes(cdp: CDPSession): () => { jsBytes: number; allBytes: number } {
  const isJs = new Map<string, boolean>();
  const urls = new Map<string, string>();
  let jsBytes = 0;
  let allBytes = 0;
  const started = new Map<string, number>();
  let first = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!first) first = e.timestamp;
    started.set(e.requestId, e.timestamp);
  });
  cdp.on('Network.responseReceived', (e) => {
    isJs.set(e.requestId, e.type === 'Script' || /javascript/.test(e.response.mimeType));
    urls.set(e.requestId, e.response.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    allBytes += e.encodedDataLength;
    if (isJs.get(e.requestId)) jsBytes += e.encodedDataLength;
    if (process.env.BENCH_LIST) {
      const ms = (t: number | undefined) => (t === undefined ? '?' : Math.round((t - first) * 1000));
      console.log(
        `  ${ms(started.get(e.requestId))}–${ms(e.timestamp)} ms\t${e.encodedDataLength} B\t${urls.get(e.requestId)}`,
      );
    }
  });
  return () => ({ jsBytes, allBytes });
}

async function loadOnce(browser: Browser, url: string, usable: (page: Page) => Promise<void>, signedIn: boolean) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    serviceWorkers: 'block',
  });
  if (signedIn) {
    const { name, value } = await residentCookie();
    await context.addCookies([{ name, value, url: base }]);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const bytes = countBytes(cdp);
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await usable(page);
  const usableMs = performance.now() - t0;
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  const result: Load = { ...bytes(), usableMs };
  await context.close();
  return result;
}

const reportUsable = async (page: Page) => {
  const description = page.getByTestId('report-description');
  await description.waitFor({ state: 'visible', timeout: 120_000 });
  await description.fill('测');
  await page.getByTestId('report-submit').waitFor({ state: 'visible', timeout: 120_000 });
};
const loginUsable = async (page: Page) => {
  await page.getByTestId('login-username').fill('resident', { timeout: 120_000 });
  await page.getByTestId('login-submit').waitFor({ state: 'visible', timeout: 120_000 });
};

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-bench-phone-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: path.join(root, 'apps/server'),
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    GEWU_DATA_DIR: dataDir,
    GEWU_LOG_LEVEL: 'warn',
    GEWU_LOGIN_RATE_LIMIT: '1000',
    DATABASE_URL: '',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
});
try {
  await waitHealthy(Date.now() + 180_000);
  const report: Load[] = [];
  const login: Load[] = [];
  for (let i = 0; i < runs; i++) {
    report.push(await loadOnce(browser, `${base}/m/report`, reportUsable, true));
    login.push(await loadOnce(browser, `${base}/login`, loginUsable, false));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const line = (name: string, loads: Load[]) =>
    `${name}: JS transferred ${kb(median(loads.map((l) => l.jsBytes)))} (${median(loads.map((l) => l.jsBytes))} B), ` +
    `all transferred ${kb(median(loads.map((l) => l.allBytes)))}, ` +
    `usable ${(median(loads.map((l) => l.usableMs)) / 1000).toFixed(2)} s ` +
    `(runs: ${loads.map((l) => (l.usableMs / 1000).toFixed(2)).join(', ')} s)`;
  console.log(`machine: ${os.cpus().length} cores, ${os.loadavg()[0]?.toFixed(1)} load, node ${process.version}`);
  console.log(
    `profile: Slow 4G (562.5 ms, 1.44 Mbit/s down) + ${CPU_SLOWDOWN}× CPU slowdown, cold cache, ${runs} runs`,
  );
  console.log(line('/m/report (resident)', report));
  console.log(line('/login             ', login));
} finally {
  await browser.close();
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
}
