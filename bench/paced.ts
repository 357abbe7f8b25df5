// An open-loop load generator: requests are due at a fixed rate whether or not the server keeps up,
// and each one's latency runs from the moment it was due (not from when a connection was free to send
// it), so time spent queueing for a connection counts. This is how wrk2 measures; autocannon's
// `overallRate` instead lets every connection fire its whole per-second quota back to back at the top
// of each second and then idle, which is a burst at full speed and not a rate. A warm-up at the same
// rate opens the connections and warms the code paths before anything is recorded.
import { fork } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as hdr from 'hdr-histogram-js';
import { Client } from 'undici';

export interface PacedRequest {
  method: 'POST' | 'GET';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  /** Requests due in the recorded part of the run (rate × seconds, exactly for uniform arrivals). */
  due: number;
  completed: number;
  /** Every request answered, warm-up included (what the server did work for in the run). */
  answered: number;
  statusCounts: Record<string, number>;
  errors: number;
  /** The same for the warm-up's requests (they count for what was written, not for the figures). */
  warmup: { statusCounts: Record<string, number>; errors: number };
  /** Seconds from the first due time to the last response. */
  durationS: number;
  /** Milliseconds from each request's due time to its full response. */
  latency: { p50: number; p90: number; p95: number; p99: number; p999: number; max: number };
  /** The most requests that were due but waiting for a free connection at one time. */
  maxBacklog: number;
  /** The slowest latency (ms) among the requests due in each second of the run, in order. */
  slowestPerSecond: number[];
  /** The generator's own event-loop delay (ms): when it is late, so is every send, and that counts. */
  generatorLoop: { p99: number; max: number };
}

/**
 * Sends `rate` requests a second for `seconds` over `connections` keep-alive connections (one request
 * in flight on each). Arrivals are evenly spaced (`uniform`, as wrk2) or a Poisson process
 * (`poisson`, exponential gaps with the same mean, as independent users would arrive).
 */
export async function runPaced(opts: {
  url: string;
  connections: number;
  rate: number;
  seconds: number;
  arrivals: 'uniform' | 'poisson';
  /** Seconds sent at the same rate first and not recorded (new connections, cold code paths). */
  warmupSeconds?: number;
  request: () => PacedRequest;
}): Promise<PacedResult> {
  const clients = Array.from(
    { length: opts.connections },
    () => new Client(opts.url, { pipelining: 1, keepAliveTimeout: 60_000 }),
  );
  const free = [...clients];
  const waiting: number[] = []; // due times of requests not yet sent
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const statusCounts: Record<string, number> = {};
  const warmupStatusCounts: Record<string, number> = {};
  let errors = 0;
  let warmupErrors = 0;
  let completed = 0;
  let measured = 0;
  let maxBacklog = 0;
  const slowestPerSecond = Array.from({ length: Math.ceil(opts.seconds) }, () => 0);
  const warmup = Math.round(opts.rate * (opts.warmupSeconds ?? 0));
  const due = warmup + Math.round(opts.rate * opts.seconds);
  const meanGapMs = 1000 / opts.rate;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const begin = performance.now() + 20;
  const start = begin + (opts.warmupSeconds ?? 0) * 1000;
  let nextDue = begin;
  let scheduled = 0;
  let monitoring = false;
  let measuredDue = 0; // Poisson arrivals put a varying number into the warm-up
  let lastResponse = start;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));

  const send = (client: Client, dueAt: number) => {
    const r = opts.request();
    client
      .request({ method: r.method, path: r.path, headers: r.headers, body: r.body })
      .then(async (res) => {
        await res.body.dump();
        const counts = dueAt >= start ? statusCounts : warmupStatusCounts;
        counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
      })
      .catch(() => {
        if (dueAt >= start) errors++;
        else warmupErrors++;
      })
      .finally(() => {
        const now = performance.now();
        if (dueAt >= start) {
          const latency = now - dueAt;
          histogram.recordValue(Math.max(1, Math.round(latency * 1000))); // µs
          const second = Math.min(slowestPerSecond.length - 1, Math.floor((dueAt - start) / 1000));
          slowestPerSecond[second] = Math.max(slowestPerSecond[second]!, latency);
          lastResponse = now;
          measured++;
        }
        completed++;
        const queued = waiting.shift();
        if (queued !== undefined) send(client, queued);
        else free.push(client);
        if (completed === due) done();
      });
  };

  const tick = () => {
    const now = performance.now();
    while (scheduled < due && nextDue <= now) {
      const client = free.pop();
      if (client) send(client, nextDue);
      else waiting.push(nextDue);
      scheduled++;
      if (nextDue >= start) measuredDue++;
      nextDue += opts.arrivals === 'uniform' ? meanGapMs : -Math.log(1 - Math.random()) * meanGapMs;
    }
    if (now >= start) {
      maxBacklog = Math.max(maxBacklog, waiting.length);
      if (!monitoring) monitoring = loop.enable();
    }
    if (scheduled < due) setTimeout(tick, Math.max(0, Math.min(1, nextDue - performance.now())));
  };
  setTimeout(tick, 20);
  await finished;
  loop.disable();
  await Promise.all(clients.map((c) => c.close()));
  const ms = (p: number) => histogram.getValueAtPercentile(p) / 1000;
  return {
    due: measuredDue,
    completed: measured,
    answered: completed,
    statusCounts,
    errors,
    warmup: { statusCounts: warmupStatusCounts, errors: warmupErrors },
    durationS: (lastResponse - start) / 1000,
    latency: { p50: ms(50), p90: ms(90), p95: ms(95), p99: ms(99), p999: ms(99.9), max: histogram.maxValue / 1000 },
    maxBacklog,
    slowestPerSecond,
    generatorLoop: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
  };
}

/**
 * `runPaced` in a child process, with the requests made beforehand: when the server under test runs in
 * the bench's own process, a generator beside it would share its event loop, and every response the
 * generator handles would be latency added to the server's. Apart, they share only the machine.
 */
export function runPacedApart(
  opts: Omit<Parameters<typeof runPaced>[0], 'request'> & { requests: PacedRequest[] },
): Promise<PacedResult> {
  const child = fork(fileURLToPath(new URL('./paced-child.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: process.execArgv,
  });
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as PacedResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(opts);
  });
}
