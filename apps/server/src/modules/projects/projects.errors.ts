import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/** The 民生微实事 module's errors: each code with its status and one Chinese message. */
export const projectNotFound = () => notFound('projects.not_found', '项目不存在或不在您的管辖范围内');
export const projectVillageNotFound = () =>
  notFound('projects.village_not_found', '村（社区）不存在或不在您的管辖范围内');
export const proposerNoVillage = () =>
  new AppError(403, 'projects.no_village', '民生微实事由本村（社区）居民提出：您的账号未归属到村（社区）');
export const overCap = (path: string, capYuan: string) =>
  badRequest('projects.over_cap', `单个民生微实事项目金额不能超过 ${capYuan} 元（本地设定）`, [
    { path, message: '超过上限' },
  ]);
export const wrongState = () =>
  conflict('projects.wrong_state', '项目当前状态不能进行此操作（可能已被他人处理），请刷新后重试');
export const batchDuplicate = () =>
  badRequest('projects.batch_duplicate', '同一项目在一次表决中只能出现一次', [{ path: 'items', message: '重复' }]);
export const bodyMissing = () =>
  new AppError(
    422,
    'projects.body_missing',
    '本村（社区）尚未建立村（居）民代表会议或其名册为空，请先在村务决策中维护名册',
  );
export const countsInvalid = (message: string, path: string) =>
  badRequest('projects.counts_invalid', message, [{ path, message: '无效' }]);
export const notQuorate = (needed: number, expected: number) =>
  new AppError(
    422,
    'projects.not_quorate',
    `到会代表不足三分之二（应到 ${expected}，至少需 ${needed}），会议不能作出决定，表决未予记录（《村民委员会组织法》第二十六条）`,
  );
export const heldAtInvalid = () =>
  badRequest('projects.held_at_invalid', '会议时间不能晚于当前时间', [{ path: 'heldAt', message: '无效' }]);
export const dueInvalid = () =>
  badRequest('projects.due_invalid', '完成期限不能早于今天', [{ path: 'dueOn', message: '无效' }]);
export const noticeTooShort = (days: number) =>
  badRequest('projects.notice_too_short', `公示期不少于 ${days} 日`, [{ path: 'noticeEndsOn', message: '过短' }]);
