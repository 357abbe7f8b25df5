import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/** The screening (排查) and 风险研判 module's errors: each code with its status and one Chinese message. */
export const screeningGridNotFound = () => notFound('screening.grid_not_found', '网格不存在或您不是该网格的网格员');
export const screeningTownshipRequired = () =>
  badRequest('screening.township_required', '请选择乡镇（街道）', [{ path: 'regionId', message: '须为乡镇（街道）' }]);
export const screeningTownshipNotFound = () =>
  notFound('screening.township_not_found', '乡镇（街道）不存在或不在您的管辖范围内');
export const screeningPeriodNotStarted = () =>
  new AppError(422, 'screening.period_not_started', '该排查周期尚未开始，不能提前上报');
export const screeningPeriodUnknown = () =>
  new AppError(422, 'screening.period_unknown', '该日期不在已安排的排查周期内');
export const screeningZeroWithFindings = () =>
  badRequest('screening.zero_with_findings', '零报告不能同时列出矛盾纠纷；发现纠纷请取消“零报告”', [
    { path: 'zero', message: '与所列纠纷矛盾' },
  ]);
export const screeningFindingsRequired = () =>
  badRequest('screening.findings_required', '请列出排查发现的矛盾纠纷，或选择“零报告”', [
    { path: 'newDisputes', message: '必填' },
  ]);
export const screeningAmendFindingsRequired = () =>
  badRequest('screening.amend_findings_required', '补报须列出新发现的矛盾纠纷', [
    { path: 'newDisputes', message: '必填' },
  ]);
export const screeningDisputeInvalid = () =>
  badRequest('screening.dispute_invalid', '所列纠纷不是本网格所在村（社区）尚未办结的纠纷', [
    { path: 'disputeIds', message: '无效' },
  ]);
/** One report per grid and period: a second is refused; an amendment (补报) is its own action. */
export const screeningAlreadyReported = (reportId: string) =>
  new AppError(409, 'screening.already_reported', '本网格该周期已上报，如有新发现请补报', [
    { path: 'reportId', message: reportId },
  ]);
export const screeningReportNotFound = () =>
  notFound('screening.report_not_found', '排查报告不存在或不在您的管辖范围内');
export const screeningReportConflict = () => conflict('screening.conflict', '排查报告已被补报，请刷新后再试');
export const meetingNotFound = () => notFound('meeting.not_found', '研判会议不存在或不在您的管辖范围内');
export const meetingRegionInvalid = () =>
  notFound('meeting.region_not_found', '会议所属区划不存在或不在您的管辖范围内');
export const meetingDisputeOutside = () =>
  badRequest('meeting.dispute_outside', '研判的纠纷须在会议所属区划内', [{ path: 'decisions', message: '超出范围' }]);
export const meetingDecisionIncomplete = () =>
  badRequest('meeting.decision_incomplete', '调整风险等级须填写风险等级和是否有民转刑风险', [
    { path: 'decisions', message: '缺少风险等级' },
  ]);
export const meetingHeldAtInvalid = () =>
  badRequest('meeting.held_at_invalid', '会议时间不能晚于当前时间', [{ path: 'heldAt', message: '无效' }]);
