import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../platform/errors.ts';
import {
  attachmentEmpty,
  attachmentTooLarge,
  attachmentUploadFailed,
  notImage,
  tooManyPixels,
} from './attachments.errors.ts';

/**
 * What we accept, judged by the bytes (magic numbers), never by the file name or the declared
 * content type. HEIC is refused: sharp's prebuilt libvips decodes AVIF but not HEVC-coded HEIC.
 */
export const ACCEPTED_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMime = (typeof ACCEPTED_MIMES)[number];

/** Longest side of the public copy and of the thumbnail, in pixels. */
export const PUBLIC_MAX_PX = 2048;
export const THUMB_MAX_PX = 320;

/**
 * Most pixels a photo may have (40 megapixels — more than any phone camera takes). Decoding costs
 * about 1.3 bytes of memory per pixel per copy however well the file compresses: a 10000×10000
 * picture of a few KB would take over 130 MB of server memory, so it is refused from its header,
 * before anything is decoded.
 */
export const MAX_INPUT_PIXELS = 40_000_000;

export const tooLarge = (maxBytes: number) => attachmentTooLarge(formatSize(maxBytes));

function formatSize(bytes: number): string {
  return bytes >= 1_048_576 ? `${Math.round((bytes / 1_048_576) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Reads an upload into memory, refusing it as soon as it passes `maxBytes` (the rest is never read).
 * Photos are capped at a few MB and sharp wants the whole image anyway, so a buffer is the simple way.
 */
export async function readUpload(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(maxBytes); // leaving the loop destroys the stream
      chunks.push(chunk);
    }
  } catch (e) {
    throw e instanceof AppError ? e : attachmentUploadFailed();
  }
  if (total === 0) throw attachmentEmpty();
  return Buffer.concat(chunks, total);
}

export interface ProcessedImage {
  mime: ImageMime;
  /** Of the picture as shown, i.e. after EXIF orientation. */
  width: number;
  height: number;
  sha256: string;
  /** Re-encoded JPEG copies, upright and without any metadata (EXIF, GPS, XMP, ICC). */
  publicJpeg: Buffer;
  thumbJpeg: Buffer;
}

/** Checks the bytes are a supported image and renders the public copy and the thumbnail. */
export async function processImage(original: Buffer): Promise<ProcessedImage> {
  const type = await fileTypeFromBuffer(original);
  const mime = ACCEPTED_MIMES.find((m) => m === type?.mime);
  if (!mime) throw notImage();
  let meta: Metadata;
  try {
    // metadata() reads the header only.
    meta = await sharp(original, { limitInputPixels: false }).metadata();
  } catch {
    throw notImage('damaged');
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_INPUT_PIXELS)
    throw tooManyPixels(meta.width ?? 0, meta.height ?? 0, MAX_INPUT_PIXELS);
  try {
    const [publicJpeg, thumbJpeg] = await Promise.all([
      renderJpeg(original, PUBLIC_MAX_PX, 85),
      renderJpeg(original, THUMB_MAX_PX, 75),
    ]);
    return {
      mime,
      width: meta.autoOrient.width,
      height: meta.autoOrient.height,
      sha256: createHash('sha256').update(original).digest('hex'),
      publicJpeg,
      thumbJpeg,
    };
  } catch {
    throw notImage('damaged');
  }
}

/**
 * sharp writes no metadata unless `withMetadata`/`keepExif` is called, so the output carries no
 * GPS position; it also converts to sRGB. Transparent PNG/WebP areas become white, not black.
 */
function renderJpeg(input: Buffer, maxPx: number, quality: number): Promise<Buffer> {
  // limitInputPixels again, should a header ever understate what the decoder finds.
  return sharp(input, { autoOrient: true, limitInputPixels: MAX_INPUT_PIXELS })
    .resize({ width: maxPx, height: maxPx, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality })
    .toBuffer();
}
