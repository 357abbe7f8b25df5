import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/** The 群防群治 / 市民认领 module's errors: each code with its status and one Chinese message. */
export const regionNotFound = () => notFound('forces.region_not_found', '区域不存在或不在您的管辖范围内');
export const teamNotFound = () => notFound('forces.team_not_found', '队伍不存在或不在您的管辖范围内');
export const memberInvalid = (details: { path: string; message: string }[]) =>
  badRequest('forces.member_invalid', '队员信息有误', details);
export const memberNotFound = () => notFound('forces.member_not_found', '队员不存在或不在您的管辖范围内');
export const memberFieldEmpty = (field: 'idNumber' | 'phone') =>
  notFound('forces.member_field_empty', field === 'idNumber' ? '该队员未登记身份证号' : '该队员未登记电话');
export const volunteerNotFound = () => notFound('forces.volunteer_not_found', '志愿者登记不存在或不在您的管辖范围内');
export const volunteerNoVillage = () =>
  new AppError(403, 'forces.no_village', '志愿者在本村（社区）登记：您的账号未归属到村（社区）');
export const volunteerDecided = () => conflict('forces.volunteer_decided', '该志愿者登记已审核，不能再次审核');
export const notApprovedVolunteer = () =>
  new AppError(403, 'forces.not_volunteer', '请先登记为志愿者并经村（社区）审核通过');
export const activityNotFound = () => notFound('forces.activity_not_found', '活动不存在或不在您的管辖范围内');
export const activityIdTaken = () => conflict('forces.activity_id_taken', '活动编号已被使用，请刷新后重试');
export const activityFull = () => conflict('forces.activity_full', '活动报名人数已满');
export const activityEnded = () => new AppError(422, 'forces.activity_ended', '活动已结束，不能报名');
export const notSignedUp = () => new AppError(422, 'forces.not_signed_up', '您尚未报名该活动');
export const checkInTooFar = (distanceM: number, radiusM: number) =>
  new AppError(422, 'forces.check_in_too_far', `您距活动地点约 ${distanceM} 米，超出签到范围（${radiusM} 米）`);
export const checkInTooEarly = () =>
  new AppError(422, 'forces.check_in_too_early', '活动尚未开始，请在开始前 30 分钟内签到');
export const checkInEnded = () => new AppError(422, 'forces.check_in_ended', '活动已结束，不能签到');
export const notCheckedIn = () => new AppError(422, 'forces.not_checked_in', '请先到场签到');
export const claimCaseNotFound = () => notFound('claim.not_found', '案件不存在或不在您附近可认领的范围内');
export const claimPhotosSame = () =>
  badRequest('claim.photos_same', '处置前、处置后须为两张不同的照片', [
    { path: 'afterPhotoId', message: '与处置前照片相同' },
  ]);
