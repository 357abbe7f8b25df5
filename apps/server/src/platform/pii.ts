import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  randomFillSync,
  timingSafeEqual,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field encryption for personal information (身份证号, 电话). Values are stored encrypted and
 * found again only through a keyed hash (HMAC) of their normalized form, never by plaintext.
 *
 * - `aes-256-gcm` (default): authenticated encryption, 12-byte IV.
 * - `sm4` (国密): SM4-CBC with an HMAC-SM3 tag over IV and ciphertext (encrypt-then-MAC), since
 *   Node's SM4 has no GCM mode.
 *
 * Stored form: `<alg>:<iv b64>:<ciphertext b64>:<tag b64>`, so rows written under one algorithm
 * stay readable after the deployment switches to the other.
 */
export type PiiAlgorithm = 'aes-256-gcm' | 'sm4';

export interface PiiKeys {
  /** 32 bytes; SM4 uses the first 16 for encryption and the last 16 for its MAC. */
  encryptionKey: Buffer;
  /** Key of the lookup hash (HMAC-SHA256), distinct from the encryption key. */
  hashKey: Buffer;
}

/**
 * Random IVs drawn from a pooled buffer: one randomFillSync per 16 KiB instead of one per value
 * (imports encrypt millions of fields). Every IV is still fresh CSPRNG output, never reused: a
 * used-up buffer is replaced, never refilled, so the views handed out stay valid and distinct.
 */
class IvPool {
  private buf = Buffer.alloc(0);
  private pos = 0;
  take(n: number): Buffer {
    if (this.pos + n > this.buf.length) {
      this.buf = randomFillSync(Buffer.allocUnsafe(16384));
      this.pos = 0;
    }
    const iv = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return iv;
  }
}

export class PiiCipher {
  private readonly ivs = new IvPool();

  constructor(
    private readonly keys: PiiKeys,
    readonly algorithm: PiiAlgorithm = 'aes-256-gcm',
  ) {
    if (keys.encryptionKey.length !== 32 || keys.hashKey.length < 32) throw new Error('PII keys must be 32 bytes');
  }

  encrypt(plain: string): string {
    if (this.algorithm === 'sm4') {
      const iv = this.ivs.take(16);
      const c = createCipheriv('sm4-cbc', this.keys.encryptionKey.subarray(0, 16), iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['sm4', iv.toString('base64'), ct.toString('base64'), this.sm4Tag(iv, ct).toString('base64')].join(':');
    }
    const iv = this.ivs.take(12);
    const c = createCipheriv('aes-256-gcm', this.keys.encryptionKey, iv);
    const head = c.update(plain, 'utf8');
    const tail = c.final(); // empty: GCM is a stream mode
    const ct = tail.length ? Buffer.concat([head, tail]) : head;
    return `gcm:${iv.toString('base64')}:${ct.toString('base64')}:${c.getAuthTag().toString('base64')}`;
  }

  /** Throws when the value was altered or written under another key. */
  decrypt(stored: string): string {
    const [alg, ivB, ctB, tagB] = stored.split(':');
    if (!ivB || !ctB || !tagB) throw new Error('malformed encrypted value');
    const iv = Buffer.from(ivB, 'base64');
    const ct = Buffer.from(ctB, 'base64');
    const tag = Buffer.from(tagB, 'base64');
    if (alg === 'sm4') {
      const expected = this.sm4Tag(iv, ct);
      if (expected.length !== tag.length || !timingSafeEqual(expected, tag))
        throw new Error('encrypted value failed its integrity check');
      const d = createDecipheriv('sm4-cbc', this.keys.encryptionKey.subarray(0, 16), iv);
      return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
    }
    if (alg !== 'gcm') throw new Error(`unknown algorithm ${alg}`);
    const d = createDecipheriv('aes-256-gcm', this.keys.encryptionKey, iv);
    d.setAuthTag(tag);
    return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
  }

  /**
   * Deterministic keyed hash for exact-match search; `kind` separates ID numbers, phones and the
   * names typed at a failed login (which may be a number or a password typed in the wrong field).
   */
  lookupHash(kind: 'id' | 'phone' | 'login_name', normalized: string): string {
    return createHmac('sha256', this.keys.hashKey).update(`${kind}\u0000${normalized}`).digest('base64url');
  }

  private sm4Tag(iv: Buffer, ct: Buffer): Buffer {
    return createHmac('sm3', this.keys.encryptionKey.subarray(16, 32)).update(iv).update(ct).digest();
  }
}

/**
 * Keys from the environment (base64, 32 bytes each). Without them, keys are generated once into
 * `<dataDir>/keys/pii.json` (mode 600) so a demo or development install works out of the box;
 * production deployments set GEWU_PII_KEY and GEWU_PII_HASH_KEY from their key management.
 */
export function loadPiiKeys(
  env: { GEWU_PII_KEY?: string; GEWU_PII_HASH_KEY?: string },
  dataDir: string,
): { keys: PiiKeys; source: 'env' | 'file' } {
  if (env.GEWU_PII_KEY && env.GEWU_PII_HASH_KEY) {
    return {
      keys: {
        encryptionKey: Buffer.from(env.GEWU_PII_KEY, 'base64'),
        hashKey: Buffer.from(env.GEWU_PII_HASH_KEY, 'base64'),
      },
      source: 'env',
    };
  }
  const file = path.join(dataDir, 'keys', 'pii.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const generated = {
      encryptionKey: randomBytes(32).toString('base64'),
      hashKey: randomBytes(32).toString('base64'),
    };
    fs.writeFileSync(file, JSON.stringify(generated), { mode: 0o600, flag: 'wx' });
  }
  const k = JSON.parse(fs.readFileSync(file, 'utf8')) as { encryptionKey: string; hashKey: string };
  return {
    keys: { encryptionKey: Buffer.from(k.encryptionKey, 'base64'), hashKey: Buffer.from(k.hashKey, 'base64') },
    source: 'file',
  };
}

/** The deployment's cipher: its algorithm and keys, from the configuration (or the generated key file). */
export function piiCipherFromConfig(config: {
  GEWU_PII_KEY?: string;
  GEWU_PII_HASH_KEY?: string;
  GEWU_PII_CIPHER: PiiAlgorithm;
  dataDir: string;
}): PiiCipher {
  return new PiiCipher(loadPiiKeys(config, config.dataDir).keys, config.GEWU_PII_CIPHER);
}
