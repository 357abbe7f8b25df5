import type { FormInstance } from 'antd';
import { isApiError } from '../../app/api.ts';
import { notifyError } from '../../app/notify.ts';

/** A server detail path ('holidays.3.date') as a form name path (['holidays', 3, 'date']). */
export function namePathOf(path: string): (string | number)[] {
  return path
    .split('.')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Puts the server's (Chinese) messages on the form fields they name: `details[].path` when it is one
 * of `fields`, else `byCode[err.code]` for errors that carry no details. Anything left over is shown
 * as the usual toast, so no error goes unseen.
 */
export function showFormErrors<T extends object>(
  form: FormInstance<T>,
  err: unknown,
  fields: readonly string[],
  byCode: Record<string, string> = {},
): void {
  if (!isApiError(err)) return notifyError(err);
  const perField = new Map<string, string[]>();
  const add = (field: string, message: string) => perField.set(field, [...(perField.get(field) ?? []), message]);
  let unplaced = false;
  for (const d of err.details ?? []) {
    const field = String(namePathOf(d.path)[0] ?? '');
    if (fields.includes(field)) add(field, d.message);
    else unplaced = true;
  }
  const codeField = byCode[err.code];
  if (perField.size === 0 && codeField) add(codeField, err.message);
  if (perField.size === 0 || unplaced) notifyError(err);
  form.setFields([...perField].map(([name, errors]) => ({ name: name as never, errors })));
}
