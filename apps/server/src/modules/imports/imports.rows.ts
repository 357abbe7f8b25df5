import type { Clock } from '../../platform/clock.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { protectPii } from '../people/residents.service.ts';
import type { HouseInsert, OrganisationInsert, ResidentInsert } from '../people/people.repository.ts';
import { creditCodeSchema } from '@gewu/domain';
import {
  type CellError,
  type ImportKind,
  ORG_KIND_LABELS,
  USAGE_LABELS,
  headerOf,
  parseDateCell,
  splitCategories,
} from './imports.columns.ts';

export interface Places {
  villages: Map<string, { id: string; path: string }>;
  grids: Map<string, { id: string; villageId: string; path: string }>;
}

export type Built =
  | { kind: 'residents'; values: ResidentInsert; idHash: string | null }
  | { kind: 'houses'; values: HouseInsert; idHash: null }
  | { kind: 'organisations'; values: OrganisationInsert; idHash: null }
  | { kind: 'grids'; values: { id: string; name: string | null; households: number | null }; idHash: null };

/** A file has a handful of distinct category cells: each is parsed once (a bounded cache). */
const categoryCells = new Map<string, ReturnType<typeof splitCategories>>();
function categoriesOf(cell: string): ReturnType<typeof splitCategories> {
  let cats = categoryCells.get(cell);
  if (!cats) {
    if (categoryCells.size >= 1000) categoryCells.clear();
    cats = splitCategories(cell);
    categoryCells.set(cell, cats);
  }
  return cats;
}

function addCellError(errors: CellError[], kind: ImportKind, rowNo: number, key: string, message: string) {
  errors.push({ row: rowNo, column: headerOf(kind, key), message });
}

/**
 * Checks one data row and, when `encrypt` is set, builds the row to insert (personal numbers
 * encrypted, hashed and masked). Without `encrypt` only the lookup hash is computed (dry run).
 */
export function buildRow(
  kind: ImportKind,
  rowNo: number,
  v: Record<string, string>,
  places: Places,
  pii: PiiCipher,
  clock: Clock,
  encrypt: boolean,
): { errors: CellError[]; built?: Built } {
  const errors: CellError[] = [];
  // Bound rather than a closure: under tsx (keepNames) every closure made per row also gets its name defined.
  const err = addCellError.bind(null, errors, kind, rowNo);
  if (kind === 'grids') {
    const grid = places.grids.get(v.gridCode ?? '');
    if (!grid) err('gridCode', `网格编码 ${v.gridCode ?? ''} 不存在或不在您的管辖范围内`);
    const households = v.households ? Number(v.households) : null;
    if (households !== null && (!Number.isInteger(households) || households < 0 || households > 100_000))
      err('households', '户数应为 0 到 100000 的整数');
    if (v.name && v.name.length > 100) err('name', '名称过长');
    if (errors.length || !grid) return { errors };
    return { errors, built: { kind, idHash: null, values: { id: grid.id, name: v.name || null, households } } };
  }
  const village = places.villages.get(v.villageCode ?? '');
  if (!v.villageCode) err('villageCode', '必填');
  else if (!village) err('villageCode', `村（社区）代码 ${v.villageCode} 不存在或不在您的管辖范围内`);
  let grid: { id: string; villageId: string; path: string } | undefined;
  if (v.gridCode) {
    grid = places.grids.get(v.gridCode);
    if (!grid) err('gridCode', `网格编码 ${v.gridCode} 不存在或不在您的管辖范围内`);
    else if (village && grid.villageId !== village.id)
      err('gridCode', `网格 ${v.gridCode} 不属于村（社区）${v.villageCode}`);
  }
  const place = {
    regionPath: grid?.path ?? village?.path ?? '',
    villageId: village?.id ?? '',
    gridId: grid?.id ?? null,
  };

  if (kind === 'houses') {
    if (!v.address) err('address', '必填');
    const usage = USAGE_LABELS[v.usage ?? ''];
    if (!usage) err('usage', `用途应为 ${Object.keys(USAGE_LABELS).join('、')} 之一`);
    const area = v.areaM2 ? Number(v.areaM2) : null;
    if (area !== null && (!Number.isFinite(area) || area <= 0 || area > 100_000))
      err('areaM2', '面积应为正数（平方米）');
    if (errors.length) return { errors };
    return {
      errors,
      built: {
        kind,
        idHash: null,
        values: { ...place, address: v.address as string, usage: usage as NonNullable<typeof usage>, areaM2: area },
      },
    };
  }

  if (kind === 'organisations') {
    if (!v.name) err('name', '必填');
    const orgKind = ORG_KIND_LABELS[v.kind ?? ''];
    if (!orgKind) err('kind', `类型应为 ${Object.keys(ORG_KIND_LABELS).join('、')} 之一`);
    if (v.creditCode && !creditCodeSchema.safeParse(v.creditCode).success)
      err('creditCode', '统一社会信用代码格式不正确');
    const employees = v.employees ? Number(v.employees) : null;
    if (employees !== null && (!Number.isInteger(employees) || employees < 0)) err('employees', '从业人数应为非负整数');
    if (errors.length) return { errors };
    return {
      errors,
      built: {
        kind,
        idHash: null,
        values: {
          ...place,
          name: v.name as string,
          kind: orgKind as NonNullable<typeof orgKind>,
          creditCode: v.creditCode || null,
          address: v.address || null,
          employees,
        },
      },
    };
  }

  if (!v.name) err('name', '必填');
  else if (v.name.length > 64) err('name', '姓名过长');
  const piiErrors: { path: string; message: string }[] = [];
  const numbers = protectPii(pii, clock, v.idNumber, v.phone, piiErrors, encrypt);
  for (const e of piiErrors) err(e.path, e.message);
  let gender: 'male' | 'female' | null = null;
  if (v.gender) {
    gender = v.gender === '男' ? 'male' : v.gender === '女' ? 'female' : null;
    if (!gender) err('gender', '性别应为「男」或「女」');
  }
  let birthDate: string | null = null;
  if (v.birthDate) {
    birthDate = parseDateCell(v.birthDate);
    if (!birthDate) err('birthDate', `日期「${v.birthDate}」无效，应为 YYYY-MM-DD`);
    else if (birthDate > clock.now().toISOString().slice(0, 10)) err('birthDate', '出生日期不能晚于今天');
  }
  const cats = categoriesOf(v.categories ?? '');
  if (cats.unknown.length) err('categories', `未知的人员类别：${cats.unknown.join('、')}`);
  if (errors.length) return { errors };
  if (numbers.gender && gender && numbers.gender !== gender) err('gender', '性别与身份证号不符');
  if (numbers.birthDate && birthDate && numbers.birthDate !== birthDate) err('birthDate', '出生日期与身份证号不符');
  if (errors.length) return { errors };
  // Spelled out rather than spread: this runs once per row of a million-row file.
  const values: ResidentInsert = {
    regionPath: place.regionPath,
    villageId: place.villageId,
    gridId: place.gridId,
    idEnc: numbers.idEnc,
    idHash: numbers.idHash,
    idMasked: numbers.idMasked,
    phoneEnc: numbers.phoneEnc,
    phoneHash: numbers.phoneHash,
    phoneMasked: numbers.phoneMasked,
    name: v.name as string,
    gender: gender ?? numbers.gender ?? null,
    birthDate: birthDate ?? numbers.birthDate ?? null,
    ethnicity: v.ethnicity || null,
    categories: [...cats.values],
    address: v.address || null,
    note: v.note || null,
  };
  return { errors, built: { kind, values, idHash: numbers.idHash } };
}
