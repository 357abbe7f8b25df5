/** Longest side sent to the server (its public copy is 2048 px too, so nothing is lost). */
export const MAX_PHOTO_PX = 2048;
/** A JPEG already this small and within MAX_PHOTO_PX is sent as it is (re-encoding would not save data). */
const KEEP_JPEG_BYTES = 1_200_000;

async function decode(
  file: Blob,
): Promise<{ source: CanvasImageSource; width: number; height: number; close: () => void }> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => undefined };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Shrinks a photo on the device to at most 2048 px as JPEG before it is stored or sent, to save
 * mobile data (a phone photo of 4–8 MB becomes a few hundred KB). Throws when the browser cannot
 * decode the file: the server could not either (HEIC, not an image).
 */
export async function downscalePhoto(file: Blob, maxPx = MAX_PHOTO_PX, quality = 0.85): Promise<Blob> {
  const image = await decode(file);
  try {
    const longest = Math.max(image.width, image.height);
    if (file.type === 'image/jpeg' && longest <= maxPx && file.size <= KEEP_JPEG_BYTES) return file;
    const scale = Math.min(1, maxPx / longest);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.width * scale));
    canvas.height = Math.max(1, Math.round(image.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas unavailable');
    ctx.fillStyle = '#ffffff'; // transparent PNG areas become white, as on the server
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image.source, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (!blob) throw new Error('encode failed');
    return blob;
  } finally {
    image.close();
  }
}
