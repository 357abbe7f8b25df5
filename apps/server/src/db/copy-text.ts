/**
 * Values in the text format of PostgreSQL's `COPY … FROM STDIN` (a tab between fields, a newline
 * after each row). Repositories build their rows' lines from these.
 */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in COPY's text format: `\N` for null; backslash, tab, newline and CR escaped. */
export function copyField(v: string | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  return NEEDS_ESCAPE.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : v;
}

/** A text[] as an array literal with every element quoted (then escaped as a COPY field). */
export function copyArray(values: readonly string[]): string {
  let s = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    s += `${i ? ',' : ''}"${v.includes('"') || v.includes('\\') ? v.replace(/["\\]/g, '\\$&') : v}"`;
  }
  return copyField(`${s}}`);
}
