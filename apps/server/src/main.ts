import path from 'node:path';
import { buildApp, makeDeps } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { systemClock } from './platform/clock.ts';
import { chainPendingAudit, purgeExpiredAudit } from './platform/audit/audit.service.ts';
import { startIntervalJob } from './platform/jobs.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';
import { seedDemoActivity } from './seed/demo-activity.ts';
import { sweepDeadlines } from './platform/clocks/index.ts';
import { purgeUnlinkedAttachments } from './modules/attachments/attachments.retention.ts';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: path.join(config.dataDir, 'pglite') });
  await database.migrate();
  const clock = systemClock;
  const deps = makeDeps({ db: database.db, engine: database.engine, clock, config });
  const app = await buildApp(deps);
  if (config.GEWU_SEED_DEMO && (await seedDemoIfEmpty(database.db, clock, deps.pii))) {
    await seedDemoActivity(deps);
    app.log.info('demo data created (演示数据已创建)');
  }

  const jobs = [
    startIntervalJob(
      'audit.chain',
      config.GEWU_AUDIT_CHAIN_INTERVAL_MS,
      () => chainPendingAudit(database.db, config.GEWU_AUDIT_HASH),
      app.log,
    ),
    startIntervalJob(
      'clocks.sweep',
      config.GEWU_SWEEP_INTERVAL_MS,
      () => sweepDeadlines({ db: database.db, clock }),
      app.log,
    ),
    startIntervalJob(
      'audit.retention',
      3_600_000,
      () => purgeExpiredAudit(database.db, clock, config.GEWU_AUDIT_RETENTION_DAYS),
      app.log,
    ),
    startIntervalJob(
      'attachments.unlinked',
      3_600_000,
      () => purgeUnlinkedAttachments({ db: database.db, clock, config }),
      app.log,
    ),
  ];

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.GEWU_SHUTDOWN_TIMEOUT_MS);
    force.unref();
    await app.close();
    await Promise.all(jobs.map((j) => j.stop()));
    await chainPendingAudit(database.db, config.GEWU_AUDIT_HASH).catch(() => undefined);
    await database.close();
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info({ engine: database.engine, url: `http://localhost:${config.PORT}` }, 'Gewu 格物 is running');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('启动失败 / failed to start:', err);
  }
  process.exit(1);
});
