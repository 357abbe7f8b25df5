import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { idCheckChar } from '@gewu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { residents } from '../people/people.table.ts';
import { as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';

// The commit path: COPY on PostgreSQL (TEST_DATABASE_URL), jsonb_to_recordset on PGlite. Files are
// larger than one batch (2,000 rows) so that rows are already streamed when something goes wrong.
let t: TestApp;
let dispatcher: Session;
const HEADER = '姓名,身份证号,联系电话,性别,出生日期,人员类别,村（社区）代码,网格编码,居住地址';
/** Distinct valid identity numbers: a birth date from `i`, a sequence number per test. */
const idOf = (i: number, seq: string) => {
  const first17 = `410105${1950 + Math.floor(i / 336)}${String(1 + Math.floor((i % 336) / 28)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${seq}`;
  return first17 + idCheckChar(first17);
};
const fileOf = (n: number, salt: string, seq: string) =>
  [
    HEADER,
    ...Array.from(
      { length: n },
      (_, i) => `${salt}${i},${idOf(i, seq)},1390000${String(i).padStart(4, '0')},,,户籍人口,410104001001,,${i}号`,
    ),
  ].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  dispatcher = await login(t.app, 'dispatcher');
});
afterAll(async () => {
  await t.close();
});

async function settle(jobId: string) {
  for (let i = 0; i < 2400; i++) {
    const job = (await t.app.inject({ method: 'GET', url: `/api/imports/${jobId}`, ...as(dispatcher) })).json();
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not settle');
}

async function validated(csv: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/imports?kind=residents&format=csv',
    ...as(dispatcher, { 'content-type': 'application/octet-stream' }),
    body: csv,
  });
  const job = await settle(res.json().id);
  expect(job).toMatchObject({ status: 'validated', errorCount: 0 });
  return job as { id: string; totalRows: number };
}

async function commit(jobId: string) {
  expect(
    (await t.app.inject({ method: 'POST', url: `/api/imports/${jobId}/commit`, ...as(dispatcher) })).statusCode,
  ).toBe(202);
  return settle(jobId);
}

const residentCount = async () =>
  (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM residents`))[0]?.n;

/** Registers an identity number behind the import's back, as another user would between dry run and commit. */
async function registerElsewhere(idNumber: string) {
  const villageId = await regionIdByCode(t.database, '410104001001');
  const [village] = await queryRows<{ path: string }>(
    t.database.db,
    sql`SELECT path FROM regions WHERE id = ${villageId}`,
  );
  await t.database.db.insert(residents).values({
    regionPath: village?.path as string,
    villageId,
    name: '抢先登记',
    idHash: t.deps.pii.lookupHash('id', idNumber),
  });
}

describe('committing a large resident file', () => {
  it('the dry run of a large file reports its errors as a small file does', async () => {
    const lines = fileOf(4500, '校验', '333').split('\n');
    lines[3001] = lines[3001]?.replace(/,\d{17}[\dX],/, `,${idOf(9, '333')},`) as string; // row 3002 repeats row 11
    lines[4001] = lines[4001]?.replace(/,\d{17}[\dX],/, ',41010519990230123X,') as string; // row 4002: no such date
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports?kind=residents&format=csv',
      ...as(dispatcher, { 'content-type': 'application/octet-stream' }),
      body: lines.join('\n'),
    });
    const job = await settle(res.json().id);
    expect(job).toMatchObject({ status: 'invalid', totalRows: 4500, validRows: 4498, errorCount: 2 });
    expect(job.errors).toEqual([
      { row: 3002, column: '身份证号', message: '与第 11 行的身份证号重复' },
      { row: 4002, column: '身份证号', message: expect.stringMatching(/出生日期 19990230 无效/) },
    ]);
  });

  it('an identity number registered after the dry run fails the whole commit and names the row', async () => {
    const job = await validated(fileOf(4500, '冲突', '111'));
    await registerElsewhere(idOf(4200, '111')); // file row 4202, in the third batch
    const before = await residentCount();
    const done = await commit(job.id);
    expect(done).toMatchObject({ status: 'failed', failure: expect.stringMatching(/全部未写入/), errorCount: 1 });
    expect(done.errors).toEqual([{ row: 4202, column: '身份证号', message: '该身份证号已登记' }]);
    expect(await residentCount()).toBe(before);
    // The connection went back to the pool in a usable state, and a retried commit changes nothing.
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/imports/${job.id}/commit`, ...as(dispatcher) })).statusCode,
    ).toBe(409);
    expect(await residentCount()).toBe(before);
  });

  it('a clean file of several batches is written whole', async () => {
    const before = await residentCount();
    const job = await validated(fileOf(4500, '批量', '222'));
    expect(await commit(job.id)).toMatchObject({ status: 'committed', totalRows: 4500, validRows: 4500 });
    expect(await residentCount()).toBe((before ?? 0) + 4500);
    const [row] = await t.database.db
      .select()
      .from(residents)
      .where(sql`${residents.name} = '批量4321'`);
    const id = idOf(4321, '222');
    expect(row).toMatchObject({
      address: '4321号',
      categories: ['registered'],
      gender: 'female',
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      phoneMasked: '139****4321',
      idMasked: `4101************${id.slice(-2)}`,
    });
    expect(row?.idHash).toBe(t.deps.pii.lookupHash('id', id));
    expect(t.deps.pii.decrypt(row?.idEnc as string)).toBe(id);
    expect(t.deps.pii.decrypt(row?.phoneEnc as string)).toBe('13900004321');
  });

  it('text with tabs, backslashes, quotes and line breaks is stored exactly', async () => {
    const names = ['制表\t符', '反斜杠\\N', '引"号', '\\.'];
    const addresses = ['第一行\n第二行', 'C:\\路径\\r', '回车\r\n换行', '{"a",b}'];
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = [
      HEADER,
      ...names.map((n, i) => `${quote(n)},,,,,流动人口、残疾人,410104001002,,${quote(addresses[i] as string)}`),
    ].join('\n');
    const job = await validated(csv);
    expect(await commit(job.id)).toMatchObject({ status: 'committed', validRows: 4 });
    for (const [i, name] of names.entries()) {
      const [row] = await t.database.db
        .select()
        .from(residents)
        .where(sql`${residents.name} = ${name}`);
      expect(row).toMatchObject({
        address: addresses[i],
        categories: ['floating', 'disabled'],
        idEnc: null,
        phoneHash: null,
      });
    }
  });

  it('a file that breaks off while being written leaves nothing behind', async () => {
    const job = await validated(fileOf(4500, '中断', '444'));
    const [{ file_path: filePath } = { file_path: '' }] = await queryRows<{ file_path: string }>(
      t.database.db,
      sql`SELECT file_path FROM import_jobs WHERE id = ${job.id}`,
    );
    fs.appendFileSync(filePath, '\n"未闭合的引号,,,,,,410104001001,,');
    const before = await residentCount();
    expect(await commit(job.id)).toMatchObject({ status: 'failed', failure: '写入失败，全部未写入' });
    expect(await residentCount()).toBe(before);
    expect(await residentCount()).toBe(before); // the pool still answers
  });
});
