import { type CaseLevel, centrePathFor, centrePathSql } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { type TestDatabase, createTestDatabase } from '../../../test/db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const GRID = '/41/4101/410104/410104001/410104001001/410104001001001/';
const VILLAGE = '/41/4101/410104/410104001/410104001001/';

/** (region path, case level) → the path of the responsible centre, written out by hand. */
const EXPECTED: [string, CaseLevel, string][] = [
  [GRID, 'grid', '/41/4101/410104/410104001/'],
  [GRID, 'village', '/41/4101/410104/410104001/'],
  [GRID, 'township', '/41/4101/410104/410104001/'],
  [GRID, 'county', '/41/4101/410104/'],
  [GRID, 'city', '/41/4101/'],
  [VILLAGE, 'grid', '/41/4101/410104/410104001/'],
  [VILLAGE, 'county', '/41/4101/410104/'],
  ['/41/4101/410104/410104002/', 'village', '/41/4101/410104/410104002/'],
  ['/41/4101/410104/410104001/', 'city', '/41/4101/'],
  // Located above the township: its county's centre, else the place itself.
  ['/41/4101/410104/', 'township', '/41/4101/410104/'],
  ['/41/4101/410104/', 'grid', '/41/4101/410104/'],
  ['/41/4101/', 'township', '/41/4101/'],
  ['/41/4101/', 'county', '/41/4101/'],
  ['/41/', 'city', '/41/'],
];

describe("the centre's region path", () => {
  it('is the hand-written one in TypeScript (centrePathFor)', () => {
    for (const [path, level, centre] of EXPECTED)
      expect([path, level, centrePathFor(path, level)]).toEqual([path, level, centre]);
  });

  it('is the same in SQL (centrePathSql), in one query over the whole table', async () => {
    const rows = await queryRows<{ path: string; level: string; centre: string }>(
      database.db,
      sql`SELECT t.path, t.level, ${sql.raw(centrePathSql('t.path', 't.level'))} AS centre
            FROM jsonb_to_recordset(${JSON.stringify(EXPECTED.map(([path, level], n) => ({ path, level, n })))}::jsonb)
              AS t(path text, level text, n int) ORDER BY t.n`,
    );
    expect(rows.map((r) => [r.path, r.level, r.centre])).toEqual(EXPECTED);
  });
});
