import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/*
 * The disputes module's errors: each code with its status and one Chinese message, thrown from here.
 * The transition refusals (dispute.invalid_state, not_allowed, note_required, top_tier …) and the
 * agreement and diversion refusals come from @gewu/domain (disputes-life.ts, disputes-rules.ts) and
 * are given their status by DISPUTE_REFUSAL_STATUS.
 */

/** The HTTP status of each refusal the domain rules give (any other: 422). */
export const DISPUTE_REFUSAL_STATUS: Record<string, number> = {
  'dispute.invalid_state': 422,
  'dispute.not_allowed': 403,
  'dispute.note_required': 400,
  'dispute.agreement_parties_required': 400,
  'dispute.agreement_party_unknown': 400,
  'dispute.agreement_facts_required': 400,
  'dispute.agreement_terms_required': 400,
  'dispute.agreement_effective_future': 400,
  'dispute.term_due_before_effective': 400,
  'dispute.tier_reason_required': 400,
  'dispute.organisation_path_mismatch': 400,
  'dispute.tier_below': 422,
};

export const disputeRefused = (r: { code: string; message: string }) =>
  new AppError(DISPUTE_REFUSAL_STATUS[r.code] ?? 422, r.code, r.message);

export const disputeNotFound = () => notFound('dispute.not_found', '纠纷不存在或不在您的管辖范围内');
export const disputeConflictMessage = '纠纷已被他人处理，请刷新后查看最新状态';
export const disputeRegionInvalid = () =>
  notFound('dispute.region_not_found', '纠纷发生地须为您辖区内的村（社区）或乡镇（街道）');
export const disputeTypeUnknown = (code: string) =>
  badRequest('dispute.type_unknown', `纠纷类型 ${code} 不存在或已停用`, [{ path: 'typeCode', message: '未知的类型' }]);
export const stabilityRequired = (message: string) =>
  badRequest('dispute.stability_required', message, [{ path: 'stabilityUserId', message: '必填' }]);
export const stabilityUserInvalid = () =>
  badRequest('dispute.stability_user_invalid', '稳控责任人须为负责该纠纷所在地的在岗工作人员', [
    { path: 'stabilityUserId', message: '无效' },
  ]);
export const referralNumberRequired = () =>
  badRequest('dispute.external_ref_required', '公调对接、诉调对接和 12345 转办须填写来源单位的编号', [
    { path: 'externalRef', message: '必填' },
  ]);
export const referringBodyRequired = () =>
  badRequest('dispute.referring_body_required', '公调对接、诉调对接须填写移交的派出所或人民法院', [
    { path: 'referringBody', message: '必填' },
  ]);
export const linkedCaseRequired = () =>
  badRequest('dispute.case_required', '案件转纠纷须选择您可查看的原案件', [{ path: 'caseId', message: '无效' }]);
export const disputeRegionRequired = () =>
  badRequest('dispute.region_required', '请选择纠纷发生地', [{ path: 'regionId', message: '必填' }]);
export const caseOnlyForConversion = () =>
  badRequest('dispute.case_only_for_conversion', '只有来源为“案件转纠纷”的登记可以关联原案件', [
    { path: 'caseId', message: '请将来源选为案件转纠纷' },
  ]);
export const disputeActionElsewhere = () =>
  badRequest('dispute.action_elsewhere', '转案件请通过“转案件”办理', [{ path: 'action', message: '请使用转案件' }]);
export const partyInvalid = (details: { path: string; message: string }[]) =>
  badRequest('dispute.party_invalid', `当事人信息有误：${details[0]?.message ?? ''}`, details);
export const partyNotFound = () => notFound('dispute.party_not_found', '当事人不存在');
export const partiesNotAllowed = () =>
  new AppError(403, 'dispute.parties_not_allowed', '只有承办该纠纷的综治中心和调解组织可以修改当事人');
export const partiesLocked = () =>
  new AppError(422, 'dispute.parties_locked', '已达成调解协议或已办结的纠纷，不能再修改当事人');
export const partyInAgreement = () =>
  new AppError(422, 'dispute.party_in_agreement', '该当事人已列入调解协议，不能删除');
export const partyInRecord = () =>
  new AppError(422, 'dispute.party_in_record', '该当事人已记入调解记录，不能删除，可修改其信息');
export const organisationInvalid = () =>
  badRequest('dispute.organisation_invalid', '调解组织不存在、已停用或不负责该纠纷所在地', [
    { path: 'organisationId', message: '无效' },
  ]);
export const mediatorOutsideOrganisation = () =>
  badRequest('dispute.mediator_outside_organisation', '所选调解员不属于承办该纠纷的调解组织', [
    { path: 'mediatorUserId', message: '不属于该组织' },
  ]);
export const attendeeNotParty = () =>
  badRequest('dispute.attendee_not_party', '参加调解的当事人须为本纠纷的当事人', [
    { path: 'attendeePartyIds', message: '无效' },
  ]);
export const confirmationBeforeAgreement = () =>
  badRequest('dispute.applied_before_agreement', '申请司法确认的时间不能早于协议生效时间或晚于当前时间', [
    { path: 'appliedAt', message: '无效' },
  ]);
export const decidedTimeInvalid = () =>
  badRequest('dispute.decided_at_invalid', '法院作出决定的时间不能早于申请时间或晚于当前时间', [
    { path: 'decidedAt', message: '无效' },
  ]);
export const sessionTimeInvalid = () =>
  badRequest('dispute.session_time_invalid', '调解时间不能早于受理时间或晚于当前时间', [
    { path: 'heldAt', message: '无效' },
  ]);

export const agreementNotYet = () =>
  new AppError(422, 'dispute.no_agreement', '该纠纷尚未达成调解协议，没有可打印的人民调解协议书');
export const printNotAllowed = () =>
  new AppError(403, 'dispute.print_not_allowed', '只有承办该纠纷的综治中心、调解组织和辖区领导可以打印调解协议书');

// Administration: organisations, mediators, types.
export const organisationNotFound = () =>
  notFound('dispute.organisation_not_found', '调解组织不存在或不在您的管辖范围内');
export const organisationRegionInvalid = () =>
  notFound('dispute.organisation_region_not_found', '调解组织所在区划须为您辖区内的村（社区）、乡镇（街道）或县（区）');
export const organisationKindTier = () =>
  badRequest('dispute.organisation_kind_tier', '调解组织类别与所在区划层级不符', [{ path: 'kind', message: '不符' }]);
export const organisationNameTaken = () => conflict('dispute.organisation_name_taken', '该区划下已有同名调解组织');
export const organisationHasOpenDisputes = () =>
  new AppError(409, 'dispute.organisation_busy', '该调解组织尚有未办结的纠纷，不能停用');
export const mediatorUserInvalid = () =>
  badRequest('dispute.mediator_user_invalid', '所选账号不是您辖区内负责该调解组织所在地的在岗调解员', [
    { path: 'userId', message: '无效' },
  ]);
export const mediatorNotLinked = () =>
  notFound('dispute.mediator_not_found', '该调解员未加入调解组织或不在您的管辖范围内');
export const mediatorHoldsDisputes = () =>
  new AppError(409, 'dispute.mediator_busy', '该调解员尚有承办中的纠纷，请先更换调解员');
export const disputeTypeNotFound = () => notFound('dispute.type_not_found', '纠纷类型不存在');
export const disputeTypeTaken = () => conflict('dispute.type_taken', '纠纷类型编码已存在');
export const typeCodesUnknown = () =>
  badRequest('dispute.type_codes_unknown', '所列纠纷类型不存在', [{ path: 'typeCodes', message: '未知的类型' }]);
