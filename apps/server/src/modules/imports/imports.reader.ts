import fs from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/**
 * Streams the rows of a CSV or the first worksheet of an .xlsx as arrays of cell strings, header
 * first, in chunks (one await per chunk rather than per row keeps a million-row file cheap).
 */
export async function* readSheetChunks(filePath: string, format: 'csv' | 'xlsx'): AsyncGenerator<string[][]> {
  if (format === 'csv') {
    const parser = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 }).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
    let chunk: string[][] = [];
    for await (const record of parser) {
      chunk.push(record as string[]);
      if (chunk.length === 512) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length) yield chunk;
    return;
  }
  let chunk: string[][] = [];
  for await (const row of readXlsxRows(filePath)) {
    chunk.push(row);
    if (chunk.length === 512) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

async function* readXlsxRows(filePath: string): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (cells.some((c) => c !== '')) yield cells;
    }
    return; // first worksheet only
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('').trim();
    if (o.text !== undefined) return String(o.text).trim();
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return String(v).trim();
}
