import { AppError, badRequest, notFound } from '../../platform/errors.ts';

/*
 * The petitions module's errors: each code with its status and one Chinese message, thrown from here.
 * The transition refusals (petition.invalid_state, not_allowed, note_required, intake_late_reason_required,
 * extension_exceeded, review_window_passed …) come from @gewu/domain (petitions-life.ts) and get their
 * status from PETITION_REFUSAL_STATUS.
 */

/** The HTTP status of each refusal the domain rules give (any other: 422). */
export const PETITION_REFUSAL_STATUS: Record<string, number> = {
  'petition.invalid_state': 422,
  'petition.not_allowed': 403,
  'petition.note_required': 400,
  'petition.intake_late_reason_required': 422,
  'petition.extension_exceeded': 400,
  'petition.extension_after_deadline': 422,
  'petition.review_window_passed': 422,
  'petition.reexamination_window_passed': 422,
  'petition.request_before_receipt': 400,
  'petition.not_overdue': 422,
  'petition.already_taken': 409,
};

export const petitionRefused = (r: { code: string; message: string }) =>
  new AppError(PETITION_REFUSAL_STATUS[r.code] ?? 422, r.code, r.message);

export const petitionNotFound = () => notFound('petition.not_found', '信访事项不存在或不在您的管辖范围内');
export const petitionConflictMessage = '信访事项已被他人处理，请刷新后查看最新状态';
export const petitionRegionInvalid = () =>
  notFound('petition.region_not_found', '信访事项所涉地须为您辖区内的村（社区）、乡镇（街道）或县（区）');
export const registrationInvalid = (details: { path: string; message: string }[]) =>
  badRequest('petition.registration_invalid', `信访登记内容不合法：${details[0]?.message ?? ''}`, details);
export const petitionerInvalid = (details: { path: string; message: string }[]) =>
  badRequest('petition.petitioner_invalid', `信访人信息有误：${details[0]?.message ?? ''}`, details);
export const repeatOfInvalid = () =>
  badRequest('petition.repeat_of_invalid', '所选的原信访事项不存在或不在您的管辖范围内', [
    { path: 'repeatOfId', message: '无效' },
  ]);
export const receivedInFuture = () =>
  badRequest('petition.received_in_future', '收到信访事项的时间不能晚于当前时间', [
    { path: 'receivedAt', message: '无效' },
  ]);
export const destinationRequired = () =>
  badRequest('petition.destination_required', '转送有权处理的机关、单位时须写明转送去向', [
    { path: 'destination', message: '必填' },
  ]);
export const refilingOverrideNoteRequired = () =>
  badRequest(
    'petition.refiling_note_required',
    '系统发现该事项已经复核、信访人以同一事实和理由再次提出，建议不予受理；如认定有新的事实或理由，须在说明中写明',
    [{ path: 'note', message: '必填' }],
  );
export const approverRequired = () =>
  badRequest('petition.approver_required', '延长办理期限须经领导批准，请选择批准的领导', [
    { path: 'approverUserId', message: '必填' },
  ]);
export const approverInvalid = () =>
  badRequest('petition.approver_invalid', '批准人须为负责该信访事项所在地的在岗领导', [
    { path: 'approverUserId', message: '无效' },
  ]);
export const hearingTimeInvalid = () =>
  badRequest('petition.hearing_time_invalid', '听证须在本阶段开始之后举行、结束晚于开始且不晚于当前时间', [
    { path: 'start', message: '无效' },
  ]);
export const deliveredOnInvalid = () =>
  badRequest('petition.delivered_on_invalid', '信访人收到意见书的日期不能早于意见书日期或晚于今天', [
    { path: 'deliveredOn', message: '无效' },
  ]);
export const opinionDateInvalid = () =>
  badRequest('petition.opinion_date_invalid', '意见书日期不能早于本阶段开始之日或晚于今天', [
    { path: 'date', message: '无效' },
  ]);
export const requestedOnInvalid = () =>
  badRequest('petition.requested_on_invalid', '收到请求的日期不能晚于今天', [{ path: 'receivedOn', message: '无效' }]);
export const documentUnavailable = () =>
  new AppError(422, 'petition.document_unavailable', '该信访事项尚未出具此意见书');
export const documentNotAllowed = () =>
  new AppError(403, 'petition.document_not_allowed', '意见书载有信访人身份信息，仅承办的综治中心和包案领导可以下载');
export const figuresBadPeriod = () =>
  badRequest('petition.bad_period', '统计时段的开始应早于结束，且不超过 366 天', [{ path: 'from', message: '无效' }]);
