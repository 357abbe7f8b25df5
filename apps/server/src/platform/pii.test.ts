import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PiiCipher, loadPiiKeys } from './pii.ts';

const keys = { encryptionKey: randomBytes(32), hashKey: randomBytes(32) };

describe('PII field encryption', () => {
  for (const alg of ['aes-256-gcm', 'sm4'] as const) {
    it(`${alg}: round trip, random IVs, tamper detection`, () => {
      const c = new PiiCipher(keys, alg);
      const a = c.encrypt('410104199003071234');
      const b = c.encrypt('410104199003071234');
      expect(a).not.toBe(b);
      expect(a).not.toContain('1990');
      expect(c.decrypt(a)).toBe('410104199003071234');
      const parts = a.split(':');
      const ct = Buffer.from(parts[2] as string, 'base64');
      ct[0] = (ct[0] as number) ^ 1;
      parts[2] = ct.toString('base64');
      expect(() => c.decrypt(parts.join(':'))).toThrow();
    });
  }

  it('reads values written under the other algorithm, and refuses another key', () => {
    const gcm = new PiiCipher(keys, 'aes-256-gcm');
    const sm4 = new PiiCipher(keys, 'sm4');
    expect(gcm.decrypt(sm4.encrypt('13812341234'))).toBe('13812341234');
    const other = new PiiCipher({ encryptionKey: randomBytes(32), hashKey: randomBytes(32) });
    expect(() => other.decrypt(gcm.encrypt('x'))).toThrow();
  });

  it('lookup hashes are deterministic, keyed and separated by kind', () => {
    const c = new PiiCipher(keys);
    expect(c.lookupHash('id', 'A')).toBe(c.lookupHash('id', 'A'));
    expect(c.lookupHash('id', 'A')).not.toBe(c.lookupHash('phone', 'A'));
    expect(
      new PiiCipher({ encryptionKey: keys.encryptionKey, hashKey: randomBytes(32) }).lookupHash('id', 'A'),
    ).not.toBe(c.lookupHash('id', 'A'));
  });

  it('generates keys once into the data directory when none are configured', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-keys-'));
    const first = loadPiiKeys({}, dir);
    const second = loadPiiKeys({}, dir);
    expect(first.source).toBe('file');
    expect(second.keys.encryptionKey.equals(first.keys.encryptionKey)).toBe(true);
    expect(fs.statSync(path.join(dir, 'keys/pii.json')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
