import { idCheckChar } from '@gewu/domain';

/**
 * Captures what the server logs, to check that no personal data or secret reaches the logs.
 *
 *   const logs = captureLogs();
 *   const t = await createTestApp({}, { logStream: logs.stream });
 *   … requests …
 *   expect(findPersonalData(logs.text(), [idNumber, phone, keyHash])).toEqual([]);
 */
export interface LogCapture {
  /** Give this to `createTestApp(env, { logStream })` or `buildApp(deps, { logStream })`. */
  stream: { write(line: string): boolean };
  /** Everything logged so far, one JSON line per entry. */
  text(): string;
  /** The entries parsed. */
  entries(): Record<string, unknown>[];
  /** Forgets what was captured (to look at one request's lines only). */
  clear(): void;
}

export function captureLogs(): LogCapture {
  let chunks: string[] = [];
  return {
    stream: {
      write(line: string) {
        chunks.push(line);
        return true;
      },
    },
    text: () => chunks.join(''),
    entries: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    clear() {
      chunks = [];
    },
  };
}

export type FindingKind =
  'id-number' | 'phone' | 'password-hash' | 'ciphertext' | 'hex-digest' | 'base64-digest' | 'known-secret';

export interface Finding {
  kind: FindingKind;
  /** The text found (a known secret is given back as it was passed in). */
  match: string;
  /** 1-based line of the captured text it was found on. */
  line: number;
}

/** A valid GB 11643 number (so that other 18-digit runs are not flagged). */
function isIdNumber(s: string): boolean {
  return idCheckChar(s.slice(0, 17)) === s[17]?.toUpperCase();
}

const PATTERNS: [FindingKind, RegExp, ((m: string) => boolean)?][] = [
  // Whole tokens only: not the digits of a fraction (pino's responseTime 0.043525000000954606 holds
  // 18 of them) nor a run inside a UUID or a digest (…-9e3f-14747833804b).
  ['id-number', /(?<![\w.-])\d{17}[\dXx](?![\w-])/g, isIdNumber],
  ['phone', /(?<![\w.-])1[3-9]\d{9}(?![\w-])/g],
  ['password-hash', /\$argon2(?:id|i|d)\$/g],
  ['password-hash', /\$2[aby]\$\d{2}\$/g],
  ['ciphertext', /\b(?:gcm|sm4):[A-Za-z0-9+/=_-]{8,}:[A-Za-z0-9+/=_-]{4,}/g],
  // SHA-256/SM3 digests of session tokens and API keys are hex; the HMAC lookup hashes of numbers
  // are 43 characters of base64url.
  ['hex-digest', /(?<![0-9A-Za-z])[0-9a-fA-F]{32,}(?![0-9A-Za-z])/g],
  ['base64-digest', /(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{40,}(?![\w-])/g, (m) => !/^[0-9a-fA-F]+$/.test(m)],
];

/**
 * Looks through captured log text for personal data and secrets: identity numbers (valid check
 * character), mainland mobile numbers, argon2/bcrypt hashes, encrypted fields as the PII cipher
 * writes them (`gcm:…`, `sm4:…`), hex digests of 32+ characters, base64url digests of 40+, and
 * each of `knownSecrets` (plaintexts, hashes, ciphertexts the test made) verbatim. Returns what it
 * found; an empty array means the text is clean.
 */
export function findPersonalData(text: string, knownSecrets: readonly string[] = []): Finding[] {
  const lines = text.split('\n');
  const found: Finding[] = [];
  lines.forEach((l, i) => {
    for (const [kind, re, accept] of PATTERNS) {
      for (const m of l.matchAll(re)) if (!accept || accept(m[0])) found.push({ kind, match: m[0], line: i + 1 });
    }
    for (const secret of knownSecrets) {
      // JSON escapes `/` nowhere but `"` and `\`, so a secret with those is also looked for escaped.
      if (secret && (containsToken(l, secret) || containsToken(l, JSON.stringify(secret).slice(1, -1))))
        found.push({ kind: 'known-secret', match: secret, line: i + 1 });
    }
  });
  return found;
}

/**
 * Whether `text` holds `token` as a whole token: not inside a longer run of letters or digits, nor
 * after a decimal point (pino's responseTime 0.13700000001… holds the digits of a phone number).
 */
function containsToken(text: string, token: string): boolean {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + token.length] ?? '';
    if (!/[\w.]/.test(before) && !/\w/.test(after)) return true;
  }
  return false;
}
