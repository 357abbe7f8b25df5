/**
 * The spreadsheet columns of each import kind, with Chinese headers, and the pure check of one row.
 * A row becomes either a list of errors (row, column, reason) or a clean record for the database.
 */
import { RESIDENT_CATEGORIES, type ImportKind } from '@gewu/domain';

export type { ImportKind };

export const COLUMNS: Record<ImportKind, { header: string; key: string; required: boolean; example: string }[]> = {
  residents: [
    { header: '姓名', key: 'name', required: true, example: '王伟' },
    { header: '身份证号', key: 'idNumber', required: false, example: '' },
    { header: '联系电话', key: 'phone', required: false, example: '13812341234' },
    { header: '性别', key: 'gender', required: false, example: '男' },
    { header: '出生日期', key: 'birthDate', required: false, example: '1980-05-01' },
    { header: '民族', key: 'ethnicity', required: false, example: '汉族' },
    { header: '人员类别', key: 'categories', required: false, example: '户籍人口、独居老人' },
    { header: '村（社区）代码', key: 'villageCode', required: true, example: '410104001001' },
    { header: '网格编码', key: 'gridCode', required: false, example: '410104001001002' },
    { header: '居住地址', key: 'address', required: false, example: '1号楼1单元101室' },
    { header: '备注', key: 'note', required: false, example: '' },
  ],
  houses: [
    { header: '地址', key: 'address', required: true, example: '1号楼1单元101室' },
    { header: '用途', key: 'usage', required: true, example: '出租' },
    { header: '面积（平方米）', key: 'areaM2', required: false, example: '89.5' },
    { header: '村（社区）代码', key: 'villageCode', required: true, example: '410104001001' },
    { header: '网格编码', key: 'gridCode', required: false, example: '410104001001002' },
  ],
  organisations: [
    { header: '名称', key: 'name', required: true, example: '格物便民超市' },
    { header: '类型', key: 'kind', required: true, example: '个体工商户' },
    { header: '统一社会信用代码', key: 'creditCode', required: false, example: '92410104MA9XXXXX0X' },
    { header: '地址', key: 'address', required: false, example: '明德路12号' },
    { header: '从业人数', key: 'employees', required: false, example: '3' },
    { header: '村（社区）代码', key: 'villageCode', required: true, example: '410104001001' },
    { header: '网格编码', key: 'gridCode', required: false, example: '' },
  ],
  // Grid attributes: updates existing grids by code (boundaries come as GeoJSON).
  grids: [
    { header: '网格编码', key: 'gridCode', required: true, example: '410104001001001' },
    { header: '名称', key: 'name', required: false, example: '明德社区第1网格' },
    { header: '户数', key: 'households', required: false, example: '320' },
    // Read-only columns of the export; accepted and ignored so an exported file imports again.
    { header: '类型', key: '_kind', required: false, example: '' },
    { header: '村（社区）代码', key: '_village', required: false, example: '' },
    { header: '面积（平方米）', key: '_area', required: false, example: '' },
  ],
};

export const ORG_KIND_LABELS: Record<
  string,
  'enterprise' | 'individual_business' | 'social_org' | 'public_institution' | 'government' | 'other'
> = {
  企业: 'enterprise',
  个体工商户: 'individual_business',
  社会组织: 'social_org',
  事业单位: 'public_institution',
  机关: 'government',
  其他: 'other',
};

export const CATEGORY_LABELS: Record<string, (typeof RESIDENT_CATEGORIES)[number]> = {
  户籍人口: 'registered',
  流动人口: 'floating',
  留守人员: 'left_behind',
  独居老人: 'elderly_alone',
  残疾人: 'disabled',
  未成年人: 'minor',
  困境妇女: 'hardship_women',
};
export const USAGE_LABELS: Record<string, 'self_occupied' | 'rental' | 'vacant' | 'commercial' | 'other'> = {
  自住: 'self_occupied',
  出租: 'rental',
  空置: 'vacant',
  商用: 'commercial',
  其他: 'other',
};

export interface CellError {
  row: number;
  column: string;
  message: string;
}

/** Maps the header row to column keys; reports unknown, duplicate and missing required columns. */
export function mapHeader(kind: ImportKind, header: string[]): { keys: (string | null)[]; errors: CellError[] } {
  const spec = COLUMNS[kind];
  const errors: CellError[] = [];
  const seen = new Set<string>();
  const keys = header.map((raw) => {
    const h = raw.replace(/^\uFEFF/, '').trim();
    if (h === '') return null;
    const col = spec.find((c) => c.header === h);
    if (!col) {
      errors.push({
        row: 1,
        column: h,
        message: `未知的列「${h}」，可用的列：${spec.map((c) => c.header).join('、')}`,
      });
      return null;
    }
    if (seen.has(col.key)) errors.push({ row: 1, column: h, message: `列「${h}」重复` });
    seen.add(col.key);
    return col.key;
  });
  for (const c of spec)
    if (c.required && !seen.has(c.key)) errors.push({ row: 1, column: c.header, message: `缺少必填列「${c.header}」` });
  return { keys, errors };
}

export function headerOf(kind: ImportKind, key: string): string {
  return COLUMNS[kind].find((c) => c.key === key)?.header ?? key;
}

/** Parses a date cell written as 2020-01-31, 2020/1/31, 20200131, 2020年1月31日 or an Excel serial. */
export function parseDateCell(v: string): string | null {
  // An Excel date serial (days since 1899-12-30), as a sheet without date formatting gives.
  if (/^\d{4,5}$/.test(v.trim()) && Number(v) > 366)
    return new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(v.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

export function splitCategories(v: string): { values: string[]; unknown: string[] } {
  const parts = v.split(/[、,，;；\s]+/).filter(Boolean);
  const values: string[] = [];
  const unknown: string[] = [];
  for (const p of parts) {
    const c = CATEGORY_LABELS[p];
    if (c) values.push(c);
    else unknown.push(p);
  }
  return { values: [...new Set(values)], unknown };
}
