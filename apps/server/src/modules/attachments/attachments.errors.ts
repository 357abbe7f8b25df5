import { AppError, badRequest, notFound } from '../../platform/errors.ts';

/** The attachments module's errors: each code with its status and one Chinese message, thrown from here. */
export const attachmentEmpty = () => badRequest('attachment.empty', '文件为空');
export const attachmentNotFound = () => notFound('attachment.not_found', '附件不存在');
export const attachmentUploadFailed = () => badRequest('attachment.upload_failed', '文件上传失败');
export const tooManyPixels = (width: number, height: number, maxPixels: number) =>
  new AppError(
    413,
    'attachment.too_many_pixels',
    `图片像素过多（${width}×${height}），上限为 ${maxPixels / 1_000_000} 百万像素（4000 万像素）`,
  );
export const attachmentTooLarge = (limit: string) =>
  new AppError(413, 'attachment.too_large', `图片超过 ${limit} 上限`);
export const attachmentUnknown = (details: { path: string; message: string }[]) =>
  badRequest('attachment.unknown', '附件不存在或不是本人上传', details);
export const attachmentExpired = (details: { path: string; message: string }[]) =>
  badRequest('attachment.expired', '附件上传已久、即将清理，请重新上传', details);
/** A body that is no image of a supported format, or an image that cannot be decoded. */
export const notImage = (why: 'format' | 'damaged' = 'format') =>
  new AppError(
    415,
    'attachment.not_image',
    why === 'format' ? '文件不是支持的图片格式（JPEG、PNG、WebP）' : '图片已损坏或无法解码',
  );
