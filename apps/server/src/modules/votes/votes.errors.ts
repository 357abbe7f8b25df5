import { type BallotChannel, secondBallotMessage } from '@gewu/domain';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/* The owners' vote module's errors: each code with its status and one Chinese message. */

export const voteNotFound = () => notFound('vote.not_found', '表决事项不存在或不在您的管辖范围内');
export const voteRegionNotFound = () =>
  notFound('vote.region_not_found', '所选小区（村、社区）不存在或不在您的管辖范围内');
export const buildingsOutside = () =>
  badRequest('vote.buildings_outside', '所选楼栋须在所选小区（村、社区）范围内', [
    { path: 'buildingIds', message: '无效' },
  ]);
export const closesInPast = () =>
  badRequest('vote.closes_in_past', '表决截止时间须晚于当前时间', [{ path: 'closesAt', message: '无效' }]);
export const noUnits = () => new AppError(422, 'vote.no_units', '所选范围内没有登记房屋，无法生成业主名册');
export const notDraft = () => conflict('vote.not_draft', '表决已开始，业主名册已冻结');
export const notOpen = () => conflict('vote.not_open', '表决未开始或已结束，不能投票');
export const votingClosed = () => conflict('vote.closed', '表决已截止，不能再投票');
export const alreadyClosed = () => conflict('vote.already_closed', '表决已结束');
export const voterNotFound = () => notFound('vote.voter_not_found', '该业主不在本次表决的业主名册上');
export const notOnRoll = () => new AppError(403, 'vote.not_on_roll', '您不在本次表决的业主名册上');
export const notVerified = () => new AppError(403, 'vote.owner_not_verified', '请先核验业主身份');
export const verifyFailed = () =>
  new AppError(422, 'vote.owner_verify_failed', '身份证号码与本辖区登记的业主信息不符，请联系社区核实');
export const proxyNameRequired = () =>
  badRequest('vote.proxy_name_required', '委托投票须填写受托人姓名', [{ path: 'proxyName', message: '必填' }]);
/** One ballot per owner per matter: the refusal says which channel already voted. */
export const secondBallot = (first: BallotChannel) =>
  new AppError(409, 'vote.second_ballot', secondBallotMessage(first));
export const notPublished = () => notFound('vote.not_published', '表决结果尚未公布');
export const receiptNotFound = () => notFound('vote.receipt_not_found', '未找到该回执码对应的表决票');
