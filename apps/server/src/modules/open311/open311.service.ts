import { createHash } from 'node:crypto';
import {
  ACTION_LABELS,
  type CaseEventType,
  type CaseState,
  type ItemField,
  STATE_OF_EVENT,
  type ReportBody,
  type TimeLimits,
  type WorkCalendar,
  expectedCompletion,
  fullName,
  itemCategoryName,
  open311Status,
  publicCopy,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { ApiKeyPrincipal } from '../apikeys/apikeys.service.ts';
import { type IntakeDeps, reportCase, reportOfKey } from '../cases/cases.intake.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { type ItemRow, findPublicItem, listPublicItems } from '../items/items.repository.ts';
import { findRegionByCode } from '../regions/regions.repository.ts';
import { Open311Error, isoChina } from './open311.format.ts';
import {
  type RequestRow,
  publicEvents,
  publishedCodeOfCase,
  requestByCode,
  requestsByCodes,
  requestsInWindow,
} from './open311.repository.ts';

/**
 * Open311 GeoReport v2 over the case chain. Services are the catalogue's items that accept public
 * reports; a service request is a case (its public number is `service_request_id`). Reports come in
 * through the same intake as every other channel; what goes out is the case's public face only —
 * never the reporter's name, e-mail or phone — and only of published cases (`publicCopy` in
 * @gewu/domain: the reporter's consent, a request filed here, or the centre's decision).
 */

/** The spec's default and largest page, and the longest date window of one query. */
export const DEFAULT_LIMIT = 1000;
const MAX_WINDOW_MS = 90 * 86_400_000;

/** How long an identical POST (same key, same form) returns the request it made instead of filing another. */
export const REPEAT_WINDOW_MS = 86_400_000;

export type ReadDeps = { db: Db; clock: Clock };

/** `jurisdiction_id` is a region code (province to village); absent: everything this server holds. */
export async function jurisdictionPath(db: Db, jurisdictionId: string | undefined): Promise<string | null> {
  if (jurisdictionId === undefined || jurisdictionId === '') return null;
  const region = await findRegionByCode(db, jurisdictionId);
  if (!region) throw new Open311Error(404, [`jurisdiction_id ${jurisdictionId} 不存在（应为行政区划代码）`]);
  return region.path;
}

export function discovery(baseUrl: string) {
  return {
    changeset: '2026-11-28T00:00:00+08:00',
    contact: '格物基层治理平台运维：请联系部署本平台的县（市、区）社会治理中心',
    key_service: '接口密钥由本平台系统管理员在「接口密钥」页面创建（来源选择 Open311），可限定行政区域并随时吊销',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        // With its trailing slash: FixMyStreet's client appends `services.xml` to the endpoint as given.
        url: `${baseUrl}/open311/v2/`,
        changeset: '2026-11-28T00:00:00+08:00',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

export async function listServices(db: Db) {
  return (await listPublicItems(db)).map((i) => ({
    service_code: i.code,
    service_name: i.name,
    description: i.filingCondition,
    metadata: i.fields.length > 0,
    type: 'realtime',
    keywords: i.keywords.join(','),
    group: itemCategoryName(i.categoryCode) ?? i.categoryCode,
  }));
}

export async function serviceDefinition(db: Db, code: string) {
  const item = await findPublicItem(db, code);
  if (!item) throw new Open311Error(404, [`service_code ${code} 不存在或不接受公众上报`]);
  return {
    service_code: item.code,
    attributes: [...item.fields]
      .sort((a, b) => a.order - b.order)
      .map((f) => ({
        variable: true,
        code: f.code,
        datatype: f.type,
        required: f.required,
        datatype_description: f.description ?? '',
        order: f.order,
        description: f.label,
        ...(f.options ? { values: f.options.map((o) => ({ key: o.key, name: o.name })) } : {}),
      })),
  };
}

/** A form field: the last value when the client sent it several times. */
function one(form: Record<string, unknown>, key: string): string | undefined {
  const v = form[key];
  const s = Array.isArray(v) ? v.at(-1) : v;
  return typeof s === 'string' ? s.trim() : undefined;
}

/** `attribute[code]` and `attribute[code][]` fields → the item's field values (numbers as numbers, lists as arrays). */
function attributesOf(
  form: Record<string, unknown>,
  fields: readonly ItemField[],
  ignored: string[],
): ReportBody['fields'] {
  const out: ReportBody['fields'] = {};
  for (const [key, raw] of Object.entries(form)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!m) continue;
    const code = m[1] as string;
    const field = fields.find((f) => f.code === code);
    const values = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string');
    if (!field) {
      // FixMyStreet and other clients send attributes of their own: ignored (and logged by name), not refused.
      ignored.push(key);
      continue;
    }
    if (field.type === 'multivaluelist') out[code] = values;
    else if (field.type === 'number')
      out[code] = values.at(-1) === undefined || values.at(-1) === '' ? '' : Number(values.at(-1));
    else out[code] = values.at(-1) ?? '';
  }
  return out;
}

const FORM_KEYS = new Set([
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
]);

/**
 * A field's name as it may be logged: never a value, and no digits (a client that puts a phone or
 * ID number in a field's name does not get it into the log); other characters than name characters
 * are starred, and the name is cut short.
 */
export function loggableFieldName(name: string): string {
  return name
    .slice(0, 60)
    .replace(/\d/g, '#')
    .replace(/[^A-Za-z_#[\].-]/g, '*');
}

/**
 * The form as one canonical text for the repeat check: the key left out, names sorted, values
 * trimmed, a multi-value list's values sorted (their order means nothing).
 */
function formHash(form: Record<string, unknown>): string {
  const entries = Object.entries(form)
    .filter(([k]) => k !== 'api_key')
    .map(([k, v]): [string, string | string[]] =>
      Array.isArray(v) ? [k, v.map((x) => String(x).trim()).sort()] : [k, String(v ?? '').trim()],
    )
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 40);
}

/**
 * POST requests: an unknown jurisdiction or service is a 404; otherwise the form is checked (all
 * errors at once) and the case filed through the common intake with the key as reporter. Fields and
 * attributes the service does not define are ignored and named in `ignored` (for the log, by name
 * only). An identical POST from the same key within REPEAT_WINDOW_MS gets the request it made (and
 * uses up no case number); so does a retry with the same `Idempotency-Key` header, at any time.
 */
export async function createRequest(
  deps: IntakeDeps,
  ctx: RequestContext,
  key: ApiKeyPrincipal,
  form: Record<string, unknown>,
  idempotencyHeader: string | undefined,
) {
  const errors: string[] = [];
  const ignored: string[] = [];
  const serviceCode = one(form, 'service_code');
  const jurisdiction = await jurisdictionPath(deps.db, one(form, 'jurisdiction_id'));
  if (!serviceCode) errors.push('缺少 service_code（服务编码）');
  const item = serviceCode ? await findPublicItem(deps.db, serviceCode) : undefined;
  if (serviceCode && !item) throw new Open311Error(404, [`service_code ${serviceCode} 不存在或不接受公众上报`]);
  const latText = one(form, 'lat');
  const longText = one(form, 'long');
  const address = one(form, 'address_string') || one(form, 'address_id') || undefined;
  let location: ReportBody['location'];
  if (latText || longText) {
    const lat = Number(latText);
    const lon = Number(longText);
    if (
      !latText ||
      !longText ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lon) ||
      Math.abs(lat) > 90 ||
      Math.abs(lon) > 180
    )
      errors.push('lat 与 long 须同时提供且为有效的 WGS84 经纬度');
    else location = { lat, lon, crs: 'WGS84' };
  } else if (!address) errors.push('须提供 lat 与 long，或 address_string');
  const description = one(form, 'description') ?? '';
  if (description.length > 4000) errors.push('description 不能超过 4000 字');
  const mediaUrl = one(form, 'media_url') || undefined;
  if (mediaUrl && !/^https?:\/\/\S{1,490}$/.test(mediaUrl)) errors.push('media_url 应为 http(s) 链接');
  const email = one(form, 'email');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push('email 格式不正确');
  const fields = item ? attributesOf(form, item.fields, ignored) : {};
  for (const k of Object.keys(form)) if (!FORM_KEYS.has(k) && !k.startsWith('attribute[')) ignored.push(k);
  if (errors.length) throw new Open311Error(400, errors);

  const name = fullName(one(form, 'first_name'), one(form, 'last_name')) || undefined;
  const phone = one(form, 'phone') || undefined;
  const accountId = one(form, 'account_id');
  const externalRef = accountId || one(form, 'device_id') || undefined;
  const answer = (r: { created: boolean; case: { code: string } }) => ({
    created: r.created,
    ignored: ignored.map(loggableFieldName),
    // Filed at once: the request's id, and so no token (the spec: one or the other).
    row: {
      service_request_id: r.case.code,
      service_notice: '已登记，将由属地社会治理中心受理',
      account_id: accountId ?? null,
    },
  });
  let idempotencyKey: string;
  if (idempotencyHeader && /^[\w.:-]{8,100}$/.test(idempotencyHeader)) idempotencyKey = idempotencyHeader;
  else {
    // The same form within a day: its key names the day it was first sent, so the day before's is looked up too.
    const now = deps.clock.now();
    const hash = formHash(form);
    const day = Math.floor(now.getTime() / REPEAT_WINDOW_MS);
    const earlier = await reportOfKey(deps.db, key.id, `o311-${hash}-${day - 1}`);
    if (earlier && now.getTime() - earlier.reportedAt.getTime() < REPEAT_WINDOW_MS)
      return answer({ created: false, case: earlier });
    idempotencyKey = `o311-${hash}-${day}`;
  }
  const body: ReportBody = {
    itemCode: (item as ItemRow).code,
    description: description.length >= 2 ? description : (item as ItemRow).name,
    ...(location ? { location } : {}),
    ...(address ? { address: address.slice(0, 200) } : {}),
    attachmentIds: [],
    idempotencyKey,
    ...(name || phone ? { caller: { ...(name ? { name: name.slice(0, 50) } : {}), ...(phone ? { phone } : {}) } } : {}),
    anonymous: false,
    // Posting to a public 311 server publishes the request by the client's own act.
    publicConsent: true,
    fields,
    ...(externalRef ? { externalRef: externalRef.slice(0, 100) } : {}),
    ...(mediaUrl ? { mediaUrl } : {}),
  };
  // A jurisdiction inside the key's region narrows where this request may be filed; one outside it is refused.
  if (jurisdiction && !jurisdiction.startsWith(key.regionPath) && !key.regionPath.startsWith(jurisdiction))
    throw new Open311Error(400, [`jurisdiction_id ${one(form, 'jurisdiction_id')} 不在该接口密钥的授权区域内`]);
  const regionPath = jurisdiction && jurisdiction.startsWith(key.regionPath) ? jurisdiction : key.regionPath;
  try {
    return answer(
      await reportCase(
        deps,
        { kind: 'api_key', key: { id: key.id, name: key.name, regionPath, source: 'open311' }, ctx, addressOnly: true },
        body,
      ),
    );
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      const details = e.details?.map((d) => `${d.path}：${d.message}`) ?? [];
      throw new Open311Error(e.status === 403 ? 403 : 400, [e.message, ...details]);
    }
    throw e;
  }
}

function toRequest(r: RequestRow, cal: WorkCalendar) {
  const { status, notes } = open311Status(r.state as CaseState);
  const copy = publicCopy(
    r,
    r.decided === null
      ? null
      : { published: r.decided, publicDescription: r.publicDescription, descriptionHidden: !!r.descriptionHidden },
  );
  return {
    service_request_id: r.code,
    status,
    status_notes: notes,
    service_name: r.itemName,
    service_code: r.itemCode,
    description: copy.description,
    agency_responsible: r.agency ?? '',
    service_notice: '',
    requested_datetime: isoChina(r.reportedAt),
    updated_datetime: isoChina(r.updatedAt),
    expected_datetime: status === 'open' ? isoChina(expectedCompletion(r, r.itemLimits as TimeLimits, cal)) : null,
    address: copy.address,
    address_id: '',
    zipcode: '',
    lat: copy.lat,
    long: copy.lon,
    media_url: r.mediaUrl ?? '',
  };
}

/** An ISO 8601 time with its offset (or Z), else a 400. */
function parseTime(name: string, v: string | undefined, errors: string[]): Date | undefined {
  if (v === undefined || v === '') return undefined;
  const ok =
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
  if (!ok) errors.push(`${name} 应为带时区的 ISO 8601 时间，如 2026-11-28T08:00:00+08:00`);
  return ok ? new Date(v) : undefined;
}

function parsePage(q: Record<string, string | undefined>, errors: string[]) {
  const page = q.page === undefined ? 1 : Number(q.page);
  const size = q.page_size === undefined ? DEFAULT_LIMIT : Number(q.page_size);
  if (!Number.isInteger(page) || page < 1) errors.push('page 应为正整数');
  if (!Number.isInteger(size) || size < 1 || size > DEFAULT_LIMIT)
    errors.push(`page_size 应为 1 到 ${DEFAULT_LIMIT} 的整数`);
  return { limit: size, offset: (page - 1) * size };
}

/** The date window of a query: both given, one given (90 days from/to it), or the last 90 days. */
function windowOf(q: Record<string, string | undefined>, now: Date, errors: string[]) {
  const start = parseTime('start_date', q.start_date, errors);
  const end = parseTime('end_date', q.end_date, errors);
  const to = end ?? (start ? new Date(start.getTime() + MAX_WINDOW_MS) : now);
  const from = start ?? new Date(to.getTime() - MAX_WINDOW_MS);
  if (start && end && end < start) errors.push('end_date 不能早于 start_date');
  else if (start && end && end.getTime() - start.getTime() > MAX_WINDOW_MS)
    errors.push('start_date 到 end_date 不能超过 90 天');
  return { from, to };
}

/**
 * GET requests. Parameters it does not know are ignored, as clients written for other servers
 * send their own (a radius, a locale). `service_request_id` (a comma list) overrides every other filter; otherwise
 * service_code (comma list), status (open/closed, comma list) and a window on requested_datetime —
 * the last 90 days unless given, never longer — newest first, 1,000 a page.
 */
export async function listRequests(deps: ReadDeps, q: Record<string, string | undefined>) {
  const { db } = deps;
  const now = deps.clock.now();
  const errors: string[] = [];
  const page = parsePage(q, errors);
  const path = await jurisdictionPath(db, q.jurisdiction_id);
  if (q.service_request_id !== undefined) {
    if (errors.length) throw new Open311Error(400, errors);
    const ids = q.service_request_id
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, DEFAULT_LIMIT);
    if (!ids.length) throw new Open311Error(400, ['service_request_id 为空']);
    const cal = await getWorkCalendar(deps);
    return (await requestsByCodes(db, ids, path)).map((r) => toRequest(r, cal));
  }
  const statuses =
    q.status
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  for (const s of statuses) if (s !== 'open' && s !== 'closed') errors.push(`status 只能是 open 或 closed：${s}`);
  const codes =
    q.service_code
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  const { from, to } = windowOf(q, now, errors);
  if (errors.length) throw new Open311Error(400, errors);
  const status =
    statuses.includes('open') && !statuses.includes('closed')
      ? 'open'
      : statuses.includes('closed') && !statuses.includes('open')
        ? 'closed'
        : undefined;
  const rows = await requestsInWindow(db, { from, to, codes, status, path, limit: page.limit, offset: page.offset });
  const cal = await getWorkCalendar(deps);
  return rows.map((r) => toRequest(r, cal));
}

export async function getRequest(deps: ReadDeps, code: string, jurisdictionId: string | undefined) {
  const path = await jurisdictionPath(deps.db, jurisdictionId);
  const row = await requestByCode(deps.db, code, path);
  if (!row) throw new Open311Error(404, [`service_request_id ${code} 不存在`]);
  return toRequest(row, await getWorkCalendar(deps));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET tokens/{token}: the token of a request Gewu filed is its case's id (under the jurisdiction, when given). */
export async function requestOfToken(db: Db, token: string, jurisdictionId: string | undefined) {
  const path = await jurisdictionPath(db, jurisdictionId);
  const code = UUID.test(token) ? await publishedCodeOfCase(db, token, path) : undefined;
  if (code === undefined) throw new Open311Error(404, [`token ${token} 不存在`]);
  return { service_request_id: code, token };
}

/** Events that a requester sees as a status change, with the state they lead to. */
const PUBLIC_EVENTS = Object.keys(STATE_OF_EVENT) as CaseEventType[];

/**
 * GET servicerequestupdates (the extension FixMyStreet's Open311 client pulls): the changes of
 * requests in a window of time (default the last 90 days, at most 90), oldest first, each with the
 * status it leads to and what happened, in words for the public — never a staff member's note.
 */
export async function listUpdates(db: Db, now: Date, q: Record<string, string | undefined>) {
  const errors: string[] = [];
  const page = parsePage(q, errors);
  const { from, to } = windowOf(q, now, errors);
  const path = await jurisdictionPath(db, q.jurisdiction_id);
  if (errors.length) throw new Open311Error(400, errors);
  const rows = await publicEvents(db, { from, to, types: PUBLIC_EVENTS, path, limit: page.limit, offset: page.offset });
  return rows.map((r) => {
    const state = STATE_OF_EVENT[r.type as CaseEventType] as CaseState;
    const { status, notes } = open311Status(state);
    return {
      update_id: String(r.id),
      service_request_id: r.code,
      status,
      updated_datetime: isoChina(r.at),
      description: `${ACTION_LABELS[r.type as CaseEventType]}：${notes}`,
      media_url: '',
    };
  });
}
