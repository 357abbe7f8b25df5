import { badRequest, conflict, notFound } from '../../platform/errors.ts';

/* The notices module's errors (村(居)务公开, 质询): each code with its status and one Chinese message. */

export const noticeNotFound = () => notFound('notice.not_found', '公开内容不存在或不在您的管辖范围内');
export const noticeRegionInvalid = () => notFound('notice.region_not_found', '公开单位须为您辖区内的村（社区）');
export const noticePublishedImmutable = () =>
  conflict('notice.published_immutable', '已发布的公开内容不能修改，请发布更正版本（原版本保留可查）');
export const noticeNotDraft = () => conflict('notice.not_draft', '该公开内容已发布，不能再次发布');
export const noticeNotCurrent = () => conflict('notice.not_current', '只能更正当前有效的公开版本');
export const noticeStale = () => conflict('notice.conflict', '公开内容已被他人修改，请刷新后重试');
export const inquiryNotFound = () => notFound('notice.inquiry_not_found', '质询不存在或不在您的管辖范围内');
export const inquiryAnswered = () => conflict('notice.inquiry_answered', '该质询已答复');
export const inquiryOnDraft = () => notFound('notice.not_found', '公开内容不存在或不在您的管辖范围内');
export const recordCategoryInvalid = () =>
  badRequest('notice.record_category_invalid', '由会议记录生成的公开只能是决议或实施结果');
export const noticePeriodInvalid = () =>
  badRequest('notice.period_invalid', '公开期间的结束日期不能早于开始日期', [{ path: 'periodTo', message: '无效' }]);
export const boardNotFound = () => notFound('notice.board_not_found', '未找到该村（社区）的公开栏');
