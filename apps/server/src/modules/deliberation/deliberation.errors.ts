import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/** The deliberation (四议两公开) module's errors: each code with its status and one Chinese message. */
export const villageNotFound = () => notFound('deliberation.village_not_found', '村（社区）不存在或不在您的管辖范围内');
export const bodyNotFound = () => notFound('deliberation.body_not_found', '议事组织不存在或不在您的管辖范围内');
export const bodyExists = () => conflict('deliberation.body_exists', '本村（社区）已有该议事组织，请直接维护其名册');
export const bodyBasisInvalid = () =>
  badRequest('deliberation.basis_invalid', '该议事组织不能按此方式确定名册（村民会议按十八周岁以上村民或户代表）', [
    { path: 'basis', message: '无效' },
  ]);
export const rollReasonRequired = () =>
  badRequest('deliberation.reason_required', '调整名册须说明理由', [{ path: 'reason', message: '必填' }]);
export const rollChangeEmpty = () =>
  badRequest('deliberation.roll_change_empty', '请选择要增加或移出名册的人员', [{ path: 'add', message: '必填' }]);
export const rollResidentInvalid = () =>
  badRequest('deliberation.resident_invalid', '所选人员不是本村（社区）居民、未满十八周岁或已在名册中', [
    { path: 'add', message: '无效' },
  ]);
export const rollMemberInvalid = () =>
  badRequest('deliberation.member_invalid', '所选名册人员不存在或已移出', [{ path: 'remove', message: '无效' }]);
export const matterNotFound = () => notFound('deliberation.matter_not_found', '议事事项不存在或不在您的管辖范围内');
export const matterWrongBody = () =>
  new AppError(
    422,
    'deliberation.wrong_body',
    '该类事项依法不能由所选会议决定（《村民委员会组织法》第二十三、二十四、二十七条）',
  );
export const matterAuthorisationRequired = () =>
  new AppError(
    422,
    'deliberation.authorisation_required',
    '由村民代表会议决定须有村民会议的授权（《村民委员会组织法》第二十四条第二款），请填写授权情况',
  );
export const stageNotOpen = () =>
  conflict('deliberation.stage_not_open', '该环节尚未开启或已完成：须上一环节完成后才能进行本环节');
export const stageBodyMissing = () =>
  new AppError(422, 'deliberation.body_missing', '本村（社区）尚未建立该环节的议事组织或名册为空，请先维护名册');
export const countsInvalid = (message: string, path: string) =>
  badRequest('deliberation.counts_invalid', message, [{ path, message: '无效' }]);
export const notQuorate = (needed: number, expected: number) =>
  new AppError(
    422,
    'deliberation.not_quorate',
    `到会人数不足法定人数（应到 ${expected}，至少需 ${needed}），会议不能作出决定，未予记录`,
  );
export const notPassed = (needed: number) =>
  new AppError(422, 'deliberation.not_passed', `赞成票未达到通过所需的 ${needed} 票，决议未通过，未予记录`);
export const implementationDueRequired = () =>
  badRequest('deliberation.implementation_due_required', '决议须填写实施结果公开的期限', [
    { path: 'implementationDue', message: '必填' },
  ]);
export const heldAtInvalid = () =>
  badRequest('deliberation.held_at_invalid', '会议时间不能晚于当前时间', [{ path: 'heldAt', message: '无效' }]);
export const noticeTooShort = (days: number) =>
  badRequest('deliberation.notice_too_short', `公示期不少于 ${days} 日`, [{ path: 'noticeEndsOn', message: '过短' }]);
