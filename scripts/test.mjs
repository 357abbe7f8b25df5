#!/usr/bin/env node
// The whole test suite: unit + database + HTTP tests on PGlite, the database and HTTP tests again
// on PostgreSQL when TEST_DATABASE_URL is set, then the Playwright end-to-end specs in Chromium.
// Ends with one line "N passed, N failed" and exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.test-output');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const bin = (name) => path.join(root, 'node_modules/.bin', name);

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function vitest(label, report, filters, env) {
  const file = path.join(out, report);
  const status = run(
    label,
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...filters],
    env,
  );
  if (!fs.existsSync(file)) {
    totals.failed += 1;
    console.error(`${label}: no report written (exit ${status})`);
    return;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  // A file that fails to load has no failing tests but a failing suite: count it.
  const brokenFiles = r.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed'),
  ).length;
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + brokenFiles + (status !== 0 && r.numFailedTests + brokenFiles === 0 ? 1 : 0);
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium')) return true;
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian chromium for the browser tests…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  return fs.existsSync('/usr/bin/chromium');
}

vitest('unit, database and HTTP tests on PGlite', 'vitest-pglite.json', [], { TEST_DATABASE_URL: '' });
if (process.env.TEST_DATABASE_URL) {
  vitest('database and HTTP tests on PostgreSQL', 'vitest-postgres.json', ['apps/server'], {});
} else {
  console.log('\n(TEST_DATABASE_URL not set: database tests ran on PGlite only)');
}

if (process.env.GEWU_SKIP_E2E === '1') {
  console.log('\n(GEWU_SKIP_E2E=1: end-to-end tests skipped)');
} else if (!ensureChromium()) {
  console.error(
    "\nChromium not found at /usr/bin/chromium: install Debian's chromium package (apt-get install chromium).",
  );
  totals.failed += 1;
} else {
  const report = path.join(root, 'e2e/.test-output/results.json');
  fs.rmSync(report, { force: true });
  const status = run('end-to-end tests (Playwright, Chromium)', 'npm', ['test', '-w', '@gewu/e2e']);
  if (fs.existsSync(report)) {
    const s = JSON.parse(fs.readFileSync(report, 'utf8')).stats;
    totals.passed += s.expected + s.flaky;
    totals.failed += s.unexpected + (status !== 0 && s.unexpected === 0 ? 1 : 0);
    totals.skipped += s.skipped;
  } else {
    totals.failed += 1;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
