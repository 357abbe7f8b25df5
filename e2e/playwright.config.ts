import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const PORT = Number(process.env.GEWU_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * A fresh embedded database per run. The config is loaded again in every worker, so the
 * directory travels in an environment variable and only the process that made it removes it.
 */
if (!process.env.GEWU_E2E_DATA_DIR) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gewu-e2e-'));
  process.env.GEWU_E2E_DATA_DIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.ts',
  outputDir: path.join(here, '.test-output/artifacts'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: path.join(here, '.test-output/results.json') }]],
  use: {
    baseURL,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The real server on its own port, serving the freshly built web UI, on an empty database.
    command: 'npm run build -w @gewu/web && npm run start -w @gewu/server',
    cwd: path.join(here, '..'),
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      GEWU_DATA_DIR: process.env.GEWU_E2E_DATA_DIR,
      NODE_ENV: 'production',
      GEWU_LOG_LEVEL: 'warn',
      // Every spec logs in several times from the same address; the default (20/min) would trip.
      GEWU_LOGIN_RATE_LIMIT: '1000',
    },
  },
});
