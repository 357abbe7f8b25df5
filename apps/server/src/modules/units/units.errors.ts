import { badRequest, conflict, notFound } from '../../platform/errors.ts';

/** The units module's errors: each code with its status and one Chinese message, thrown from here. */
export const unitKindLevelMismatch = () => badRequest('unit.kind_level_mismatch', '村(居)民委员会只能设在村（社区）');
export const unitNameRequired = () =>
  badRequest('unit.name_required', '单位名称不能为空', [{ path: 'name', message: '不能为空' }]);
export const unitNameTaken = () => conflict('unit.name_taken', '同一区划下已有同类型、同名称的单位');
export const unitNotFound = () => notFound('unit.not_found', '单位不存在或不在您的管辖范围内');
export const unitRetired = () => conflict('unit.retired', '该单位已撤销，不能修改');
export const unitUserNotHandler = () =>
  badRequest('unit.user_not_handler', '只有处置单位（职能部门）角色的账号可以归属单位');
export const userNotFound = () => notFound('user.not_found', '用户不存在或不在您的管辖范围内');
export const unitHasMembers = (members: number) =>
  conflict('unit.has_members', `该单位仍有 ${members} 个处置账号，请先调整这些账号的所属单位`);
export const unitOutsideUserRegion = (regionName: string) =>
  badRequest('unit.outside_user_region', `单位须在该账号所属区划（${regionName}）范围内`);
export const unitBadKind = (kind: string) =>
  badRequest('unit.bad_kind', `未知的职能部门类型：${kind}`, [{ path: 'kind', message: '应为权责配置中的部门类型' }]);
