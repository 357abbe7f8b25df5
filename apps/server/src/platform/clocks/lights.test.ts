import { type WarningLight, lightAt } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { type TestDatabase, createTestDatabase } from '../../../test/db.ts';
import { lightIsSql, lightSql } from './lights.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

// A clock whose 80 % point is 09:30 and whose deadline is 11:30 (Beijing time) on 2026-03-11.
const warnAt = new Date('2026-03-11T01:30:00.000Z');
const deadline = new Date('2026-03-11T03:30:00.000Z');

/** Instants around both boundaries and the colour each must show, written out by hand. */
const EXPECTED: [string, WarningLight][] = [
  ['2026-03-10T00:00:00.000Z', 'green'],
  ['2026-03-11T01:29:59.999Z', 'green'],
  ['2026-03-11T01:30:00.000Z', 'yellow'], // at warnAt
  ['2026-03-11T01:30:00.001Z', 'yellow'],
  ['2026-03-11T03:29:59.999Z', 'yellow'],
  ['2026-03-11T03:30:00.000Z', 'yellow'], // at the deadline
  ['2026-03-11T03:30:00.001Z', 'red'], // 1 ms after
  ['2026-03-12T00:00:00.000Z', 'red'],
];

describe('the light rule: green < warnAt ≤ yellow ≤ deadline < red', () => {
  it('gives the hand-written colour in TypeScript (lightAt)', () => {
    for (const [now, colour] of EXPECTED)
      expect([now, lightAt({ warnAt, deadline }, new Date(now))]).toEqual([now, colour]);
  });

  it('gives the same colours in SQL, as the light and as each colour filter', async () => {
    const clock = {
      warnAt: sql`${warnAt.toISOString()}::timestamptz`,
      deadline: sql`${deadline.toISOString()}::timestamptz`,
    };
    for (const [now, colour] of EXPECTED) {
      const at = new Date(now);
      const [row] = await queryRows<{ light: string; green: boolean; yellow: boolean; red: boolean }>(
        database.db,
        sql`SELECT ${lightSql(clock, at)} AS light, ${lightIsSql('green', clock, at)} AS green,
               ${lightIsSql('yellow', clock, at)} AS yellow, ${lightIsSql('red', clock, at)} AS red`,
      );
      expect([now, row]).toEqual([
        now,
        { light: colour, green: colour === 'green', yellow: colour === 'yellow', red: colour === 'red' },
      ]);
    }
  });

  it('shows no light when no clock runs', async () => {
    const [row] = await queryRows<{ light: string | null }>(
      database.db,
      sql`SELECT ${lightSql({ warnAt: sql`NULL::timestamptz`, deadline: sql`NULL::timestamptz` }, deadline)} AS light`,
    );
    expect(row).toEqual({ light: null });
  });
});
