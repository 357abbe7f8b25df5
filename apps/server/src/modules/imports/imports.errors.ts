import { AppError, badRequest, notFound } from '../../platform/errors.ts';

/** The imports module's errors: each code with its status and one Chinese message, thrown from here. */
export const importEmptyFile = () => badRequest('import.empty_file', '文件为空');
export const importNotFound = () => notFound('import.not_found', '导入任务不存在');
/** A commit of an import whose check failed (`invalid`) or has not finished. */
export const importNotReady = (status: string) =>
  new AppError(
    409,
    'import.not_ready',
    status === 'invalid' ? '校验未通过，请修正文件中的错误后重新上传' : '校验尚未完成',
  );
export const importUploadFailed = () => badRequest('import.upload_failed', '文件上传失败');
export const importTooLarge = (maxBytes: number) =>
  new AppError(413, 'import.too_large', `文件超过 ${Math.round(maxBytes / 1048576)} MB 上限`);
/** A kind of import the caller's role does not manage (IMPORT_KIND_ACTION in @gewu/domain). */
export const importKindForbidden = () => new AppError(403, 'import.kind_forbidden', '您的角色无权导入此类数据');
