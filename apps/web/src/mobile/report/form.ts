import { REPORT_LIMITS, searchItems, type ItemField } from '@gewu/domain';
import type { CatalogueEntry } from '../api.ts';
import type { ReportDraft } from '../offline/offlineQueue.ts';

/** A photo on the form: the (downscaled) Blob and an object URL for its thumbnail. */
export interface PhotoEntry {
  key: string;
  blob: Blob;
  url: string;
}

export type FieldValue = string | number | string[] | null | undefined;

export interface ReportForm {
  item: CatalogueEntry | null;
  photos: PhotoEntry[];
  location: { lon: number; lat: number } | null;
  address: string;
  description: string;
  anonymous: boolean;
  /** Agrees to the report being shown on the public feed (Open311); off unless ticked. */
  publicConsent: boolean;
  fields: Record<string, FieldValue>;
  /** 即报即办 (grid workers, minor items only). */
  selfHandle: boolean;
  selfNote: string;
  afterPhotos: PhotoEntry[];
}

export const emptyForm = (): ReportForm => ({
  item: null,
  photos: [],
  location: null,
  address: '',
  description: '',
  anonymous: false,
  publicConsent: false,
  fields: {},
  selfHandle: false,
  selfNote: '',
  afterPhotos: [],
});

export type MessageKey =
  | 'itemRequired'
  | 'descriptionRequired'
  | 'descriptionTooLong'
  | 'locationRequired'
  | 'tooManyPhotos'
  | 'selfNoteRequired'
  | 'selfNoteTooLong'
  | 'fieldRequired'
  | 'fieldInvalid';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
export type FormErrors = Record<string, string>;

const isEmpty = (v: FieldValue) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function fieldError(f: ItemField, v: FieldValue, t: Translate): string | null {
  if (isEmpty(v)) return f.required ? t('fieldRequired', { label: f.label }) : null;
  if (f.type === 'number' && (typeof v !== 'number' || !Number.isFinite(v)))
    return t('fieldInvalid', { label: f.label });
  if (f.type === 'datetime' && (typeof v !== 'string' || Number.isNaN(Date.parse(v))))
    return t('fieldInvalid', { label: f.label });
  return null;
}

/**
 * Every problem with the form, keyed by field (`item`, `description`, `fields.<code>` …); empty when it can go.
 * The limits are the report contract's (REPORT_LIMITS), checked here first so the phone answers at once and offline.
 */
export function validateReport(form: ReportForm, t: Translate): FormErrors {
  const errors: FormErrors = {};
  if (!form.item) errors.item = t('itemRequired');
  const description = form.description.trim();
  if (description.length < REPORT_LIMITS.descriptionMin)
    errors.description = t('descriptionRequired', { min: REPORT_LIMITS.descriptionMin });
  else if (description.length > REPORT_LIMITS.descriptionMax)
    errors.description = t('descriptionTooLong', { max: REPORT_LIMITS.descriptionMax });
  if (!form.location) errors.location = t('locationRequired');
  if (form.photos.length > REPORT_LIMITS.photosMax)
    errors.photos = t('tooManyPhotos', { max: REPORT_LIMITS.photosMax });
  for (const f of form.item?.fields ?? []) {
    const e = fieldError(f, form.fields[f.code], t);
    if (e) errors[`fields.${f.code}`] = e;
  }
  if (form.selfHandle && form.item?.minor) {
    const note = form.selfNote.trim();
    if (note.length < REPORT_LIMITS.selfHandleNoteMin)
      errors.selfNote = t('selfNoteRequired', { min: REPORT_LIMITS.selfHandleNoteMin });
    else if (note.length > REPORT_LIMITS.selfHandleNoteMax)
      errors.selfNote = t('selfNoteTooLong', { max: REPORT_LIMITS.selfHandleNoteMax });
    if (form.afterPhotos.length > REPORT_LIMITS.photosMax)
      errors.afterPhotos = t('tooManyPhotos', { max: REPORT_LIMITS.photosMax });
  }
  return errors;
}

/** The report as queued: trimmed, only the picked item's fields, 即报即办 only for a minor item. */
export function draftOf(form: ReportForm): ReportDraft {
  const item = form.item;
  const location = form.location;
  if (!item || !location) throw new Error('draftOf: validate the form first');
  const fields: Record<string, string | number | string[]> = {};
  for (const f of item.fields) {
    const v = form.fields[f.code];
    if (isEmpty(v) || v === null || v === undefined) continue;
    fields[f.code] =
      f.type === 'datetime' && typeof v === 'string' ? new Date(v).toISOString() : typeof v === 'string' ? v.trim() : v;
  }
  const selfHandle = form.selfHandle && item.minor;
  return {
    itemCode: item.code,
    description: form.description.trim(),
    location: { lon: location.lon, lat: location.lat, crs: 'WGS84' },
    ...(form.address.trim() ? { address: form.address.trim() } : {}),
    anonymous: form.anonymous,
    publicConsent: form.publicConsent,
    fields,
    ...(selfHandle ? { selfHandleNote: form.selfNote.trim() } : {}),
  };
}

/**
 * The sheet's list: with no query, the catalogue by category; with one, a single group of the
 * matches best first (everyday words, pinyin initials, codes — `searchItems` in @gewu/domain),
 * ending with 不确定/其他.
 */
export function searchCatalogue(
  items: readonly CatalogueEntry[],
  query: string,
): { code: string; name: string; items: CatalogueEntry[] }[] {
  if (query.trim()) {
    const hits = searchItems(items, query);
    return hits.length ? [{ code: 'search', name: '', items: hits }] : [];
  }
  const hits = items;
  const groups = new Map<string, { code: string; name: string; items: CatalogueEntry[] }>();
  for (const item of [...hits].sort((a, b) => a.code.localeCompare(b.code))) {
    const g = groups.get(item.categoryCode) ?? { code: item.categoryCode, name: item.categoryName, items: [] };
    g.items.push(item);
    groups.set(item.categoryCode, g);
  }
  return [...groups.values()];
}
