import { badRequest, notFound } from '../../platform/errors.ts';

/** The visits module's errors (走访): each code with its status and one Chinese message. */
export const regionNotFound = () => notFound('visit.region_not_found', '区域不存在或不在您的管辖范围内');
export const visitNotFound = () => notFound('visit.not_found', '走访记录不存在或不在您的管辖范围内');
export const visitTargetRequired = (message: string, path: string) =>
  badRequest('visit.target_required', message, [{ path, message: '必填' }]);
export const visitTargetNotFound = (what: 'house' | 'organisation') =>
  notFound(
    `visit.${what}_not_found`,
    what === 'house' ? '房屋不存在或不在您的管辖范围内' : '组织或企业不存在或不在您的管辖范围内',
  );
export const visitReasonRequired = () =>
  badRequest('visit.reason_required', '该走访计划已逾期，补录走访须填写逾期原因（计为逾期走访）', [
    { path: 'lateReason', message: '必填' },
  ]);
export const visitNoFindings = () =>
  badRequest('visit.no_findings', '该走访没有发现问题，请先填写发现的问题或问题描述', [
    { path: 'description', message: '必填' },
  ]);
export const visitInFuture = () =>
  badRequest('visit.in_future', '走访时间不能晚于现在', [{ path: 'visitedAt', message: '无效' }]);
export const specialNotFound = () => notFound('special.not_found', '特殊人群记录不存在');
