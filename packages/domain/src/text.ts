import { z } from 'zod';

/**
 * Shared builders for every string and integer a client sends (body, query, path).
 * PostgreSQL refuses NUL in `text` and lone surrogates in `jsonb`, and an int4 column overflows
 * past ±2³¹; each would otherwise surface as a database error (a 500). These refuse them at the
 * edge with `validation.failed` and a Chinese message instead.
 */

/** C0 controls other than tab, line feed and carriage return; a high surrogate not followed by a low one; a low one not preceded by a high one. */
const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE = '含有不允许的字符（控制字符或无效的 Unicode 编码）';

/** True when a string may be stored: no NUL or other control character except \t \n \r, and well-formed UTF-16. */
export function isSafeText(s: string): boolean {
  return !UNSAFE_TEXT.test(s);
}

/** `z.string()` that refuses NUL, other C0 controls except \t\n\r, and lone surrogates. Chain `.trim().min().max()` as usual. */
export function safeString() {
  return z.string().refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE, abort: true });
}

/** A safe string of min..max characters (trimmed when `trim`, the default). */
export function text(min: number, max: number, opts: { trim?: boolean } = {}) {
  const s = safeString();
  return (opts.trim === false ? s : s.trim()).min(min).max(max);
}

export const INT4_MIN = -2147483648;
export const INT4_MAX = 2147483647;

/** An integer that fits a PostgreSQL `integer` column, within [min, max] (default: the whole int4 range). */
export function intField(min: number = INT4_MIN, max: number = INT4_MAX) {
  return z.number().int().min(Math.max(min, INT4_MIN)).max(Math.min(max, INT4_MAX));
}

/** The same for a query-string or path value (coerced from text; `NaN`, `Infinity` and `1e308` are refused). */
export function queryInt(min: number = INT4_MIN, max: number = INT4_MAX) {
  return z.coerce.number().int().min(Math.max(min, INT4_MIN)).max(Math.min(max, INT4_MAX));
}

export const EMPTY_PATCH_MESSAGE = '至少需要修改一个字段';

/** A PATCH body must change something: `{}` (or only undefined fields) is refused. */
export function nonEmptyPatch<T extends z.ZodObject>(schema: T) {
  return schema.refine((v: Record<string, unknown>) => Object.values(v).some((x) => x !== undefined), {
    message: EMPTY_PATCH_MESSAGE,
  });
}
