// bench/startup: cold start (empty embedded database → migrated, seeded, answering /api/health)
// and warm start (same data directory, already migrated and seeded). Prints the figures.
// Usage: npm run startup -w @gewu/bench [-- runs]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 3);
const port = 3900;

async function waitHealthy(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('server did not become healthy in time');
}

/** Starts the server on `dataDir`, returns milliseconds until /api/health answered 200, then stops it. */
async function startOnce(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(root, 'apps/server'),
    env: { ...process.env, GEWU_DATA_DIR: dataDir, PORT: String(port), GEWU_LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitHealthy(Date.now() + 120_000);
    return performance.now() - t0;
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-bench-startup-'));
  cold.push(await startOnce(dir));
  warm.push(await startOnce(dir));
  fs.rmSync(dir, { recursive: true, force: true });
}
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, node ${process.version}`);
console.log(`cold start (empty PGlite → migrated + demo seeded + /api/health 200): ${fmt(cold)}`);
console.log(`warm start (existing PGlite data → /api/health 200):                ${fmt(warm)}`);
