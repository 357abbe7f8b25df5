import path from 'node:path';
import net from 'node:net';
import { z } from 'zod';
import { type BaseLayer, petitionLimitOverridesSchema, petitionLimits } from '@gewu/domain';
import { baseLayerOf, mapConfigFields, mapConfigProblems, tileImgHosts } from './config-map.ts';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** An IP address, or a CIDR block (address/prefix length). */
function isProxyAddress(v: string): boolean {
  const [ip, bits, ...rest] = v.split('/');
  const family = net.isIP(ip ?? '');
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * The one place that reads process.env. Every variable is documented in the README with its default.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.string().url().optional(),
    GEWU_DATA_DIR: z.string().default('./data'),
    GEWU_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    GEWU_SEED_DEMO: bool.default(true),
    GEWU_WEB_DIST: z.string().optional(),
    GEWU_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    GEWU_SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(720).default(12),
    GEWU_SESSION_IDLE_MINUTES: z.coerce.number().min(1).max(1440).default(120),
    GEWU_COOKIE_SECURE: bool.optional(),
    /**
     * Which hops may say who the client is (X-Forwarded-For, -Proto, -Host): `false` (no proxy: the
     * socket's address is the client), `true` (any), a number of hops, or addresses/CIDRs of the
     * reverse proxies, comma-separated. Behind nginx without it every request has the proxy's address:
     * the audit log records it and the per-IP login limit is shared by everyone.
     */
    GEWU_TRUST_PROXY: z
      .string()
      .default('false')
      .transform((v, ctx): boolean | number | string[] => {
        const s = v.trim();
        if (s === 'true' || s === 'false') return s === 'true';
        if (/^\d+$/.test(s)) return Number(s);
        const list = s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
        const bad = list.filter((x) => !isProxyAddress(x));
        if (list.length && !bad.length) return list;
        ctx.addIssue({
          code: 'custom',
          message: `应为 true、false、跳数或以逗号分隔的代理地址/CIDR：${bad.join(', ') || s}`,
        });
        return z.NEVER;
      }),
    GEWU_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
    GEWU_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    GEWU_LOGIN_LOCK_MINUTES: z.coerce.number().min(1).default(15),
    /**
     * Failures of one name from all addresses together, within GEWU_LOGIN_LOCK_MINUTES, after which
     * that name may sign in only from an address it signed in from in the last 90 days.
     */
    GEWU_LOGIN_ACCOUNT_FAILURES: z.coerce.number().int().min(1).default(50),
    GEWU_AUDIT_HASH: z.enum(['sha256', 'sm3']).default('sha256'),
    GEWU_AUDIT_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(180, '审计日志至少保留 180 天（网络安全法第二十一条）')
      .default(365),
    GEWU_AUDIT_CHAIN_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
    /** How often the deadline sweep looks for cases turning yellow or red. */
    GEWU_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(30_000),
    /** How often a live notification stream looks for rows written by other instances. */
    GEWU_NOTIFY_POLL_MS: z.coerce.number().int().min(200).default(3000),
    /** Reports per minute one API key may file (other systems: cameras, sensors, 12345). */
    GEWU_API_KEY_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** Open311 reads (services, requests, updates) per client address per minute and read route: they need no key. */
    GEWU_OPEN311_READ_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    GEWU_PII_CIPHER: z.enum(['aes-256-gcm', 'sm4']).default('aes-256-gcm'),
    GEWU_PII_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, '须为 32 字节密钥的 base64')
      .optional(),
    GEWU_PII_HASH_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, '须为 32 字节密钥的 base64')
      .optional(),
    GEWU_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(536_870_912),
    GEWU_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(10_485_760),
    /**
     * Days an uploaded photo that no record links to is kept before it is deleted (a report abandoned
     * after its photo went up). Long enough for a phone to come back from a dead zone and send it.
     */
    GEWU_ATTACHMENT_UNLINKED_DAYS: z.coerce.number().int().min(2).default(30),
    /**
     * A province's petition limits (信访时限) over the national ones of 《信访工作条例》, as JSON keyed by
     * limit (petitionLimitOverridesSchema): e.g. {"intake":{"amount":15,"unit":"work_days","source":"某省…第N条"}}.
     * A province may shorten a limit or count it in working days, never lengthen it.
     */
    GEWU_PETITION_LIMITS: z
      .string()
      .default('{}')
      .transform((v, ctx) => {
        let json: unknown;
        try {
          json = JSON.parse(v);
        } catch {
          ctx.addIssue({ code: 'custom', message: '须为 JSON 对象' });
          return z.NEVER;
        }
        const parsed = petitionLimitOverridesSchema.safeParse(json);
        if (parsed.success) return petitionLimits(parsed.data);
        for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
        return z.NEVER;
      }),
    GEWU_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** The maps' base layer (tile URL templates, subdomains, credit, zoom): see config-map.ts. */
    ...mapConfigFields,
    /**
     * Hosts the web UI may load images from besides itself and the tile servers of GEWU_MAP_TILE_URL and
     * GEWU_MAP_LABEL_URL (those are added on their own), as Content-Security-Policy host sources,
     * comma-separated: a tile server the templates do not name, say one the tiles redirect to.
     * Unset: images only from the server itself, the tile servers and data:/blob:.
     */
    GEWU_CSP_IMG_HOSTS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^(https?:\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i,
              '须为主机来源，如 https://*.tianditu.gov.cn（逗号分隔）',
            ),
        ),
      )
      .default([]),
  })
  .superRefine((c, ctx) => {
    for (const [variable, message] of mapConfigProblems(c)) ctx.addIssue({ code: 'custom', path: [variable], message });
  });

export type Config = z.infer<typeof configSchema> & {
  dataDir: string;
  webDist: string;
  /** The maps' base layer, null when no tile server is configured. */
  baseLayer: BaseLayer | null;
  /** Image hosts of the Content-Security-Policy: the tile servers, then GEWU_CSP_IMG_HOSTS. */
  cspImgHosts: string[];
};

export class ConfigError extends Error {}

/** Parses the environment once; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (so `DATABASE_URL= npm start` means the embedded database).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  const baseLayer = baseLayerOf(c);
  return {
    ...c,
    baseLayer,
    cspImgHosts: [...new Set([...tileImgHosts(baseLayer), ...c.GEWU_CSP_IMG_HOSTS])],
    dataDir: path.resolve(c.GEWU_DATA_DIR),
    webDist: path.resolve(c.GEWU_WEB_DIST ?? path.join(repoRoot, 'apps/web/dist')),
  };
}
