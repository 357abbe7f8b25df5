import type { FastifyLoggerOptions, PinoLoggerOptions } from 'fastify/types/logger.js';

/** Anything pino can write log lines to (a file, stdout, an in-memory stream in tests). */
export interface LogDestination {
  write(line: string): unknown;
}

/**
 * What the server's logs may hold. Logs are read by operators and shipped to log stores that are
 * not protected like the database, so they must carry no personal data and no secrets:
 *
 * - a request's URL is logged without its query values (`/api/x?idNumber=[redacted]`);
 * - an error is logged by its type, code, SQL state and a scrubbed message and stack, never with a
 *   failed query's text or parameters (Drizzle's DrizzleQueryError puts both into its message and
 *   carries them as `query`/`params`; pg's errors carry `detail` such as
 *   `Key (id_hash)=(…) already exists`, `where`, `internalQuery`);
 * - any string left is scrubbed of what looks like an identity or mobile number, an argon2 hash,
 *   an encrypted field (`gcm:…`, `sm4:…`) or a long hex/base64 digest (session, API-key and
 *   lookup hashes).
 */

const REDACTED = '[redacted]';

/** Path of a URL with every query value replaced, parameter names kept for diagnosis. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const name = pair.split('=')[0] ?? '';
      return `${/^[\w.[\]-]{1,64}$/.test(name) ? name : 'param'}=${REDACTED}`;
    });
  return `${url.slice(0, q)}?${names.join('&')}`;
}

/** The request path alone, without its query string. */
export function urlPath(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

const SCRUBS: [RegExp, string][] = [
  // argon2 / bcrypt / crypt-style password hashes
  [/\$argon2(?:id|i|d)\$[\w$=,+/.-]*/g, '[password-hash]'],
  [/\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/g, '[password-hash]'],
  // encrypted fields as platform/pii.ts writes them
  [/\b(?:gcm|sm4):[A-Za-z0-9+/=_-]+:[A-Za-z0-9+/=_-]+(?::[A-Za-z0-9+/=_-]+)?/g, '[ciphertext]'],
  // hex digests (SHA-256 of session tokens and API keys, SM3 …) and long base64/base64url runs
  [/\b[0-9a-fA-F]{32,}\b/g, '[hash]'],
  // (base64url runs of 32+ with a digit and a letter: HMAC lookup hashes; UUIDs are kept below)
  [/(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{32,}={0,2}/g, '[hash]'],
  // identity numbers (18 characters, 15-digit old ones) and mainland mobile numbers
  [/(?<![0-9])\d{17}[\dXx](?![0-9])/g, '[id-number]'],
  [/(?<![0-9])\d{15}(?![0-9])/g, '[id-number]'],
  [/(?<![0-9])(?:\+?86)?1[3-9]\d{9}(?![0-9])/g, '[phone]'],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function scrubText(text: string): string {
  let out = text;
  for (const [re, by] of SCRUBS) out = out.replace(re, (m) => (UUID.test(m) ? m : by));
  return out;
}

/** Drizzle's wrapper message is `Failed query: <sql>\nparams: <values>`; keep only that it failed. */
function stripQuery(message: string): string {
  return message.replace(
    /Failed query:[\s\S]*?(?:\nparams:[^\n]*)?(?=\n\s+at |$)/,
    'Failed query: [query and parameters not logged]',
  );
}

/** Fields of an error that are safe to log (codes and names, never values). */
const SAFE_FIELDS = [
  'code',
  'statusCode',
  'severity',
  'routine',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'validationContext',
] as const;

export interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function serializeError(err: unknown, depth = 0): SerializedError {
  if (!(err instanceof Error)) {
    const message = typeof err === 'string' ? scrubText(stripQuery(err)) : REDACTED;
    return { type: typeof err, message, stack: '' };
  }
  const e = err as Error & Record<string, unknown>;
  const type = e.constructor?.name ?? 'Error';
  const message = scrubText(stripQuery(e.message ?? ''));
  // The stack's first line repeats the message; keep only the frames.
  const frames = typeof e.stack === 'string' ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  const out: SerializedError = { type, message, stack: scrubText([`${type}: ${message}`, ...frames].join('\n')) };
  for (const f of SAFE_FIELDS) {
    const v = e[f];
    if (typeof v === 'string' || typeof v === 'number') out[f] = typeof v === 'string' ? scrubText(v) : v;
  }
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Pino options of the server: level, redaction and the serializers above. */
export function loggerOptions(level: string, stream?: LogDestination): FastifyLoggerOptions & PinoLoggerOptions {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: [
      'req.headers.cookie',
      'req.headers["x-csrf-token"]',
      'req.headers["x-api-key"]',
      'req.headers.authorization',
      'res.headers["set-cookie"]',
    ],
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
      err: (err: unknown) => serializeError(err),
      error: (err: unknown) => serializeError(err),
    },
  };
}
