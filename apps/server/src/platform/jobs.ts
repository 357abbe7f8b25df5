import type { FastifyBaseLogger } from 'fastify';

export interface Job {
  stop(): Promise<void>;
}

/** Runs `fn` every `intervalMs`, never two runs at once; `stop()` waits for a run in progress. */
export function startIntervalJob(
  name: string,
  intervalMs: number,
  fn: () => Promise<unknown>,
  log: FastifyBaseLogger,
): Job {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = fn()
      .catch((err: unknown) => log.error({ err, job: name }, 'job failed'))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
