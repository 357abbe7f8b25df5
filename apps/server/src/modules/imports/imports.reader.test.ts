import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { plainCsvLineBreak, readSheetChunks } from './imports.reader.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fileOf = (content: string | Buffer) => {
  const file = path.join(dir, `${n++}.csv`);
  fs.writeFileSync(file, content);
  return file;
};

async function readAll(file: string): Promise<string[][] | string> {
  try {
    const rows: string[][] = [];
    for await (const chunk of readSheetChunks(file, 'csv')) rows.push(...chunk);
    return rows;
  } catch {
    return 'error';
  }
}

function csvParse(content: string | Buffer): string[][] | string {
  try {
    return parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch {
    return 'error';
  }
}

describe('CSV reading', () => {
  it('takes the line-split path only for plain files', async () => {
    expect(await plainCsvLineBreak(fileOf('a,b\n1,2\n'))).toBe('\n');
    expect(await plainCsvLineBreak(fileOf('\uFEFFa,b\r\n1,2'))).toBe('\r\n');
    expect(await plainCsvLineBreak(fileOf('a,"b"\n'))).toBeNull();
    expect(await plainCsvLineBreak(fileOf('a\r\nb\nc'))).toBeNull();
    expect(await plainCsvLineBreak(fileOf('a\rb'))).toBeNull();
    expect(await plainCsvLineBreak(fileOf(Buffer.from([0x61, 0xff, 0x0a])))).toBeNull();
    expect(await plainCsvLineBreak(fileOf(Buffer.from('\uFEFFa,b\n', 'utf16le')))).toBeNull();
  });

  it('reads every file exactly as csv-parse does', async () => {
    const fixed = [
      '\uFEFF姓名,身份证号\n张三, 410105 \n\n  \n \u3000 \n,,\n\t李四\f,x\u3000',
      '姓名,电话\r\n王五 ,138\r\n\r\n \r\n赵六,139\r\n',
      'a,b\n"c,d",e\n',
      '',
      '\uFEFF',
      'only-header',
    ];
    for (const content of fixed)
      expect(await readAll(fileOf(content)), JSON.stringify(content)).toEqual(csvParse(content));
    // Random files from the characters that matter, against csv-parse itself.
    // Two thirds of them plain (LF only, or CRLF only), the rest with quotes, lone CRs and BOMs anywhere.
    const plain = ['a', '中', ',', ',', ' ', '\t', '\f', '\u3000', '\u00a0', '\uFEFF'];
    const alphabets = [
      [...plain, '\n', '\n'],
      [...plain, '\r\n', '\r\n'],
      [...plain, '\n', '\r\n', '\r', '"'],
    ];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let plainFiles = 0;
    for (let k = 0; k < 600; k++) {
      const alphabet = alphabets[k % 3] as string[];
      let content = random() < 0.3 ? '\uFEFF' : '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) content += alphabet[Math.floor(random() * alphabet.length)];
      const file = fileOf(content);
      if (await plainCsvLineBreak(file)) plainFiles += 1;
      expect(await readAll(file), JSON.stringify(content)).toEqual(csvParse(content));
    }
    expect(plainFiles).toBeGreaterThan(380);
  });

  it('keeps rows whole across read buffers', async () => {
    const lines = Array.from(
      { length: 30_000 },
      (_, i) => `居民${i},${i % 7 ? '' : ' '}4101${i},地址${'长'.repeat(i % 13)}`,
    );
    const content = `\uFEFF${lines.join('\r\n')}\r\n`;
    const rows = await readAll(fileOf(content));
    expect(rows).toEqual(csvParse(content));
    expect((rows as string[][]).length).toBe(30_000);
  });
});
