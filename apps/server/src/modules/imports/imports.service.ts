import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import type { Db, Engine } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { IMPORT_KIND_ACTION } from '@gewu/domain';
import { authorize, can, inScope } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/errors.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { updateGridsBulk } from '../grids/grids.repository.ts';
import {
  insertHousesBulk,
  insertOrganisationsBulk,
  insertResidentsBulk,
  registeredIdHashes,
} from '../people/people.repository.ts';
import { type CellError, type ImportKind, mapHeader } from './imports.columns.ts';
import { ResidentCopy, inPgTransaction, pgPoolOf } from './imports.copy.ts';
import { readSheetChunks } from './imports.reader.ts';
import { gridsInScope, villagesInScope } from './imports.repository.ts';
import { type Built, type Places, buildRow } from './imports.rows.ts';
import { importJobs } from './imports.table.ts';
import {
  importEmptyFile,
  importKindForbidden,
  importNotFound,
  importNotReady,
  importTooLarge,
  importUploadFailed,
} from './imports.errors.ts';

export type ImportsDeps = {
  db: Db;
  engine: Engine;
  clock: Clock;
  pii: PiiCipher;
  config: { dataDir: string; GEWU_IMPORT_MAX_BYTES: number };
};
type Job = typeof importJobs.$inferSelect;

const BATCH = 2000;
const KEPT_ERRORS = 500;
/** Rows processed so far by running jobs of this process (live progress without touching the database). */
const progress = new Map<string, number>();
/** Background passes of this process, so shutdown can wait for them before closing the database. */
const running = new Set<Promise<void>>();

function inBackground(task: Promise<void>) {
  running.add(task);
  void task.finally(() => running.delete(task));
}

/** Resolves when every validation and commit started by this process has finished. */
export async function drainImports(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

export function toImportView(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    format: job.format,
    status: job.status,
    fileName: job.fileName,
    totalRows: job.totalRows,
    processedRows: progress.get(job.id) ?? job.totalRows,
    validRows: job.validRows,
    errorCount: job.errorCount,
    errors: job.errors,
    failure: job.failure,
    createdAt: job.createdAt.toISOString(),
  };
}

/**
 * The caller may import this kind (its template, upload and commit): `base.import` and the action
 * IMPORT_KIND_ACTION names for it, else 403 `import.kind_forbidden`. Returns the actor.
 */
export function authorizeImportKind(ctx: RequestContext, kind: ImportKind) {
  const actor = authorize(ctx, 'base.import');
  if (!can(actor, IMPORT_KIND_ACTION[kind])) throw importKindForbidden();
  return actor;
}

/** Saves the upload to disk (streamed, size-capped), records the job and starts the dry run. */
export async function startImport(
  deps: ImportsDeps,
  ctx: RequestContext,
  input: { kind: ImportKind; format: 'csv' | 'xlsx'; fileName?: string; body: Readable },
) {
  const actor = authorizeImportKind(ctx, input.kind);
  const id = crypto.randomUUID();
  const dir = path.join(deps.config.dataDir, 'imports');
  fs.mkdirSync(dir, { recursive: true });
  const filePath = path.join(dir, `${id}.${input.format}`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb(bytes > deps.config.GEWU_IMPORT_MAX_BYTES ? importTooLarge(deps.config.GEWU_IMPORT_MAX_BYTES) : null, chunk);
    },
  });
  try {
    await pipeline(input.body, limit, fs.createWriteStream(filePath));
  } catch (e) {
    fs.rmSync(filePath, { force: true });
    throw e instanceof AppError ? e : importUploadFailed();
  }
  if (bytes === 0) {
    fs.rmSync(filePath, { force: true });
    throw importEmptyFile();
  }
  const now = deps.clock.now();
  const [job] = await deps.db
    .insert(importJobs)
    .values({
      id,
      kind: input.kind,
      format: input.format,
      status: 'validating',
      fileName: input.fileName ?? null,
      filePath,
      actorId: actor.id,
      regionPath: actor.regionPath,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(deps.db, deps.clock, ctx, {
    action: 'import.upload',
    targetType: 'import',
    targetId: id,
    detail: { kind: input.kind, format: input.format, bytes, fileName: input.fileName },
  });
  progress.set(id, 0);
  inBackground(runValidation(deps, job as Job));
  return toImportView(job as Job);
}

export async function getImport(deps: ImportsDeps, ctx: RequestContext, id: string) {
  const actor = authorize(ctx, 'base.import');
  const [job] = await deps.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), inScope(actor, importJobs.regionPath)));
  if (!job) throw importNotFound();
  return toImportView(job);
}

/** Writes every row in one transaction, after the dry run found no error; re-checks while writing. */
export async function commitImport(deps: ImportsDeps, ctx: RequestContext, id: string) {
  const actor = authorize(ctx, 'base.import');
  const [pending] = await deps.db.select({ kind: importJobs.kind }).from(importJobs).where(eq(importJobs.id, id));
  if (pending) authorizeImportKind(ctx, pending.kind as ImportKind);
  const [job] = await deps.db
    .update(importJobs)
    .set({ status: 'committing', updatedAt: deps.clock.now() })
    .where(and(eq(importJobs.id, id), inScope(actor, importJobs.regionPath), eq(importJobs.status, 'validated')))
    .returning();
  if (!job) {
    const [existing] = await deps.db
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.id, id), inScope(actor, importJobs.regionPath)));
    if (!existing) throw importNotFound();
    if (existing.status === 'committed' || existing.status === 'committing') return toImportView(existing); // a retried commit
    throw importNotReady(existing.status);
  }
  progress.set(id, 0);
  await recordAudit(deps.db, deps.clock, ctx, {
    action: 'import.commit',
    targetType: 'import',
    targetId: id,
    detail: { kind: job.kind, rows: job.validRows },
  });
  inBackground(runCommit(deps, job));
  return toImportView(job);
}

async function loadPlaces(db: Db, scopePath: string): Promise<Places> {
  const scope = { regionPath: scopePath };
  const [vs, gs] = await Promise.all([villagesInScope(db, scope), gridsInScope(db, scope)]);
  return { villages: new Map(vs.map((v) => [v.code, v])), grids: new Map(gs.map((g) => [g.code, g])) };
}

interface PassResult {
  total: number;
  valid: number;
  errorCount: number;
  errors: CellError[];
}

/** Rows whose identity number is already registered, by row number (checked in batches). */
async function registeredRows(db: Db, seenIds: Map<string, number>): Promise<number[]> {
  const rows: number[] = [];
  let batch: string[] = [];
  const check = async () => {
    for (const x of await registeredIdHashes(db, batch)) rows.push(seenIds.get(x.h as string) as number);
    batch = [];
  };
  for (const h of seenIds.keys()) {
    batch.push(h);
    if (batch.length === BATCH) await check();
  }
  if (batch.length) await check();
  return rows.sort((a, b) => a - b);
}

/**
 * Reads the file once, checking every row (and duplicates within the file and against the
 * database); when committing, inserts the rows in batches. With `pgClient` (a node-postgres
 * connection holding the transaction), residents are streamed in with COPY instead.
 */
async function pass(
  deps: ImportsDeps,
  db: Db,
  job: Job,
  mode: 'validate' | 'commit',
  pgClient?: PoolClient,
): Promise<PassResult> {
  const places = await loadPlaces(db, job.regionPath);
  // Opened after the last query on this connection: while COPY runs, the connection carries nothing else.
  const copy = mode === 'commit' && job.kind === 'residents' && pgClient ? await ResidentCopy.open(pgClient) : null;
  try {
    return await readRows(deps, db, job, mode, places, copy);
  } finally {
    await copy?.close();
  }
}

async function readRows(
  deps: ImportsDeps,
  db: Db,
  job: Job,
  mode: 'validate' | 'commit',
  places: Places,
  copy: ResidentCopy | null,
): Promise<PassResult> {
  const r: PassResult = { total: 0, valid: 0, errorCount: 0, errors: [] };
  const addErrors = (es: CellError[]) => {
    r.errorCount += es.length;
    for (const e of es) if (r.errors.length < KEPT_ERRORS) r.errors.push(e);
  };
  const alreadyRegistered = (rowNo: number) =>
    addErrors([{ row: rowNo, column: '身份证号', message: '该身份证号已登记' }]);
  /** Checks a batch against the database (dry run) or inserts it (commit); returns when done. */
  const processBatch = async (b: { rowNo: number; built: Built }[]) => {
    if (mode === 'commit') {
      if (r.errorCount) return;
      let conflicts = new Set<string>();
      if (job.kind === 'residents') {
        const rows = b.flatMap((x) => (x.built.kind === 'residents' ? [x.built.values] : []));
        if (copy) await copy.write(rows);
        else conflicts = await insertResidentsBulk(db, rows);
      }
      await insertHousesBulk(
        db,
        b.flatMap((x) => (x.built.kind === 'houses' ? [x.built.values] : [])),
      );
      await insertOrganisationsBulk(
        db,
        b.flatMap((x) => (x.built.kind === 'organisations' ? [x.built.values] : [])),
      );
      await updateGridsBulk(
        db,
        b.flatMap((x) => (x.built.kind === 'grids' ? [x.built.values] : [])),
      );
      for (const x of b) if (x.built.idHash && conflicts.has(x.built.idHash)) alreadyRegistered(x.rowNo);
      return;
    }
    const hashes = b.map((x) => x.built.idHash).filter((h): h is string => !!h);
    if (!hashes.length) return;
    const existing = new Set((await registeredIdHashes(db, hashes)).map((x) => x.h));
    for (const x of b) if (x.built.idHash && existing.has(x.built.idHash)) alreadyRegistered(x.rowNo);
  };
  // One batch in the database while the next one is parsed, checked and encrypted.
  let inflight: Promise<void> = Promise.resolve();
  let batch: { rowNo: number; built: Built }[] = [];
  const flush = async () => {
    const b = batch;
    batch = [];
    await inflight;
    inflight = processBatch(b);
    inflight.catch(() => undefined); // surfaced by the next await
  };
  const seenIds = new Map<string, number>();
  let keys: (string | null)[] | null = null;
  let rowNo = 0;
  for await (const chunk of readSheetChunks(job.filePath, job.format))
    for (const cells of chunk) {
      rowNo += 1;
      if (!keys) {
        const header = mapHeader(job.kind, cells);
        if (header.errors.length) {
          addErrors(header.errors);
          return r;
        }
        keys = header.keys;
        continue;
      }
      r.total += 1;
      const values: Record<string, string> = {};
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k) values[k] = cells[i] ?? '';
      }
      const { errors, built } = buildRow(job.kind, rowNo, values, places, deps.pii, deps.clock, mode === 'commit');
      if (built?.idHash) {
        const first = seenIds.get(built.idHash);
        if (first) errors.push({ row: rowNo, column: '身份证号', message: `与第 ${first} 行的身份证号重复` });
        else seenIds.set(built.idHash, rowNo);
      }
      if (errors.length) addErrors(errors);
      else if (built) {
        r.valid += 1;
        batch.push({ rowNo, built });
      }
      if (batch.length >= BATCH) await flush();
      if ((rowNo & 1023) === 0) progress.set(job.id, r.total);
    }
  if (batch.length) await flush();
  await inflight;
  // COPY stops at the first identity number registered since the dry run: report every such row.
  if (copy && (await copy.finish()) === 'conflict')
    for (const row of await registeredRows(db, seenIds)) alreadyRegistered(row);
  if (!keys) addErrors([{ row: 1, column: '', message: '文件中没有表头行' }]);
  else if (r.total === 0) addErrors([{ row: 2, column: '', message: '文件中没有数据行' }]);
  r.errors.sort((a, b) => a.row - b.row);
  return r;
}

async function finish(deps: ImportsDeps, id: string, values: Partial<typeof importJobs.$inferInsert>) {
  await deps.db
    .update(importJobs)
    .set({ ...values, updatedAt: deps.clock.now() })
    .where(eq(importJobs.id, id));
  progress.delete(id);
}

async function runValidation(deps: ImportsDeps, job: Job) {
  try {
    const r = await pass(deps, deps.db, job, 'validate');
    await finish(deps, job.id, {
      status: r.errorCount ? 'invalid' : 'validated',
      totalRows: r.total,
      validRows: r.valid,
      errorCount: r.errorCount,
      errors: r.errors,
    });
  } catch (e) {
    await finish(deps, job.id, {
      status: 'failed',
      failure: e instanceof AppError ? e.message : '文件无法读取，请确认是 CSV 或 .xlsx 格式',
    });
  }
}

class ImportHadErrors extends Error {
  constructor(readonly result: PassResult) {
    super('import had errors');
  }
}

async function runCommit(deps: ImportsDeps, job: Job) {
  const pool = deps.engine === 'postgresql' ? pgPoolOf(deps.db) : null;
  try {
    const r = pool
      ? await inPgTransaction(pool, async (tx, client) => {
          const result = await pass(deps, tx, job, 'commit', client);
          if (result.errorCount) throw new ImportHadErrors(result);
          return result;
        })
      : await deps.db.transaction(async (tx) => {
          const result = await pass(deps, tx, job, 'commit');
          if (result.errorCount) throw new ImportHadErrors(result);
          return result;
        });
    await finish(deps, job.id, { status: 'committed', totalRows: r.total, validRows: r.valid });
    fs.rmSync(job.filePath, { force: true });
  } catch (e) {
    const result = e instanceof ImportHadErrors ? e.result : null;
    await finish(deps, job.id, {
      status: 'failed',
      failure: result ? '写入时发现新的错误（如身份证号已被他人登记），全部未写入' : '写入失败，全部未写入',
      ...(result ? { errorCount: result.errorCount, errors: result.errors } : {}),
    });
  }
}
