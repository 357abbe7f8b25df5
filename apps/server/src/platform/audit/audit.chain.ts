import { createHash } from 'node:crypto';

export type HashAlgorithm = 'sha256' | 'sm3';
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers. */
export interface ChainedContent {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string[];
  action: string;
  targetType: string | null;
  targetId: string | null;
  regionPath: string | null;
  ip: string | null;
  requestId: string | null;
  outcome: string;
  detail: unknown;
}

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash(n) = H(prev_hash ‖ chain_no ‖ canonical content of row n). */
export function chainHash(alg: HashAlgorithm, prevHash: string, chainNo: bigint, row: ChainedContent): string {
  return createHash(alg)
    .update(prevHash)
    .update('\n')
    .update(chainNo.toString())
    .update('\n')
    .update(canonicalJson(row))
    .digest('hex');
}
