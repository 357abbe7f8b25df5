import ExcelJS from 'exceljs';
import { idCheckChar } from '@gewu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, tableCounts, type Session, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let dispatcher: Session;
const id = (first17: string) => first17 + idCheckChar(first17);
const HEADER = '姓名,身份证号,联系电话,性别,出生日期,人员类别,村（社区）代码,网格编码,居住地址';

beforeAll(async () => {
  t = await createTestApp();
  dispatcher = await login(t.app, 'dispatcher');
});
afterAll(async () => {
  await t.close();
});

async function upload(body: string | Buffer, kind = 'residents', format = 'csv') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/imports?kind=${kind}&format=${format}&fileName=test.${format}`,
    ...as(dispatcher, { 'content-type': 'application/octet-stream' }),
    body,
  });
  expect(res.statusCode).toBe(202);
  return settle(res.json().id);
}

/** Polls the job until it leaves its running state. */
async function settle(jobId: string) {
  for (let i = 0; i < 400; i++) {
    const job = (await t.app.inject({ method: 'GET', url: `/api/imports/${jobId}`, ...as(dispatcher) })).json();
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not settle');
}

const good = [
  `王小明,${id('41010419800101123')},13800001111,男,1980-01-01,户籍人口,410104001001,410104001001001,1号楼101`,
  `李小红,${id('41010419920305124')},,女,,流动人口、困境妇女,410104001002,,`,
  `张老汉,,0371-66661234,男,1940-02-03,独居老人,410104001201,,修身村12号`,
];

describe('resident import', () => {
  it('a bad spreadsheet imports nothing and reports each error by row and column, in Chinese', async () => {
    const before = await tableCounts(t.database);
    const csv = [
      HEADER,
      ...good,
      `坏校验位,${id('41010419800101123').slice(0, 17)}${id('41010419800101123').endsWith('1') ? '2' : '1'},,,,,410104001001,,`,
      `坏日期,,,,1990-02-30,,410104001001,,`,
      `外乡镇,,,,,,410104002001,,`,
      `,,,,,神仙,410104001001,410104001002001,`,
      `重复,${id('41010419920305124')},,,,,410104001001,,`,
    ].join('\n');
    const job = await upload(csv);
    expect(job.status).toBe('invalid');
    expect(job.totalRows).toBe(8);
    expect(job.validRows).toBe(3);
    const errs = job.errors.map(
      (e: { row: number; column: string; message: string }) => `${e.row}|${e.column}|${e.message}`,
    );
    expect(errs).toEqual(
      expect.arrayContaining([
        '5|身份证号|身份证号校验位不正确',
        expect.stringMatching(/^6\|出生日期\|日期「1990-02-30」无效/),
        expect.stringMatching(/^7\|村（社区）代码\|.*410104002001 不存在或不在您的管辖范围内/),
        '8|姓名|必填',
        '8|人员类别|未知的人员类别：神仙',
        expect.stringMatching(/^8\|网格编码\|/),
        '9|身份证号|与第 3 行的身份证号重复',
      ]),
    );
    const commit = await t.app.inject({ method: 'POST', url: `/api/imports/${job.id}/commit`, ...as(dispatcher) });
    expect(commit.statusCode).toBe(409);
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('a wrong column is reported before any row', async () => {
    const job = await upload(`姓名,身份证,村（社区）代码\n甲,x,410104001001`);
    expect(job.status).toBe('invalid');
    expect(job.errors[0]).toMatchObject({ row: 1, column: '身份证' });
    expect(job.errors[0].message).toMatch(/未知的列「身份证」/);
  });

  it('a clean file is validated, committed all at once, and the people are there', async () => {
    const job = await upload([HEADER, ...good].join('\r\n'));
    expect(job).toMatchObject({ status: 'validated', totalRows: 3, validRows: 3, errorCount: 0 });
    const commit = await t.app.inject({ method: 'POST', url: `/api/imports/${job.id}/commit`, ...as(dispatcher) });
    expect(commit.statusCode).toBe(202);
    expect(await settle(job.id)).toMatchObject({ status: 'committed' });
    const found = (
      await t.app.inject({
        method: 'POST',
        url: '/api/residents/search',
        payload: { idNumber: id('41010419920305124') },
        ...as(dispatcher),
      })
    ).json().items;
    expect(found).toMatchObject([
      {
        name: '李小红',
        categories: ['floating', 'hardship_women'],
        gender: 'female',
        birthYear: '1992',
        villageName: '致知社区',
      },
    ]);
    // A retried commit does nothing more.
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/imports/${job.id}/commit`, ...as(dispatcher) })).json().status,
    ).toBe('committed');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/residents?q=张老汉', ...as(dispatcher) })).json().total,
    ).toBe(1);
  });

  it('reads .xlsx too, with dates as dates and IDs as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人口');
    ws.addRow(HEADER.split(','));
    ws.addRow([
      '赵表格',
      id('41010419770707127'),
      '13911112222',
      '',
      new Date(Date.UTC(1977, 6, 7)),
      '户籍人口',
      '410104001003',
      '',
      '',
    ]);
    const job = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'residents', 'xlsx');
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', validRows: 1 });
  });

  it('imports houses, and only roles allowed to import may', async () => {
    const job = await upload(
      '地址,用途,面积（平方米）,村（社区）代码\n8号楼1单元1室,出租,70,410104001001\n8号楼1单元2室,仓库,70,410104001001',
      'houses',
    );
    expect(job.status).toBe('invalid');
    expect(job.errors).toEqual([{ row: 3, column: '用途', message: expect.stringMatching(/用途应为/) }]);
    const gw = await login(t.app, 'gridworker');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/imports?kind=residents&format=csv',
      ...as(gw, { 'content-type': 'application/octet-stream' }),
      body: HEADER,
    });
    expect(denied.statusCode).toBe(403);
  });

  it('serves templates and a masked export', async () => {
    const tpl = await t.app.inject({
      method: 'GET',
      url: '/api/imports/template?kind=residents&format=csv',
      ...as(dispatcher),
    });
    expect(tpl.headers['content-disposition']).toMatch(/attachment/);
    expect(tpl.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
      '姓名,身份证号,联系电话,性别,出生日期,民族,人员类别,村（社区）代码,网格编码,居住地址,备注',
    );
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/imports/template?kind=houses&format=xlsx',
      ...as(dispatcher),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(1).getCell(1).value).toBe('地址');
    // 410104 19700101 002, check character 4 (weighted sum 129, 129 mod 11 = 8 → '4'): a woman born in 1970.
    const village = (await t.app.inject({ method: 'GET', url: '/api/regions', ...as(dispatcher) }))
      .json()
      .items.find((r: { code: string }) => r.code === '410104001001').id;
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/residents',
      ...as(dispatcher),
      payload: { villageId: village, name: '导出核对', idNumber: '410104197001010024', phone: '13900001111' },
    });
    expect(made.statusCode).toBe(201);
    const exp = await t.app.inject({ method: 'GET', url: '/api/exports/residents?format=csv', ...as(dispatcher) });
    const lines = exp.body.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1000);
    expect(exp.body).not.toMatch(/\d{17}[\dX]/);
    expect(exp.body).toMatch(/4101\*{12}\d[\dX]/);
    expect(exp.body).not.toMatch(/4101\*{10}\d{3}[\dX]/);
    // Beside the masked number the birth year, never the birth date nor an age (issue 12).
    expect(lines[0]?.replace(/^\uFEFF/, '')).toBe(
      '姓名,身份证号（脱敏）,联系电话（脱敏）,性别,出生年份,人员类别,村（社区）代码,村（社区）,网格编码,居住地址',
    );
    expect(exp.body).not.toMatch(/(19|20)\d\d-\d\d-\d\d/);
    expect(
      lines
        .find((l) => l.startsWith('导出核对,'))
        ?.split(',')
        .slice(1, 5),
    ).toEqual(['4101************24', '139****1111', '女', '1970']);
  });
});
