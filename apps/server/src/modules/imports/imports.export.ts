import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { birthYearShown } from '@gewu/domain';
import { CATEGORY_LABELS, COLUMNS, type ImportKind } from './imports.columns.ts';
import { residentsExportPage } from './imports.repository.ts';

export type Sheet = {
  header: string[];
  rows: AsyncIterable<(string | number | null)[]> | (string | number | null)[][];
};

/** Streams a table as CSV (UTF-8 with BOM, so Excel opens it in Chinese) or as .xlsx. */
export function streamSheet(sheet: Sheet, format: 'csv' | 'xlsx', title: string): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      if (format === 'csv') {
        out.write('\uFEFF');
        const csv = stringify();
        csv.pipe(out);
        csv.write(sheet.header);
        for await (const row of sheet.rows) if (!csv.write(row)) await new Promise((r) => csv.once('drain', r));
        csv.end();
        return;
      }
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
      const ws = wb.addWorksheet(title);
      ws.columns = sheet.header.map((h) => ({
        header: h,
        width: Math.max(12, h.length * 2 + 4),
        style: { numFmt: '@' },
      }));
      for await (const row of sheet.rows) ws.addRow(row).commit();
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}

/** A template with the headers and one example row; every cell formatted as text so ID numbers keep all 18 digits. */
export function importTemplate(kind: ImportKind): Sheet {
  return { header: COLUMNS[kind].map((c) => c.header), rows: [COLUMNS[kind].map((c) => c.example)] };
}

const LABEL_OF = Object.fromEntries(Object.entries(CATEGORY_LABELS).map(([label, key]) => [key, label]));

/** Residents in scope, paged by id so memory stays flat however many there are. Numbers stay masked. */
export async function exportResidents(
  deps: { db: Db; clock: Clock },
  ctx: RequestContext,
  q: { villageId?: string },
): Promise<Sheet> {
  const actor = authorize(ctx, 'base.export');
  authorize(ctx, 'person.read');
  await recordAudit(deps.db, deps.clock, ctx, {
    action: 'export.residents',
    detail: { villageId: q.villageId ?? null },
  });
  // The birth year, never the birth date nor an age: beside the masked number either would give it away (idcard.ts).
  const today = deps.clock.now();
  const header = [
    '姓名',
    '身份证号（脱敏）',
    '联系电话（脱敏）',
    '性别',
    '出生年份',
    '人员类别',
    '村（社区）代码',
    '村（社区）',
    '网格编码',
    '居住地址',
  ];
  async function* rows() {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await residentsExportPage(deps.db, actor, q, after, 5000);
      for (const { r, villageCode, villageName, gridCode } of page) {
        yield [
          r.name,
          r.idMasked,
          r.phoneMasked,
          r.gender === 'male' ? '男' : r.gender === 'female' ? '女' : '',
          birthYearShown(r.birthDate, today),
          r.categories.map((c) => LABEL_OF[c] ?? c).join('、'),
          villageCode,
          villageName,
          gridCode,
          r.address,
        ];
      }
      if (page.length < 5000) return;
      after = (page.at(-1) as (typeof page)[number]).r.id;
    }
  }
  return { header, rows: rows() };
}
