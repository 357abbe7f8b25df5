import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/* The reception module's errors: each code with its status and one Chinese message. */

export const visitNotFound = () => notFound('reception.not_found', '来访登记不存在或不在您的管辖范围内');
export const anonymousNotAllowed = () =>
  badRequest('reception.anonymous_not_allowed', '匿名来访只能登记为法律咨询；其他事项须登记来访人姓名和手机号', [
    { path: 'visitor.anonymous', message: '仅法律咨询可匿名' },
  ]);
export const visitorInvalid = (details: { path: string; message: string }[]) =>
  badRequest('reception.visitor_invalid', '来访人身份证号或手机号有误', details);
/** A track whose module is not wired to the window yet (the petition track until the petitions module is merged). */
export const trackUnavailable = () =>
  new AppError(422, 'reception.track_unavailable', '信访事项登记尚未接入来访窗口，暂不能分流到信访');
/**
 * The public lookup's one answer for a number not on record and for the wrong phone digits: it must
 * not tell which of the two was wrong (no oracle).
 */
export const progressNotFound = () =>
  notFound('reception.progress_not_found', '未查到办理进度，请核对回执编号和手机号后四位');
export const receiptMalformed = (message: string) =>
  badRequest('reception.receipt_malformed', message, [{ path: 'receiptNumber', message }]);
export const lookupLimited = (minutes: number) =>
  new AppError(
    429,
    'reception.lookup_limited',
    `查询错误次数过多，请${minutes}分钟后再试，或携带回执到综治中心窗口查询`,
  );
export const visitorFieldEmpty = () => notFound('reception.field_empty', '该来访登记没有此项信息');
export const identityMismatch = () =>
  conflict('reception.identity_mismatch', '该回执登记的身份证号与您账号已认证的身份不一致，不能认领');
export const claimedByOther = () => conflict('reception.claimed', '该来访登记已由其他账号认领');
