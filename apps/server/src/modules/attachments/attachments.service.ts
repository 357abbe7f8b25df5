import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, type RequestContext, systemContext } from '../../platform/context.ts';
import { can, requireActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { forbidden } from '../../platform/errors.ts';
import { processImage, readUpload } from './attachments.images.ts';
import { attachments } from './attachments.table.ts';
import { attachmentsLinkableSince } from './attachments.retention.ts';
import { attachmentExpired, attachmentNotFound, attachmentUnknown } from './attachments.errors.ts';

export type AttachmentsDeps = { db: Db; clock: Clock; config: { dataDir: string; GEWU_ATTACHMENT_MAX_BYTES: number } };
/** Who uploaded: a signed-in user, or another system through its API key. */
export type AttachmentOwner = { uploadedBy?: string; apiKeyId?: string };
export type AttachmentSize = 'thumb' | 'public' | 'original';
type Row = typeof attachments.$inferSelect;

export interface AttachmentView {
  id: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  thumbUrl: string;
  url: string;
}

/** How long browsers may keep a copy. The original carries the GPS position: kept briefly. */
const CACHE_SECONDS: Record<AttachmentSize, number> = { thumb: 86_400, public: 86_400, original: 600 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toAttachmentView(row: Row): AttachmentView {
  const url = `/api/attachments/${row.id}`;
  return {
    id: row.id,
    mime: row.mime,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    thumbUrl: `${url}?size=thumb`,
    url,
  };
}

/**
 * Stores an uploaded photo: checks size and type (by content), keeps the original bytes, writes a
 * stripped, upright JPEG copy (≤ 2048 px) and a 320 px thumbnail, records the row and its audit entry.
 * Nothing is written when the upload is refused. Used by the session route below and by routes that
 * authenticate other systems by API key (pass their request context for the audit row).
 */
export async function uploadAttachment(
  deps: AttachmentsDeps,
  owner: AttachmentOwner,
  stream: Readable,
  name?: string,
  ctx: RequestContext = systemContext(),
): Promise<AttachmentView> {
  if (!owner.uploadedBy && !owner.apiKeyId) throw new Error('uploadAttachment: an uploader or an API key is required');
  const original = await readUpload(stream, deps.config.GEWU_ATTACHMENT_MAX_BYTES);
  const image = await processImage(original);
  const id = randomUUID();
  const now = deps.clock.now();
  // Grouped by upload month (UTC) so no directory grows without bound.
  const dir = path.posix.join(
    'attachments',
    String(now.getUTCFullYear()),
    String(now.getUTCMonth() + 1).padStart(2, '0'),
  );
  const files = [
    { rel: `${dir}/${id}.orig`, data: original },
    { rel: `${dir}/${id}.jpg`, data: image.publicJpeg },
    { rel: `${dir}/${id}.thumb.jpg`, data: image.thumbJpeg },
  ] as const;
  const absolute = (rel: string) => path.join(deps.config.dataDir, rel);
  try {
    await fs.promises.mkdir(absolute(dir), { recursive: true });
    await Promise.all(files.map((f) => fs.promises.writeFile(absolute(f.rel), f.data, { flag: 'wx', mode: 0o600 })));
    const fileName = cleanFileName(name);
    const row = await deps.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(attachments)
        .values({
          id,
          sha256: image.sha256,
          mime: image.mime,
          bytes: original.length,
          width: image.width,
          height: image.height,
          originalPath: files[0].rel,
          publicPath: files[1].rel,
          thumbPath: files[2].rel,
          fileName,
          uploadedBy: owner.uploadedBy ?? null,
          apiKeyId: owner.apiKeyId ?? null,
          createdAt: now,
        })
        .returning();
      await recordAudit(tx, deps.clock, ctx, {
        action: 'attachment.upload',
        targetType: 'attachment',
        targetId: id,
        detail: { mime: image.mime, bytes: original.length, fileName, apiKeyId: owner.apiKeyId },
      });
      return inserted as Row;
    });
    return toAttachmentView(row);
  } catch (e) {
    await Promise.all(files.map((f) => fs.promises.rm(absolute(f.rel), { force: true })));
    throw e;
  }
}

/** Uploads a photo for the signed-in user: anyone who may report or handle a case. */
export async function uploadUserAttachment(
  deps: AttachmentsDeps,
  ctx: RequestContext,
  stream: Readable,
  name?: string,
): Promise<AttachmentView> {
  const actor = requireActor(ctx);
  // Those who record something with photos: reports and handling of cases, mediation records of disputes,
  // village meetings' records (四议两公开).
  if (
    !can(actor, 'case.report') &&
    !can(actor, 'case.handle') &&
    !can(actor, 'dispute.mediate') &&
    !can(actor, 'deliberation.manage')
  )
    throw forbidden('无权上传图片');
  return uploadAttachment(deps, { uploadedBy: actor.id }, stream, name, ctx);
}

/**
 * Opens one size of a photo for reading. Its uploader may see it, and so may whoever `sees` a
 * record it belongs to (the case module answers for cases); to anyone else it does not exist (404).
 * Only the centre and handlers see the original, and each time they do it is audited.
 */
export async function openAttachment(
  deps: AttachmentsDeps,
  ctx: RequestContext,
  id: string,
  size: AttachmentSize,
  sees: (actor: Actor, attachmentId: string) => Promise<boolean>,
) {
  const actor = requireActor(ctx);
  if (size === 'original' && !can(actor, 'case.centre') && !can(actor, 'case.handle')) throw forbidden('无权查看原图');
  const [row] = await deps.db.select().from(attachments).where(eq(attachments.id, id));
  if (!row || (row.uploadedBy !== actor.id && !(await sees(actor, row.id)))) throw attachmentNotFound();
  const rel = size === 'original' ? row.originalPath : size === 'thumb' ? row.thumbPath : row.publicPath;
  const file = path.join(deps.config.dataDir, rel);
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat) throw attachmentNotFound();
  // The original keeps what the phone wrote into it (the place it was taken, the device): who
  // looked at one is on record, like any revealed personal data.
  if (size === 'original')
    await recordAudit(deps.db, deps.clock, ctx, {
      action: 'attachment.view_original',
      targetType: 'attachment',
      targetId: row.id,
      detail: { fileName: row.fileName },
    });
  return {
    stream: fs.createReadStream(file),
    mime: size === 'original' ? row.mime : 'image/jpeg',
    bytes: stat.size,
    fileName: size === 'original' ? row.fileName : null,
    cacheControl: `private, max-age=${CACHE_SECONDS[size]}`,
  };
}

/**
 * For services that link photos to a record (the case service): throws 400 `attachment.unknown`
 * when an id does not exist or was uploaded by someone other than `owner`, and 400
 * `attachment.expired` when a photo is too old to link (see attachmentsLinkableSince: it is about
 * to be purged; upload it again).
 */
export async function checkAttachmentsOwned(
  deps: { db: Db; clock: Clock; config: { GEWU_ATTACHMENT_UNLINKED_DAYS: number } },
  ids: string[],
  owner: { userId?: string; apiKeyId?: string },
  field = 'attachmentIds',
  /** Ids the record being changed already links (a colleague's, say): accepted as they are. */
  kept: readonly string[] = [],
): Promise<void> {
  const { db } = deps;
  const already = new Set(kept.map((id) => id.toLowerCase()));
  ids = ids.map((id) => (already.has(id.toLowerCase()) ? '' : id));
  const linkableSince = attachmentsLinkableSince(deps.clock.now(), deps.config.GEWU_ATTACHMENT_UNLINKED_DAYS);
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  const rows = wanted.length
    ? await db
        .select({
          id: attachments.id,
          uploadedBy: attachments.uploadedBy,
          apiKeyId: attachments.apiKeyId,
          createdAt: attachments.createdAt,
        })
        .from(attachments)
        .where(inArray(attachments.id, wanted))
    : [];
  const mine = rows.filter(
    (r) =>
      (owner.userId !== undefined && r.uploadedBy === owner.userId) ||
      (owner.apiKeyId !== undefined && r.apiKeyId === owner.apiKeyId),
  );
  const owned = new Set(mine.map((r) => r.id));
  const unknown = ids.flatMap((id, i) =>
    id === '' || owned.has(id.toLowerCase())
      ? []
      : [{ path: `${field}.${i}`, message: `附件不存在或不是本人上传：${id.slice(0, 64)}` }],
  );
  if (unknown.length) throw attachmentUnknown(unknown);
  const old = new Set(mine.filter((r) => r.createdAt < linkableSince).map((r) => r.id));
  const expired = ids.flatMap((id, i) =>
    old.has(id.toLowerCase()) ? [{ path: `${field}.${i}`, message: `附件上传已久、即将清理，请重新上传：${id}` }] : [],
  );
  if (expired.length) throw attachmentExpired(expired);
}

/** Keeps only the base name, without control characters, at most 200 characters. */
function cleanFileName(name?: string): string | null {
  const base = name
    ?.split(/[\\/]/)
    .pop()
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    ?.replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return base ? base : null;
}
