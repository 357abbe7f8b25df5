import { badRequest, conflict, notFound } from '../../platform/errors.ts';

/**
 * The region errors, each code with one message, for every module that looks a region up
 * (a region outside the caller's subtree is "not found", never "forbidden": its existence is not told).
 */
export const regionNotFound = () => notFound('region.not_found', '区划不存在或不在您的管辖范围内');
/** Where a village or community (村/社区) is required: a missing one, one out of scope, or a region of another level. */
export const villageNotFound = () => notFound('region.village_not_found', '村（社区）不存在或不在您的管辖范围内');
/** A new region's parent. */
export const parentRegionNotFound = () => notFound('region.parent_not_found', '上级区划不存在或不在您的管辖范围内');
export const noChildLevel = (parentLevelName: string) =>
  badRequest('region.no_child_level', `${parentLevelName}区划下不能再建区划（网格在网格管理中维护）`);
export const regionCodeInvalid = (reason: string) =>
  badRequest('region.invalid_code', reason, [{ path: 'code', message: reason }]);
export const regionCodeTaken = (code: string) => conflict('region.code_taken', `区划代码 ${code} 已存在`);
