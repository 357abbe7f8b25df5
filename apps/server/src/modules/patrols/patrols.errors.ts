import { AppError, conflict, notFound } from '../../platform/errors.ts';

/** The patrol module's errors: each code with its status and one Chinese message. */
export const patrolNotFound = () => notFound('patrol.not_found', '巡查记录不存在或不在您的管辖范围内');
export const patrolGridNotFound = () => notFound('patrol.grid_not_found', '网格不存在或不在您的管辖范围内');
export const placeNotFound = () => notFound('patrol.place_not_found', '重点场所不存在或不在您的管辖范围内');
export const workerNotFound = () => notFound('patrol.worker_not_found', '网格员不存在或不在您的管辖范围内');
export const patrolIdTaken = () => conflict('patrol.id_taken', '该巡查编号已被使用，请重新开始巡查');
export const patrolEnded = () => conflict('patrol.ended', '本次巡查已结束，不能再上传轨迹或签到');
export const noVillage = () =>
  new AppError(403, 'patrol.no_village', '巡查由村（社区）网格员记录：您的账号未归属到村（社区）');
/** Out of order within the batch (`index` of the first offending point) or overlapping an uploaded batch (null). */
export const outOfOrder = (index: number | null) =>
  new AppError(
    422,
    'patrol.out_of_order',
    `轨迹点须按时间先后排列：${index === null ? '本批与已上传的轨迹时间重叠' : `第 ${index + 1} 个点的时间不晚于前一个点`}，本批未保存`,
  );
export const futurePoint = (index: number) =>
  new AppError(422, 'patrol.future_point', `第 ${index + 1} 个轨迹点的时间晚于当前时间，请校准手机时间后重试`);
export const beforeStart = () =>
  new AppError(422, 'patrol.before_start', '轨迹点或签到时间早于巡查开始时间，本批未保存');
export const placeWithoutLocation = () =>
  new AppError(422, 'patrol.place_no_location', '该重点场所尚未标注位置，不能签到');
export const outOfRadius = (distanceM: number, radiusM: number) =>
  new AppError(
    422,
    'patrol.checkin_out_of_radius',
    `您距该场所约 ${distanceM} 米，超出签到范围（${radiusM} 米），请到场后再签到`,
  );
export const endBeforeStart = () => new AppError(422, 'patrol.end_before_start', '结束时间不能早于开始时间');
export const normLevel = () =>
  new AppError(403, 'patrol.norm_level', '巡查履职标准由省、市、县（区）设置：您的账号不属于这些层级');
export const normUnknown = () => new AppError(422, 'patrol.norm_unknown', '未定义的履职标准，请选择已有标准或自定');
export const normOutOfRange = (field: string, min: number, max: number, step: number) =>
  new AppError(
    422,
    'patrol.norm_out_of_range',
    `履职标准的${NORM_FIELD_NAMES[field] ?? field}应在 ${min} 至 ${max} 之间${step < 1 ? `（以 ${step} 为单位）` : '的整数'}`,
  );
export const normNameRequired = () => new AppError(422, 'patrol.norm_name_required', '自定履职标准须填写名称');
const NORM_FIELD_NAMES: Record<string, string> = {
  daysPerWeek: '每周在岗天数',
  patrolsPerDay: '每日巡查次数',
  hoursPerDay: '每日巡查小时数',
  reportsPerDay: '每日上报问题数',
};
export const regionNotFound = () => notFound('patrol.region_not_found', '地区不存在或不在您的管辖范围内');
export const periodReversed = () => new AppError(422, 'patrol.period_reversed', '统计期间的开始日期不能晚于结束日期');
export const periodTooLong = (maxDays: number) =>
  new AppError(422, 'patrol.period_too_long', `统计期间不能超过 ${maxDays} 天`);
