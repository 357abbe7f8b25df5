import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Role, checkPasswordPolicy, checkRegionCode, roleSchema, roleSetProblem } from '@gewu/domain';
import { eq } from 'drizzle-orm';
import { ConfigError, loadConfig } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { systemClock } from './platform/clock.ts';
import { systemContext } from './platform/context.ts';
import { chainPendingAudit, purgeExpiredAudit, recordAudit, verifyAuditChain } from './platform/audit/audit.service.ts';
import { hashPassword } from './platform/password.ts';
import { piiCipherFromConfig } from './platform/pii.ts';
import { regions } from './modules/regions/regions.table.ts';
import { users } from './modules/users/users.table.ts';
import { clearLoginFailures, revokeUserSessions } from './modules/users/sign-in.repository.ts';
import { levelOfCode, seedDemoIfEmpty } from './seed/demo.ts';
import { seedDemoActivity } from './seed/demo-activity.ts';
import { GridLocator } from './modules/grids/grids.index.ts';
import { purgeUnlinkedAttachments } from './modules/attachments/attachments.retention.ts';

const USAGE = `用法 / usage: npm run gewu -- <command> [options]
  migrate                                   apply database migrations
  seed                                      create the demo township and accounts (only into an empty database)
  create-region --code C --name N           add a region node (its parent is found from the code; a province needs none)
  create-user --username U --name N --region CODE --roles r1,r2 --password P
  reset-password --username U --password P  set a new password (the user must change it at next login)
  verify-audit                              check the audit hash chain; exit 1 and name the first broken row
  purge-audit                               delete audit rows older than the retention period
  purge-attachments                         delete uploaded photos no record links to, older than GEWU_ATTACHMENT_UNLINKED_DAYS`;

class CliError extends Error {}

type Options = Record<string, string | undefined>;

function need(opts: Options, name: string): string {
  const v = opts[name];
  if (!v) throw new CliError(`缺少参数 --${name}`);
  return v;
}

const clock = systemClock;
const ctx = () => ({ ...systemContext(), actor: null });

const commands: Record<string, (database: Database, opts: Options) => Promise<number>> = {
  async migrate() {
    console.log('迁移完成 / migrations applied');
    return 0;
  },
  async seed(database) {
    const config = loadConfig();
    const { db } = database;
    const deps = { db, clock, config, pii: piiCipherFromConfig(config), gridLocator: new GridLocator(db, clock) };
    const created = await seedDemoIfEmpty(db, clock, deps.pii);
    if (created) await seedDemoActivity(deps);
    console.log(
      created
        ? '演示数据已创建 / demo data created'
        : '数据库已有数据，未写入演示数据 / database not empty, nothing seeded',
    );
    return 0;
  },
  async 'create-region'(database, opts) {
    const code = need(opts, 'code');
    const name = need(opts, 'name');
    const all = await database.db.select({ code: regions.code, path: regions.path, id: regions.id }).from(regions);
    if (all.some((r) => r.code === code)) throw new CliError(`区划代码 ${code} 已存在`);
    const parent = all.filter((r) => code.startsWith(r.code)).sort((a, b) => b.code.length - a.code.length)[0];
    if (code.length > 2 && !parent) throw new CliError('找不到上级区划，请先创建上级');
    const reason = checkRegionCode(levelOfCode(code), code, parent?.code ?? null);
    if (reason) throw new CliError(reason);
    await database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(regions)
        .values({
          code,
          name,
          level: levelOfCode(code),
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? '/'}${code}/`,
        })
        .returning({ id: regions.id, path: regions.path });
      await recordAudit(tx, clock, ctx(), {
        action: 'region.create',
        targetType: 'region',
        targetId: row?.id ?? null,
        regionPath: row?.path ?? null,
        detail: { code, name, via: 'cli' },
      });
    });
    console.log(`已创建区划 ${code} ${name}`);
    return 0;
  },
  async 'create-user'(database, opts) {
    const roles = need(opts, 'roles')
      .split(',')
      .map((r) => {
        const parsed = roleSchema.safeParse(r.trim());
        if (!parsed.success) throw new CliError(`未知角色 ${r}`);
        return parsed.data;
      }) as Role[];
    const problem = roleSetProblem(roles);
    if (problem) throw new CliError(problem.message);
    const password = need(opts, 'password');
    const policy = checkPasswordPolicy(password);
    if (policy) throw new CliError(policy);
    const [region] = await database.db
      .select()
      .from(regions)
      .where(eq(regions.code, need(opts, 'region')));
    if (!region) throw new CliError(`区划 ${opts.region} 不存在`);
    const passwordHash = await hashPassword(password);
    await database.db.transaction(async (tx) => {
      const [u] = await tx
        .insert(users)
        .values({
          username: need(opts, 'username'),
          displayName: need(opts, 'name'),
          passwordHash,
          regionId: region.id,
          roles,
        })
        .returning({ id: users.id });
      await recordAudit(tx, clock, ctx(), {
        action: 'user.create',
        targetType: 'user',
        targetId: u?.id ?? null,
        regionPath: region.path,
        detail: { username: opts.username, roles, via: 'cli' },
      });
    });
    console.log(`已创建用户 ${opts.username}`);
    return 0;
  },
  async 'reset-password'(database, opts) {
    const password = need(opts, 'password');
    const policy = checkPasswordPolicy(password);
    if (policy) throw new CliError(policy);
    const [u] = await database.db
      .select()
      .from(users)
      .where(eq(users.username, need(opts, 'username')));
    if (!u) throw new CliError(`用户 ${opts.username} 不存在`);
    const passwordHash = await hashPassword(password);
    await database.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          passwordHash,
          mustChangePassword: true,
          failedLogins: 0,
          lockedUntil: null,
          passwordChangedAt: clock.now(),
        })
        .where(eq(users.id, u.id));
      await revokeUserSessions(tx, u.id, clock.now());
      await clearLoginFailures(tx, u.username);
      await recordAudit(tx, clock, ctx(), {
        action: 'user.reset_password',
        targetType: 'user',
        targetId: u.id,
        detail: { via: 'cli' },
      });
    });
    console.log(`已重置 ${u.username} 的密码（下次登录须修改）`);
    return 0;
  },
  async 'verify-audit'(database) {
    const alg = loadConfig().GEWU_AUDIT_HASH;
    await chainPendingAudit(database.db, alg);
    const r = await verifyAuditChain(database.db, alg);
    if (r.ok) {
      console.log(`审计链完整 / audit chain intact: ${r.checked} rows checked (${r.algorithm})`);
      return 0;
    }
    console.log(
      `审计链断裂 / audit chain BROKEN at row id=${r.firstBrokenId} chain_no=${r.firstBrokenChainNo}: ${r.reason}`,
    );
    return 1;
  },
  async 'purge-audit'(database) {
    const n = await purgeExpiredAudit(database.db, clock, loadConfig().GEWU_AUDIT_RETENTION_DAYS);
    console.log(`已清理 ${n} 条过期审计记录`);
    return 0;
  },
  async 'purge-attachments'(database) {
    const n = await purgeUnlinkedAttachments({ db: database.db, clock, config: loadConfig() });
    console.log(`已清理 ${n} 张未关联的过期图片`);
    return 0;
  },
};

async function main(argv: string[]) {
  const str = { type: 'string' } as const;
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { code: str, name: str, region: str, roles: str, password: str, username: str },
  });
  const name = positionals[0];
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.log(USAGE);
    return name ? 2 : 0;
  }
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: path.join(config.dataDir, 'pglite') });
  try {
    await database.migrate();
    return await command(database, values as Options);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof CliError || err instanceof ConfigError ? err.message : err);
    process.exit(err instanceof CliError ? 2 : 1);
  },
);
