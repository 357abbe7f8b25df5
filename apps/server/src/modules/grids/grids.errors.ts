import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/** The grids module's errors: each code with its status and one Chinese message, thrown from here. */
export const gridAssigneeNotFound = () => notFound('grid.assignee_not_found', '指定的账号不存在或不在您的管辖范围内');
export const gridAssignmentNotFound = () => notFound('grid.assignment_not_found', '该任职记录不存在或已结束');
export const gridBadParent = () => badRequest('grid.bad_parent', '所属网格须是同一村（社区）已有的单元网格');
export const gridDedicatedKindRequired = () =>
  badRequest('grid.dedicated_kind_required', '专属网格须注明类型（学校、医院、园区、市场、楼宇等）');
export const gridMicroNeedsParent = () => badRequest('grid.micro_needs_parent', '微网格须指定所属网格');
export const gridNotFound = () => notFound('grid.not_found', '网格不存在或不在您的管辖范围内');
export const gridParentNotVillage = () => badRequest('grid.parent_not_village', '网格只能建在村（社区）下');
export const gridParentOnlyForMicro = () => badRequest('grid.parent_only_for_micro', '只有微网格可以指定所属网格');
export const invalidBoundary = (problems: { path?: string; message: string }[]) =>
  new AppError(
    400,
    'grid.invalid_boundary',
    `网格边界无效：${problems.map((e) => e.message).join('；')}`,
    problems.map((e) => ({ path: e.path ?? 'boundary', message: e.message })),
  );
export const outsideParent = (parentName: string, outsideAreaM2: number) =>
  new AppError(
    400,
    'grid.outside_parent',
    `网格边界超出上级（${parentName}）范围约 ${Math.round(outsideAreaM2)} 平方米`,
    [{ path: 'boundary', message: '超出上级范围' }],
  );
export const gridCodeTaken = (code: string) => conflict('grid.code_taken', `网格编码 ${code} 已存在`);
export const assigneePhoneInvalid = (reason: string) =>
  badRequest('person.invalid_phone', reason, [{ path: 'phone', message: reason }]);
