import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/* 议事协商's errors: each code with its status and one Chinese message. */

export const topicNotFound = () => notFound('topic.not_found', '议题不存在或不在您的辖区内');
export const topicVillageInvalid = () => notFound('topic.village_not_found', '议题须属于您辖区内的村（社区）');
export const topicSourceInvalid = () => badRequest('topic.source_invalid', '该议题来源与您的身份不符');
export const topicWrongState = () => conflict('topic.wrong_state', '议题当前状态不能进行此操作，请刷新后重试');
export const topicOwnSupport = () => new AppError(422, 'topic.own_topic', '不能附议自己提出的议题');
export const topicAlreadySupported = () => conflict('topic.already_supported', '您已附议过该议题');
export const topicSupportClosed = () => conflict('topic.support_closed', '议题已协商或已办结，不能再附议');
export const topicMeetingBeforeRaised = () =>
  new AppError(422, 'topic.meeting_before_raised', '会议时间不能早于议题提出时间');
export const topicPlanDueInPast = () => new AppError(422, 'topic.plan_due_past', '实施完成日期不能早于会议日期');
export const topicPlannedMeetingPast = () =>
  new AppError(422, 'topic.planned_meeting_past', '计划议事日期不能早于今天');
