import { describe, expect, it } from 'vitest';
import { reportBodySchema } from './cases-contracts.ts';

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const report = (over: Record<string, unknown>) => ({
  itemCode: '01001',
  description: '楼下垃圾堆了三天',
  idempotencyKey: 'report-0001',
  ...over,
});
const refusedPaths = (body: unknown) => {
  const r = reportBodySchema.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

// The forms check these limits before sending (REPORT_LIMITS); the schema is what the server enforces.
describe('report contract limits', () => {
  it('takes a description of 2–4000 characters, an address of 200, 9 photos, a 2–2000 character note', () => {
    const photos = Array.from({ length: 9 }, (_, i) => uuid(i));
    const atTheLimits = report({
      description: 'x'.repeat(4000),
      address: 'x'.repeat(200),
      attachmentIds: photos,
      selfHandle: { note: 'x'.repeat(2000), attachmentIds: photos },
    });
    expect(refusedPaths(atTheLimits)).toEqual([]);
    expect(refusedPaths(report({ description: 'xx' }))).toEqual([]);
  });

  it('refuses one more', () => {
    const photos = Array.from({ length: 10 }, (_, i) => uuid(i));
    expect(
      refusedPaths(
        report({
          description: 'x'.repeat(4001),
          address: 'x'.repeat(201),
          attachmentIds: photos,
          selfHandle: { note: 'x'.repeat(2001), attachmentIds: photos },
        }),
      ),
    ).toEqual(['description', 'address', 'attachmentIds', 'selfHandle.note', 'selfHandle.attachmentIds']);
    expect(refusedPaths(report({ description: ' x ' }))).toEqual(['description']);
    expect(refusedPaths(report({ selfHandle: { note: 'x' } }))).toEqual(['selfHandle.note']);
  });
});
