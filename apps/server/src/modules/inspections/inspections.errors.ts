import { AppError, notFound } from '../../platform/errors.ts';

/** The 隐患排查 module's errors: each code with its status and one Chinese message. */
const unprocessable = (code: string, message: string, details?: { path: string; message: string }[]) =>
  new AppError(422, code, message, details);
const keysOf = (keys: string[]) => keys.slice(0, 10).join('、');

export const regionNotFound = () => notFound('inspection.region_not_found', '区域不存在或不在您的管辖范围内');
export const inspectionNotFound = () => notFound('inspection.not_found', '排查记录不存在或不在您的管辖范围内');
export const templateNotFound = () => notFound('inspection.template_not_found', '检查表不存在或不适用于您的辖区');
export const placeNotFound = () => notFound('inspection.place_not_found', '场所不存在或不在您的管辖范围内');
export const itemNotFound = () => notFound('inspection.item_not_found', '该排查记录没有此检查项');
export const unknownItem = (keys: string[]) =>
  unprocessable(
    'inspection.unknown_item',
    `检查表中没有这些检查项：${keysOf(keys)}`,
    keys.map((k) => ({ path: `answers.${k}`, message: '未知检查项' })),
  );
export const duplicateItem = (keys: string[]) =>
  unprocessable('inspection.duplicate_item', `检查项重复作答：${keysOf(keys)}`);
export const badAnswer = (keys: string[]) =>
  unprocessable('inspection.bad_answer', `检查项的答案无效（合格/不合格/不适用，或数值）：${keysOf(keys)}`);
export const missingItems = (keys: string[]) =>
  unprocessable('inspection.missing_items', `还有必查项未作答：${keysOf(keys)}`);
export const photoRequired = (keys: string[]) =>
  unprocessable('inspection.photo_required', `不合格项须拍照留证：${keysOf(keys)}`);
export const templateNotForPlace = () => unprocessable('inspection.template_not_for_place', '该检查表不适用于此类场所');
export const performedInFuture = () => unprocessable('inspection.performed_in_future', '检查时间不能晚于当前时间');
export const itemNotFailed = () => unprocessable('inspection.item_not_failed', '只有不合格的检查项才能转为案件');
export const locationMissing = () =>
  unprocessable('inspection.location_required', '排查记录和场所均无位置，无法转为案件，请在现场上报');
export const templateInvalid = (message: string) => unprocessable('inspection.template_invalid', message);
export const templateItemUnknown = (code: string) =>
  unprocessable('inspection.template_item_unknown', `事项清单中没有此事项：${code}`);
export const templateLevelTooLow = () =>
  new AppError(403, 'inspection.template_level', '检查表由乡镇（街道）综治中心或县级以上管理员维护');
