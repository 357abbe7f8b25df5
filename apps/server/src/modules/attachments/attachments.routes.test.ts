import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { STARTER_CATALOGUE } from '@gewu/domain';
import { addUser, as, createTestApp, login, pointInGrid, type Session, type TestApp } from '../../../test/app.ts';
import { checkAttachmentsOwned, uploadAttachment } from './attachments.service.ts';

const MAX_BYTES = 64 * 1024;
let t: TestApp;
let dataDir: string;
let resident: Session;
let dispatcher: Session;
let gridworker: Session;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gewu-attachments-'));
  t = await createTestApp({ GEWU_DATA_DIR: dataDir, GEWU_ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
  resident = await login(t.app, 'resident');
  dispatcher = await login(t.app, 'dispatcher');
  gridworker = await login(t.app, 'gridworker');
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A 64×48 JPEG rotated by EXIF (orientation 6: shown 48×64) that says where it was taken. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c03030' } })
    .jpeg()
    .withExif({
      IFD0: { ImageDescription: 'gewu-test-marker' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '34/1 45/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '113/1 40/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/**
 * A valid 10000×10000 black-and-white PNG (1 bit per pixel, all white) of about 12 KB: cheap to
 * send, 100 megapixels to decode. Written by hand (signature, IHDR, IDAT, IEND with their CRCs).
 */
function hugeBlankPng(side = 10_000): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(1 + Math.ceil(side / 8), 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * side);
  for (let y = 0; y < side; y++) row.copy(raw, y * row.length);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The GPS IFD pointer tag (0x8825), in either byte order. */
const hasGpsIfd = (exif: Buffer) =>
  exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));

const upload = (s: Session, body: Buffer, contentType = 'image/jpeg', name?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/attachments${name ? `?name=${encodeURIComponent(name)}` : ''}`,
    headers: { ...as(s).headers, 'content-type': contentType },
    payload: body,
  });
const fetchFile = (s: Session, id: string, size?: string) =>
  t.app.inject({ method: 'GET', url: `/api/attachments/${id}${size ? `?size=${size}` : ''}`, ...as(s) });

/** Files a resident-style report carrying these photos, in the demo township's first grid. */
async function reportWith(s: Session, attachmentIds: string[]): Promise<string> {
  const item = STARTER_CATALOGUE.find(
    (i) => i.publicReport && !i.fields.some((f) => f.required),
  ) as (typeof STARTER_CATALOGUE)[number];
  const spot = await pointInGrid(t.database, '410104001001001');
  const res = t.app.inject({
    method: 'POST',
    url: '/api/cases',
    ...as(s),
    payload: {
      itemCode: item.code,
      description: '现场照片见附件',
      location: { lon: spot.lon, lat: spot.lat },
      attachmentIds,
      idempotencyKey: crypto.randomUUID(),
    },
  });
  const body = (await res).json();
  expect(body).toMatchObject({ created: true });
  return body.id as string;
}

async function stored(): Promise<{ rows: number; files: string[] }> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM attachments`);
  const root = path.join(dataDir, 'attachments');
  const files = fs.existsSync(root)
    ? (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile())
    : [];
  return { rows: row?.n ?? 0, files: files.sort() };
}

describe('attachments', () => {
  let jpeg: Buffer;
  let jpegId: string;

  it('stores a JPEG: the original as uploaded, public and thumb copies upright and without EXIF/GPS', async () => {
    jpeg = await jpegWithGps();
    const inputMeta = await sharp(jpeg).metadata();
    expect(inputMeta.exif && hasGpsIfd(inputMeta.exif)).toBe(true);

    const res = await upload(resident, jpeg, 'image/jpeg', '现场照片.jpg');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      mime: 'image/jpeg',
      bytes: jpeg.length,
      width: 48,
      height: 64,
      url: `/api/attachments/${body.id}`,
      thumbUrl: `/api/attachments/${body.id}?size=thumb`,
    });
    jpegId = body.id;
    expect(res.headers.connection).not.toBe('close');

    const pub = await fetchFile(resident, jpegId);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('image/jpeg');
    expect(pub.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    const pubMeta = await sharp(pub.rawPayload).metadata();
    expect(pubMeta).toMatchObject({ format: 'jpeg', width: 48, height: 64 });
    expect(pubMeta.exif).toBeUndefined();
    expect(pubMeta.orientation).toBeUndefined();

    const thumb = await fetchFile(resident, jpegId, 'thumb');
    expect(thumb.statusCode).toBe(200);
    const thumbMeta = await sharp(thumb.rawPayload).metadata();
    expect(thumbMeta.format).toBe('jpeg');
    expect(thumbMeta.exif).toBeUndefined();
    expect(thumb.rawPayload.includes('gewu-test-marker')).toBe(false);

    // Not yet part of any case: only its uploader sees it.
    expect((await fetchFile(dispatcher, jpegId)).statusCode).toBe(404);
    await reportWith(resident, [jpegId]);

    const orig = await fetchFile(dispatcher, jpegId, 'original');
    expect(orig.statusCode).toBe(200);
    expect(orig.headers['content-type']).toBe('image/jpeg');
    expect(orig.rawPayload.equals(jpeg)).toBe(true);
    const origMeta = await sharp(orig.rawPayload).metadata();
    expect(origMeta.exif && hasGpsIfd(origMeta.exif)).toBe(true);

    const files = (await stored()).files;
    expect(files).toEqual(
      expect.arrayContaining(
        [`2026/11/${jpegId}.orig`, `2026/11/${jpegId}.jpg`, `2026/11/${jpegId}.thumb.jpg`].map(path.normalize),
      ),
    );
    const [row] = await queryRows<{ sha256: string; file_name: string; uploaded_by: string }>(
      t.database.db,
      sql`SELECT sha256, file_name, uploaded_by FROM attachments WHERE id = ${jpegId}`,
    );
    expect(row).toMatchObject({ file_name: '现场照片.jpg', uploaded_by: resident.userId });
    expect(row?.sha256).toMatch(/^[0-9a-f]{64}$/);

    const auditor = await login(t.app, 'auditor');
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?action=attachment.upload', ...as(auditor) });
    expect(audit.json().items[0]).toMatchObject({
      actorName: 'resident',
      targetId: jpegId,
      detail: { mime: 'image/jpeg', bytes: jpeg.length },
    });
  });

  it('accepts a PNG sent as octet-stream, recognised by its content', async () => {
    const png = await sharp({
      create: { width: 30, height: 20, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const res = await upload(gridworker, png, 'application/octet-stream', 'scan.bin');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'image/png', width: 30, height: 20, bytes: png.length });
    const pub = await fetchFile(gridworker, res.json().id, 'public');
    expect((await sharp(pub.rawPayload).metadata()).format).toBe('jpeg');
    const orig = await fetchFile(gridworker, res.json().id, 'original');
    expect(orig.headers['content-type']).toBe('image/png');
  });

  it('refuses a text file named .jpg with 415 and writes nothing', async () => {
    const before = await stored();
    const res = await upload(
      resident,
      Buffer.from('这不是图片，只是一段文字。\n'.repeat(20)),
      'image/jpeg',
      'photo.jpg',
    );
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      code: 'attachment.not_image',
      message: '文件不是支持的图片格式（JPEG、PNG、WebP）',
    });
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    expect((await upload(resident, gif, 'image/gif')).json().code).toBe('attachment.not_image');
    const truncated = jpeg.subarray(0, 40);
    expect((await upload(resident, truncated)).statusCode).toBe(415);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/attachments', ...as(resident), payload: { a: 1 } })).statusCode,
    ).toBe(415);
    expect(await stored()).toEqual(before);
  });

  it('refuses an upload over the size limit with 413 and writes nothing', async () => {
    const before = await stored();
    const big = Buffer.concat([jpeg, Buffer.alloc(MAX_BYTES)]);
    const res = await upload(resident, big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'attachment.too_large', message: '图片超过 64 KB 上限' });
    expect(res.headers.connection).toBe('close'); // the unread rest of the body cannot be followed by another request
    expect((await upload(resident, Buffer.alloc(0))).json().code).toBe('attachment.empty');
    expect(await stored()).toEqual(before);
  });

  it('refuses a 10000×10000 picture (100 megapixels) from its header with 413, before decoding it, and writes nothing', async () => {
    const before = await stored();
    const png = hugeBlankPng();
    expect(png.length).toBeLessThan(MAX_BYTES); // small on the wire: only its pixel count is too big
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 10_000, height: 10_000 });
    const res = await upload(resident, png, 'image/png', 'huge.png');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'attachment.too_many_pixels',
      message: '图片像素过多（10000×10000），上限为 40 百万像素（4000 万像素）',
    });
    expect(await stored()).toEqual(before);
  });

  it('lets only the centre and handlers fetch the original; unknown ids are 404', async () => {
    const denied = await fetchFile(resident, jpegId, 'original');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('access.denied');
    expect((await fetchFile(await login(t.app, 'leader'), jpegId, 'original')).statusCode).toBe(403);
    const viewed = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'attachment.view_original' AND target_id = ${jpegId}`,
        )
      )[0]?.n ?? 0;
    const before = await viewed();
    expect((await fetchFile(dispatcher, jpegId, 'original')).statusCode).toBe(200);
    expect(await viewed()).toBe(before + 1); // each look at an original is on record; refusals and copies are not
    expect((await fetchFile(dispatcher, jpegId, 'public')).statusCode).toBe(200);
    // A handler whose unit was not given the case does not see its photos at all.
    expect((await fetchFile(await login(t.app, 'handler'), jpegId, 'original')).statusCode).toBe(404);
    expect(await viewed()).toBe(before + 1);
    const unknown = await fetchFile(dispatcher, '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('attachment.not_found');
    expect((await fetchFile(dispatcher, jpegId, 'huge')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/attachments/${jpegId}` })).statusCode).toBe(401);
  });

  it('shows a photo to those who see its case, and to no one else', async () => {
    await addUser(t.database, { username: 'zx_dispatcher_att', role: 'dispatcher', regionCode: '410104002' });
    const photo = (await upload(gridworker, await jpegWithGps())).json().id as string;
    const other = await login(t.app, 'zx_dispatcher_att'); // the centre of the next township
    expect((await fetchFile(resident, photo)).statusCode).toBe(404);
    expect((await fetchFile(dispatcher, photo, 'thumb')).statusCode).toBe(404);
    await reportWith(gridworker, [photo]);
    expect((await fetchFile(dispatcher, photo, 'thumb')).statusCode).toBe(200); // the township's centre sees the case
    expect((await fetchFile(gridworker, photo)).statusCode).toBe(200);
    expect((await fetchFile(resident, photo)).statusCode).toBe(404); // not the resident's case
    expect((await fetchFile(other, photo)).statusCode).toBe(404);
    expect((await fetchFile(other, photo, 'original')).json().code).toBe('attachment.not_found');
  });

  it('refuses uploads from roles that neither report nor handle cases', async () => {
    const before = await stored();
    for (const who of ['admin', 'auditor', 'leader'])
      expect((await upload(await login(t.app, who), jpeg)).statusCode).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('checkAttachmentsOwned accepts own uploads and refuses unknown ids and other uploaders', async () => {
    await expect(
      checkAttachmentsOwned(t.deps, [jpegId, jpegId.toUpperCase()], { userId: resident.userId }),
    ).resolves.toBeUndefined();
    await expect(checkAttachmentsOwned(t.deps, [], { userId: resident.userId })).resolves.toBeUndefined();
    const other = checkAttachmentsOwned(t.deps, [jpegId], { userId: dispatcher.userId });
    await expect(other).rejects.toMatchObject({ status: 400, code: 'attachment.unknown' });
    await expect(
      checkAttachmentsOwned(t.deps, ['00000000-0000-4000-8000-000000000000', 'not-a-uuid'], {
        userId: resident.userId,
      }),
    ).rejects.toMatchObject({
      code: 'attachment.unknown',
      details: [{ path: 'attachmentIds.0' }, { path: 'attachmentIds.1' }],
    });

    const apiKeyId = '11111111-1111-4111-8111-111111111111';
    const viaKey = await uploadAttachment(t.deps, { apiKeyId }, Readable.from([jpeg]), 'open311.jpg');
    await expect(checkAttachmentsOwned(t.deps, [viaKey.id], { apiKeyId })).resolves.toBeUndefined();
    await expect(checkAttachmentsOwned(t.deps, [viaKey.id], { userId: resident.userId })).rejects.toMatchObject({
      code: 'attachment.unknown',
    });
    await expect(checkAttachmentsOwned(t.deps, [jpegId], { apiKeyId })).rejects.toMatchObject({
      code: 'attachment.unknown',
    });
  });
});
