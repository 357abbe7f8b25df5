import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, chainHash } from './audit.chain.ts';

const row = {
  id: 7n,
  at: new Date('2026-11-23T02:00:00.000Z'),
  actorId: null,
  actorName: 'admin',
  actorRoles: ['admin'],
  action: 'user.create',
  targetType: 'user',
  targetId: 'u1',
  regionPath: '/41/',
  ip: '127.0.0.1',
  requestId: 'r1',
  outcome: 'success',
  detail: { b: 1, a: { d: [1, 2], c: 'x' } },
};

describe('audit chain hashing', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
    expect(canonicalJson({ a: 1n, t: new Date(0) })).toBe('{"a":"1","t":"1970-01-01T00:00:00.000Z"}');
  });
  it('changes when content, predecessor or position changes', () => {
    const h = chainHash('sha256', GENESIS_HASH, 1n, row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('sha256', GENESIS_HASH, 1n, { ...row, outcome: 'failure' })).not.toBe(h);
    expect(chainHash('sha256', 'f'.repeat(64), 1n, row)).not.toBe(h);
    expect(chainHash('sha256', GENESIS_HASH, 2n, row)).not.toBe(h);
  });
  it('supports SM3 (国密) with a different digest', () => {
    const sm3 = chainHash('sm3', GENESIS_HASH, 1n, row);
    expect(sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(sm3).not.toBe(chainHash('sha256', GENESIS_HASH, 1n, row));
  });
});
