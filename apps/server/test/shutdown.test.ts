import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-shutdown-'));
const port = 3300 + Math.floor(Math.random() * 500);

let child: ChildProcessByStdio<null, Readable, null> | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the request in flight, then closes the database and exits 0', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GEWU_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      GEWU_LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = server;
    server.stdout.setEncoding('utf8');
    let log = '';
    const waitForLog = (re: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (re.test(log) ? resolve() : undefined);
        server.stdout.on('data', (d: string) => {
          log += d;
          check();
        });
        server.once('exit', () =>
          re.test(log) ? resolve() : reject(new Error(`exited before ${re}: ${log.slice(-2000)}`)),
        );
        check();
      });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    await waitForLog(/Gewu 格物 is running/);

    // Send the headers and half the body, so the request is in flight when SIGTERM arrives.
    const body = JSON.stringify({ username: 'admin', password: 'Gewu@2026' });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/auth/login',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      void waitForLog(/shutting down/).then(() => req.end(body.slice(10)));
    });
    await waitForLog(/"url":"\/api\/auth\/login".*"msg":"incoming request"/); // the server has the headers
    server.kill('SIGTERM');

    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).user.username).toBe('admin');
    expect(await exited).toBe(0);
    expect(log).toMatch(/"msg":"stopped"/);
  });
});
