/** GB 11643-1999 citizen identity numbers (公民身份号码) and mainland mobile numbers. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** GB/T 2260 province-level codes (the first two digits of an identity number). */
export const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/**
 * Validates an 18-character identity number: format, region code, birth date (a real date, not in
 * the future, not before 1900) and the check character. Returns a Chinese reason or null.
 */
export function checkIdNumber(raw: string, today: Date = new Date()): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为 18 位（前 17 位数字，末位数字或 X）';
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return `身份证号地区码 ${id.slice(0, 6)} 无效`;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d)
    return `身份证号出生日期 ${id.slice(6, 14)} 无效`;
  if (y < 1900 || birth.getTime() > today.getTime()) return `身份证号出生日期 ${id.slice(6, 14)} 不在合理范围内`;
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号校验位不正确';
  return null;
}

/** Birth date (YYYY-MM-DD) and sex from a valid identity number. */
export function idNumberFacts(id: string): { birthDate: string; gender: 'male' | 'female' } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Mainland mobile (11 digits starting with 1) or a landline with area code. */
export function checkPhone(raw: string): string | null {
  const p = normalizePhone(raw);
  if (/^1[3-9]\d{9}$/.test(p) || /^0\d{2,3}\d{7,8}$/.test(p)) return null;
  return '电话号码格式不正确（11 位手机号或带区号的固定电话）';
}

export function normalizePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^\+?86/, '');
}

/**
 * What may be shown of a person's identity number, and beside it. One rule, used by every
 * response, export and screen (issue 12; the 去标识化 of 个人信息保护法 art. 51(3) and GB/T 35273-2020):
 * the first four and the last two characters (`4101************34`), and beside them the sex and
 * the birth year as `birthYearShown` gives it — never the birth date, nor an age.
 *
 * Why not an age: an age computed from the birth date changes on the birthday, so a reader who
 * looks at the list or an export on different days learns the birth date (about 9 candidates
 * left). Any display derived day by day from the birthday leaks the same way. The birth year
 * changes only on 1 January, which says nothing about anyone's birthday.
 *
 * Why this leaves at least 1,000 candidates (idcard.test.ts enumerates them): even if a reader
 * knows the whole 6-digit region code (from the village shown), the birth year leaves at least
 * 365 possible birth dates (for the two youngest years, see `birthYearShown`), and the first two
 * sequence digits are hidden. The last sequence digit (which states the sex) and the check
 * character are shown; for each date, the check rule `8·d15 + 4·d16 ≡ r (mod 11)` is met by 9 or
 * 10 of the 100 pairs (d15, d16) — for each d15 exactly one residue of d16 fits, and it is a digit
 * unless it is 10. So at least 365 × 9 = 3,285 valid numbers match everything visible on any day.
 * Views of different days combined still leave at least 1,000 as long as the reader's first view
 * of the record came at least 112 days after 1 January of the birth year (then the dates left are
 * 1 January up to that view, × 9). What no display of the birth can avoid: a record seen within
 * days of a birth early in a year, and seen again once the year is shown alone, narrows the birth
 * to those few days. The old mask (first 4 and last 4 beside the full birth date) left one.
 */
export const ID_MASK_HEAD = 4;
export const ID_MASK_TAIL = 2;

export function maskIdNumber(id: string): string {
  return id.length <= ID_MASK_HEAD + ID_MASK_TAIL
    ? '*'.repeat(id.length)
    : `${id.slice(0, ID_MASK_HEAD)}${'*'.repeat(id.length - ID_MASK_HEAD - ID_MASK_TAIL)}${id.slice(-ID_MASK_TAIL)}`;
}

/**
 * The birth year shown beside a masked number (出生年份): the year of `birthDate` (YYYY-MM-DD), except
 * that people born in the current or the previous calendar year — by `today`'s date in Beijing
 * (UTC+8) — are shown as the band `2025–2026` (previous–current year). A year alone would leave a
 * baby born on 2 January, seen on 3 January, two possible dates; the band always spans at least
 * 365 days of possible birth dates. What is shown changes only on 1 January. Null without a
 * birth date.
 */
export function birthYearShown(birthDate: string | null, today: Date): string | null {
  if (!birthDate) return null;
  const year = Number(birthDate.slice(0, 4));
  const current = new Date(today.getTime() + 8 * 3600_000).getUTCFullYear();
  return year >= current - 1 ? `${current - 1}–${current}` : String(year);
}

/** `138****1234`: first three and last four digits shown. */
export function maskPhone(phone: string): string {
  return phone.length <= 7
    ? '*'.repeat(phone.length)
    : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** `张*` / `欧**`: a person's name shown with its first character only (the surname, usually). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
