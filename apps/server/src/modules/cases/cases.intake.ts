import { type CaseChannel, type CaseLevel, type ReportBody, type ReportFacts, centrePathFor } from '@gewu/domain';
import { toWgs84 } from '@gewu/geo';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { FreshCache } from '../../platform/fresh-cache.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { can, requireActor } from '../../platform/access.ts';
import { type AuditInput, auditRow, recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { protectPii } from '../people/residents.service.ts';
import { gridRegionPath } from '../grids/grids.repository.ts';
import type { GridLocator } from '../grids/grids.index.ts';
import { type ItemRow, getItemByCode } from '../items/items.repository.ts';
import { getWorkCalendar } from '../calendar/calendar.service.ts';
import { isItemAdmitted } from '../items/items.service.ts';
import { checkAttachmentsOwned } from '../attachments/attachments.service.ts';
import { notificationRows, notify, wakeStreams } from '../notifications/notifications.service.ts';
import { stageClock } from '../../platform/clocks/index.ts';
import { coversPath } from './cases.policy.ts';
import {
  type CaseRow,
  type NewReportedCase,
  appendEvent,
  findByIdempotencyKey,
  insertReportedCases,
  nextCaseCode,
} from './cases.repository.ts';
import { GroupCommit } from '../../db/group-commit.ts';
import {
  callerPhoneInvalid,
  caseFieldsInvalid,
  caseItemNotPublic,
  caseLocationRequired,
  caseOutsideArea,
  caseOutsideScope,
  selfHandleNotAllowed,
  unknownItem,
} from './cases.errors.ts';

export type IntakeDeps = {
  db: Db;
  clock: Clock;
  pii: PiiCipher;
  gridLocator: GridLocator;
  config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number };
};

/** Who is filing: a signed-in person, or another system by its API key. */
export type Reporter =
  | { kind: 'user'; ctx: RequestContext }
  | {
      kind: 'api_key';
      key: { id: string; name: string; regionPath: string; source: string };
      /** The request, for the audit row (its IP and request id). */
      ctx?: RequestContext;
      /** Accept a report with an address but no point (Open311 `address_string`): filed at the key's region. */
      addressOnly?: boolean;
    };

export type { ItemRow };

/**
 * Items are read on every report and change a few times a year: each instance keeps them for a
 * few seconds (a FreshCache: an admin's edit reaches every instance within ITEM_CACHE_MS, and
 * reports never wait for the refresh while they keep coming). An unknown code is not kept.
 */
const ITEM_CACHE_MS = 5_000;
const itemCaches = new WeakMap<Db, FreshCache<string, ItemRow | undefined>>();

export async function itemByCode({ db, clock }: Pick<IntakeDeps, 'db' | 'clock'>, code: string): Promise<ItemRow> {
  let itemCache = itemCaches.get(db);
  if (!itemCache) itemCaches.set(db, (itemCache = new FreshCache(ITEM_CACHE_MS, { keep: (item) => !!item })));
  const item = await itemCache.get(clock, code, async () => (await getItemByCode(db, code)) ?? undefined);
  if (!item || !item.active) throw unknownItem(code);
  return item;
}

/**
 * New reports are written by group commit (db/group-commit.ts): the reports that arrive while the
 * write before them is in flight go together in one statement, so at a thousand reports a second
 * the database commits several cases at a time, and at full speed tens, instead of one. Each caller
 * still waits for its own case to be committed. One write in flight at a time: on the bench's
 * 2-core machine two gave no more reports per second but smaller batches, so more commits and a
 * fifth more CPU per report; and one leaves the pool's other connections to everything else.
 */
const REPORT_BATCH = { maxBatch: 100, maxInFlight: 1 };
const reportWriters = new WeakMap<Db, GroupCommit<NewReportedCase, CaseRow | null>>();

function reportWriterFor(db: Db): GroupCommit<NewReportedCase, CaseRow | null> {
  let writer = reportWriters.get(db);
  if (!writer)
    reportWriters.set(db, (writer = new GroupCommit((reports) => insertReportedCases(db, reports), REPORT_BATCH)));
  return writer;
}

/** The case a system's API key filed with this idempotency key, if any (Open311 looks up a repeated form). */
export function reportOfKey(db: Db, apiKeyId: string, idempotencyKey: string): Promise<CaseRow | undefined> {
  return findByIdempotencyKey(db, `k:${apiKeyId}`, idempotencyKey);
}

/** The report's (reporter, idempotency key) already names a case. */
class IdempotencyKeyTaken extends Error {}

/** A grid's region path never changes (its code is permanent), so it is looked up once per process. */
const gridPaths = new Map<string, string>();

/** Where the case is: the grid a point falls in (its unit grid, not the micro-grid), else refused. */
export async function placeOf(deps: IntakeDeps, body: Pick<ReportBody, 'location'>, fallbackPath: string | null) {
  if (!body.location) {
    if (!fallbackPath) throw caseLocationRequired();
    return { gridId: null, regionPath: fallbackPath, lon: null, lat: null };
  }
  const [lon, lat] = toWgs84(body.location.lon, body.location.lat, body.location.crs);
  const found = await deps.gridLocator.locate(lon, lat);
  if (!found.gridId) throw caseOutsideArea();
  let regionPath = gridPaths.get(found.gridId);
  if (!regionPath) {
    regionPath = await gridRegionPath(deps.db, found.gridId);
    if (!regionPath) throw caseOutsideArea();
    gridPaths.set(found.gridId, regionPath);
  }
  return { gridId: found.gridId, regionPath, lon, lat };
}

/**
 * Files a report from any channel (resident, grid worker, hotline staff, another system).
 * Idempotent: the same reporter sending the same idempotency key gets the case it already made
 * (`created: false`), however often it retries. Grid lookup, routing to the centre, the event,
 * the audit row and the notifications all commit together.
 */
export async function reportCase(
  deps: IntakeDeps,
  reporter: Reporter,
  body: ReportBody,
  /**
   * Photos a record the reporter may see already links (a colleague's inspection item, say): they go with
   * the case whoever uploaded them — they are kept by that record's link, not the uploader's 30 days.
   */
  opts: { keptAttachmentIds?: readonly string[] } = {},
): Promise<{ created: boolean; case: CaseRow }> {
  const actor = reporter.kind === 'user' ? requireActor(reporter.ctx) : null;
  if (actor && !can(actor, 'case.report')) throw forbidden();
  const reporterKey = actor ? `u:${actor.id}` : `k:${reporter.kind === 'api_key' ? reporter.key.id : ''}`;
  try {
    return { created: true, case: await fileReport(deps, reporter, actor, reporterKey, body, opts.keptAttachmentIds) };
  } catch (e) {
    // A retry gets the case its first attempt made: whether it raced that attempt (the unique index
    // refused it) or would now be refused (an item withdrawn since, say). The lookup runs only then.
    if (e instanceof IdempotencyKeyTaken || isUniqueViolation(e) || e instanceof AppError) {
      const again = await findByIdempotencyKey(deps.db, reporterKey, body.idempotencyKey);
      if (again) return { created: false, case: again };
    }
    throw e;
  } finally {
    wakeStreams();
  }
}

async function fileReport(
  deps: IntakeDeps,
  reporter: Reporter,
  actor: Actor | null,
  reporterKey: string,
  body: ReportBody,
  kept: readonly string[] = [],
): Promise<CaseRow> {
  const item = await itemByCode(deps, body.itemCode);
  const isStaff = !!actor && actor.roles.some((r) => r !== 'resident');
  if (!isStaff && !item.publicReport) throw caseItemNotPublic();
  const channel: CaseChannel = !actor
    ? 'api'
    : actor.roles.includes('grid_worker')
      ? 'grid_worker'
      : isStaff
        ? 'hotline'
        : 'resident_web';
  const fallbackPath =
    channel === 'hotline'
      ? (actor?.regionPath ?? null)
      : reporter.kind === 'api_key' && reporter.addressOnly && body.address
        ? reporter.key.regionPath
        : null;
  const place = await placeOf(deps, body, fallbackPath);
  // Staff and systems file only inside their own area; residents anywhere the platform covers.
  const scopePath = actor && isStaff ? actor.regionPath : reporter.kind === 'api_key' ? reporter.key.regionPath : null;
  if (scopePath && !coversPath({ regionPath: scopePath }, place.regionPath)) throw caseOutsideScope();
  if (body.selfHandle && channel !== 'grid_worker') throw forbidden('只有网格员可以即报即办');
  if (body.selfHandle && !(item.minor && (await isItemAdmitted(deps.db, item.id, place.regionPath)))) {
    throw selfHandleNotAllowed(item.name);
  }
  const owner = actor ? { userId: actor.id } : { apiKeyId: reporter.kind === 'api_key' ? reporter.key.id : '' };
  await checkAttachmentsOwned(
    deps,
    [...body.attachmentIds, ...(body.selfHandle?.attachmentIds ?? [])],
    owner,
    'attachmentIds',
    kept,
  );
  checkFields(item, body.fields);

  const errors: { path: string; message: string }[] = [];
  const phone = protectPii(deps.pii, deps.clock, undefined, body.caller?.phone, errors);
  if (errors.length) throw callerPhoneInvalid(errors);

  const now = deps.clock.now();
  const cal = await getWorkCalendar(deps);
  const level: CaseLevel = 'township';
  const report: ReportFacts = {
    // Time-ordered (UUIDv7): new cases' keys land together at one edge of the primary key and of
    // case_events' (case_id, seq) index instead of on a random page of each, which after every
    // checkpoint meant a full-page image in the WAL for nearly every report.
    id: uuidv7(),
    code: '', // numbered when written
    itemId: item.id,
    itemCode: item.code,
    level,
    regionPath: place.regionPath,
    gridId: place.gridId,
    lon: place.lon,
    lat: place.lat,
    address: body.address ?? null,
    description: body.description,
    channel,
    source: reporter.kind === 'api_key' ? reporter.key.source : null,
    externalRef: body.externalRef ?? null,
    mediaUrl: body.mediaUrl ?? null,
    reporterUserId: actor?.id ?? null,
    reporterApiKeyId: reporter.kind === 'api_key' ? reporter.key.id : null,
    reporterName: body.anonymous ? null : (body.caller?.name ?? actor?.displayName ?? null),
    reporterPhoneEnc: phone.phoneEnc,
    reporterPhoneHash: phone.phoneHash,
    reporterPhoneMasked: phone.phoneMasked,
    anonymous: body.anonymous,
    publicConsent: body.publicConsent,
    reporterKey,
    idempotencyKey: body.idempotencyKey,
  };
  const who = actor ? { id: actor.id, name: actor.displayName, unitId: actor.unitId } : null;
  const ctx =
    reporter.kind === 'user'
      ? reporter.ctx
      : (reporter.ctx ?? { actor: null, ip: null, requestId: null, audited: false });
  const audit = (code: string): AuditInput => ({
    action: body.selfHandle ? 'case.self_handle' : 'case.report',
    targetType: 'case',
    targetId: report.id,
    regionPath: report.regionPath,
    detail: { code, itemCode: item.code, channel, apiKey: reporter.kind === 'api_key' ? reporter.key.name : undefined },
    ...(reporter.kind === 'api_key'
      ? { actor: { id: reporter.key.id, name: `api-key:${reporter.key.name}`, roles: [] } }
      : {}),
  });
  if (!body.selfHandle) {
    // The common path: one statement (case, event, inbox row for the centre, audit row).
    const [notification] = notificationRows(
      deps.clock,
      [{ regionPath: centrePathFor(report.regionPath, level), role: 'dispatcher' }],
      {
        kind: 'case.reported',
        title: `新上报：${item.name}`,
        body: body.description.slice(0, 100),
        caseId: report.id,
      },
    );
    const row = await reportWriterFor(deps.db).submit({
      day: chinaDay(now),
      event: {
        type: 'report',
        at: now,
        actor: who,
        note: null,
        data: { report, clock: stageClock('accept', now, item.limits.accept, cal), fields: body.fields },
        attachmentIds: body.attachmentIds,
      },
      notification: notification ?? null,
      audit: auditRow(deps.clock, ctx, audit('')),
    });
    // Its idempotency key was taken meanwhile (a retry racing its first attempt): reportCase finds that case.
    if (!row) throw new IdempotencyKeyTaken();
    ctx.audited = true;
    return row;
  }
  const selfHandle = body.selfHandle;
  return deps.db.transaction(async (tx) => {
    // A retry takes no number from the sequence: the case its key names is looked up instead.
    if (await findByIdempotencyKey(tx, reporterKey, body.idempotencyKey)) throw new IdempotencyKeyTaken();
    report.code = await nextCaseCode(tx, chinaDay(now));
    let row = await appendEvent(tx, null, {
      type: 'report',
      at: now,
      actor: who,
      note: null,
      data: { report, clock: null, fields: body.fields },
      attachmentIds: body.attachmentIds,
    });
    row = await appendEvent(tx, row, {
      type: 'self_handle',
      at: now,
      actor: who,
      note: selfHandle.note,
      data: { clock: null },
      attachmentIds: selfHandle.attachmentIds,
    });
    await recordAudit(tx, deps.clock, ctx, audit(row.code));
    return row;
  });
}

/** A case a visitor brings to the centre's window (来访登记), as the reception module hands it over. */
export interface WalkInReport {
  itemCode: string;
  description: string;
  address: string;
  location?: ReportBody['location'];
  fields: ReportBody['fields'];
  /** The visitor as the case shows its reporter: masked (the visit keeps the full name, encrypted). */
  reporterName: string;
  /** The visitor's phone, already protected (encrypted, hashed, masked) by the reception module. */
  phone: { enc: string; hash: string; masked: string } | null;
  /** The visit's idempotency key: the case is the visit's, made once with it. */
  idempotencyKey: string;
}

/**
 * Files a case for a visitor at the centre's window (channel `walk_in`): the checks of any staff
 * report (the item, its fields, the place inside the actor's area — the actor's own region when no
 * point is given), the acceptance clock, the centre's inbox and the audit row, written through
 * `deps.db.transaction` — a savepoint of the caller's transaction when `deps.db` is one, so the
 * reception module writes the visit and its case together or not at all.
 */
export async function reportWalkIn(deps: IntakeDeps, ctx: RequestContext, input: WalkInReport): Promise<CaseRow> {
  const actor = requireActor(ctx);
  if (!can(actor, 'case.report') || !can(actor, 'case.centre')) throw forbidden();
  const item = await itemByCode(deps, input.itemCode);
  checkFields(item, input.fields);
  const place = await placeOf(deps, { location: input.location }, actor.regionPath);
  if (!coversPath({ regionPath: actor.regionPath }, place.regionPath)) throw caseOutsideScope();
  const now = deps.clock.now();
  const cal = await getWorkCalendar(deps);
  const level: CaseLevel = 'township';
  const report: ReportFacts = {
    id: uuidv7(),
    code: '',
    itemId: item.id,
    itemCode: item.code,
    level,
    regionPath: place.regionPath,
    gridId: place.gridId,
    lon: place.lon,
    lat: place.lat,
    address: input.address,
    description: input.description,
    channel: 'walk_in',
    source: null,
    externalRef: null,
    mediaUrl: null,
    reporterUserId: actor.id,
    reporterApiKeyId: null,
    reporterName: input.reporterName,
    reporterPhoneEnc: input.phone?.enc ?? null,
    reporterPhoneHash: input.phone?.hash ?? null,
    reporterPhoneMasked: input.phone?.masked ?? null,
    anonymous: false,
    publicConsent: false,
    reporterKey: `u:${actor.id}`,
    idempotencyKey: `reception:${input.idempotencyKey}`,
  };
  const who = { id: actor.id, name: actor.displayName, unitId: actor.unitId };
  return deps.db.transaction(async (tx) => {
    report.code = await nextCaseCode(tx, chinaDay(now));
    const row = await appendEvent(tx, null, {
      type: 'report',
      at: now,
      actor: who,
      note: null,
      data: { report, clock: stageClock('accept', now, item.limits.accept, cal), fields: input.fields },
      attachmentIds: [],
    });
    await notify(tx, deps.clock, [{ regionPath: centrePathFor(row.regionPath, level), role: 'dispatcher' }], {
      kind: 'case.reported',
      title: `新上报：${item.name}`,
      body: input.description.slice(0, 100),
      caseId: row.id,
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'case.report',
      targetType: 'case',
      targetId: row.id,
      regionPath: row.regionPath,
      detail: { code: row.code, itemCode: item.code, channel: 'walk_in' },
    });
    return row;
  });
}

export function checkFields(item: ItemRow, values: ReportBody['fields']) {
  const details: { path: string; message: string }[] = [];
  for (const f of item.fields) {
    const v = values[f.code];
    if (v === undefined || v === '') {
      if (f.required) details.push({ path: `fields.${f.code}`, message: `请填写「${f.label}」` });
      continue;
    }
    const keys = f.options?.map((o) => o.key) ?? [];
    const bad =
      (f.type === 'number' && (typeof v !== 'number' || !Number.isFinite(v))) ||
      (f.type === 'datetime' && (typeof v !== 'string' || Number.isNaN(Date.parse(v)))) ||
      ((f.type === 'string' || f.type === 'text') && typeof v !== 'string') ||
      (f.type === 'singlevaluelist' && (typeof v !== 'string' || !keys.includes(v))) ||
      (f.type === 'multivaluelist' && (!Array.isArray(v) || v.some((x) => !keys.includes(x))));
    if (bad) details.push({ path: `fields.${f.code}`, message: `「${f.label}」的值无效` });
  }
  const unknown = Object.keys(values).filter((k) => !item.fields.some((f) => f.code === k));
  for (const k of unknown) details.push({ path: `fields.${k}`, message: '该事项没有此字段' });
  if (details.length) throw caseFieldsInvalid(details);
}

/** YYYYMMDD in China time, for case numbers. */
export function chinaDay(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

export function isUniqueViolation(e: unknown): boolean {
  const code =
    (e as { code?: string; cause?: { code?: string } })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
}
