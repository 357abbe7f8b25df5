import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/** The items module's errors: each code with its status and one Chinese message, thrown from here. */
export const admissionBadLevel = () =>
  badRequest('admission.bad_level', '网格事项准入只能在乡镇（街道）或县（区）一级办理');
export const admissionExists = () => conflict('admission.exists', '该事项在该区划已有待审批或已生效的准入');
/** `now`: the admission's state as the refusal names it (已撤回, 已生效 …). */
export const admissionNotActive = (now: string) =>
  conflict('admission.not_active', `该准入${now}，只有已生效的准入可以退出`);
export const admissionNotFound = () => notFound('admission.not_found', '准入记录不存在或不在您的管辖范围内');
export const admissionNotPending = (now: string) => conflict('admission.not_pending', `该准入申请${now}，不能重复审批`);
export const admissionNoteRequired = () =>
  badRequest('admission.note_required', '不予批准须说明理由', [{ path: 'note', message: '不能为空' }]);
/** A request for admission (准入) or its withdrawal (退出) without the reason it must give. */
export const admissionReasonRequired = (step: 'admit' | 'withdraw') =>
  badRequest('admission.reason_required', step === 'admit' ? '请说明准入理由' : '请说明退出理由', [
    { path: 'reason', message: '不能为空' },
  ]);
export const itemNotFound = () => notFound('item.not_found', '事项不存在');
export const itemCodeTaken = (code: string) => conflict('item.code_taken', `事项编码 ${code} 已存在`);
export const itemCodeMismatch = (code: string) =>
  badRequest('item.code_mismatch', '事项编码不能修改', [{ path: 'code', message: `应为 ${code}` }]);
export const itemInvalid = (details: { path: string; message: string }[]) =>
  badRequest(
    'item.invalid',
    `事项不合法：${details.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('；')}`,
    details,
  );
export const itemOnNegativeList = () => new AppError(422, 'item.negative_list', '该事项列入负面清单，不得下沉网格');
export const itemNotGridEligible = () => new AppError(422, 'item.not_grid_eligible', '该事项不属于可下沉网格的事项');
