import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/** The people module's errors: each code with its status and one Chinese message, thrown from here. */
export const gridNotInVillage = () => badRequest('grid.not_in_village', '所选网格不属于该村（社区）');
export const houseNotFound = () => notFound('house.not_found', '房屋不存在或不在您的管辖范围内');
export const personDuplicateId = () => conflict('person.duplicate_id', '该身份证号已登记');
/** A reveal of a number that was never recorded. */
export const personFieldEmpty = (field: 'idNumber' | 'phone') =>
  new AppError(404, 'person.field_empty', field === 'idNumber' ? '未登记身份证号' : '未登记电话');
export const personNotFound = () => notFound('person.not_found', '人员不存在或不在您的管辖范围内');
export const specialDuplicate = () => conflict('special.duplicate', '该人员已有同类在管记录');
export const personInvalid = (problems: { path: string; message: string }[]) =>
  badRequest('person.invalid', problems.map((e) => e.message).join('；'), problems);
export const intervalsInvalid = (kind: string, problem: 'out_of_range' | 'risk_order') =>
  badRequest(
    'visit.intervals_invalid',
    problem === 'out_of_range'
      ? '走访间隔应为 1 至 365 天的整数'
      : '走访间隔须按风险等级递增：高风险不得长于中风险，中风险不得长于低风险',
    [{ path: kind, message: problem === 'out_of_range' ? '超出范围' : '风险顺序不当' }],
  );
/** Visit intervals are per county: only an account of a county region edits them. */
export const intervalsCountyOnly = () =>
  new AppError(403, 'visit.intervals_county_only', '走访间隔按县（区）统一设置，只能由县（区）级账号修改');
export const placeNotFound = () => notFound('place.not_found', '场所不存在或不在您的管辖范围内');
export const radiusOutOfRange = (min: number, max: number) =>
  new AppError(422, 'place.radius_out_of_range', `签到半径应为 ${min} 至 ${max} 米之间的整数`);
