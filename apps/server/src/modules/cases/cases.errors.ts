import { AppError, badRequest, notFound } from '../../platform/errors.ts';

/** The cases module's errors: each code with its status and one Chinese message, thrown from here. */
export const apiKeyInvalid = () => new AppError(403, 'api_key.invalid', '接口密钥无效或已吊销');
export const caseItemNotPublic = () =>
  badRequest('case.item_not_public', '该事项不接受群众直接上报，请拨打热线', [
    { path: 'itemCode', message: '不可上报' },
  ]);
export const caseLocationRequired = () =>
  badRequest('case.location_required', '请在地图上标注问题位置', [{ path: 'location', message: '必填' }]);
export const caseOutsideArea = () =>
  badRequest('case.outside_area', '该位置不在本平台的网格范围内', [{ path: 'location', message: '位置超出辖区' }]);
export const caseOutsideScope = () =>
  badRequest('case.outside_scope', '该位置不在您的管辖范围内', [{ path: 'location', message: '超出管辖范围' }]);
export const casePublicationNotPublicItem = () =>
  new AppError(422, 'case.publication_not_public_item', '该事项不接受公众上报，其案件不能公开发布');
export const figuresBadPeriod = () =>
  badRequest('figures.bad_period', '统计时段的开始应早于结束', [{ path: 'from', message: '无效' }]);
export const selfHandleNotAllowed = (itemName: string) =>
  new AppError(
    422,
    'case.self_handle_not_allowed',
    `事项「${itemName}」未准入网格或不属于可即报即办的小事，请上报由中心派遣`,
  );
export const callerPhoneInvalid = (problems: { path: string; message: string }[]) =>
  badRequest(
    'case.invalid_phone',
    problems[0]?.message ?? '电话号码无效',
    problems.map((e) => ({ path: `caller.${e.path}`, message: e.message })),
  );
export const caseFieldsInvalid = (details: { path: string; message: string }[]) =>
  badRequest('case.invalid_fields', '附加信息填写有误', details);
export const unknownItem = (code: string) =>
  badRequest('case.unknown_item', `事项编码 ${code} 不存在或已停用`, [{ path: 'itemCode', message: '未知的事项' }]);

/** Classifying a 不确定/其他 case at acceptance or dispatch: the named item must be a real, active one. */
export const classificationItemInvalid = (code: string) =>
  badRequest('case.classification_invalid', `事项编码 ${code} 不存在、已停用或仍为“不确定/其他”，请选择具体事项`, [
    { path: 'itemCode', message: '请选择具体事项' },
  ]);

/** 我也遇到 on a case that has ended: there is nothing left to add to (file a new report). */
export const supplementCaseClosed = () =>
  new AppError(422, 'case.supplement_closed', '该上报已办结或已关闭，不能再补充，请重新上报');

// The codes cases.actions.ts throws (the transition refusals come from CASE_LIFE in @gewu/domain).
export const caseNotFound = () => notFound('case.not_found', '案件不存在或不在您的管辖范围内');
export const mergeTargetRequired = () =>
  badRequest('case.merge_target_required', '请选择要并入的案件', [{ path: 'targetCaseId', message: '必填' }]);
export const mergeTargetInvalid = () =>
  new AppError(422, 'case.merge_target_invalid', '不能并入已作废、已并案或不予受理的案件');
export const extensionUntilInvalid = () =>
  badRequest('case.extension_until', '延期后的期限应晚于当前期限', [{ path: 'until', message: '无效' }]);
export const decisionRequired = () =>
  badRequest('case.decision_required', '请选择同意或不同意', [{ path: 'approved', message: '必填' }]);
export const ratingRequired = () =>
  badRequest('case.rating_required', '请选择满意程度', [{ path: 'rating', message: '必填' }]);
export const alreadyTopLevel = () => new AppError(422, 'case.top_level', '已是最高层级，不能再上报');
export const rectifyByRequired = () =>
  badRequest('case.rectify_by_required', '挂牌督办须填写整改期限', [{ path: 'rectifyBy', message: '必填' }]);
export const dispatchTargetRequired = () =>
  badRequest('dispatch.target_required', '请选择一个承办单位或网格员', [{ path: 'unitId', message: '二选一' }]);
/** `path`: the field that named the unit (`unitId` or `coUnitIds`). */
export const dispatchUnitInvalid = (path: 'unitId' | 'coUnitIds') =>
  badRequest('dispatch.unit_invalid', '承办单位不存在或不负责该案件所在区域', [{ path, message: '无效' }]);
export const dispatchNotGridWorker = () =>
  badRequest('dispatch.not_grid_worker', '所选人员不是您辖区内的在岗网格员', [{ path: 'userId', message: '无效' }]);
export const dispatchWorkerOutsideArea = () =>
  badRequest('dispatch.worker_outside_area', '所选网格员不负责该案件所在区域', [
    { path: 'userId', message: '不负责该区域' },
  ]);
export const dispatchItemNotAdmitted = (itemName: string) =>
  new AppError(422, 'dispatch.item_not_admitted', `事项「${itemName}」未经准入，不能派给网格员（网格事项准入制度）`);
/** 准确派遣: a unit of another kind than the item's responsible department needs a reason. */
export const dispatchReasonRequired = () =>
  badRequest('dispatch.reason_required', '所选单位不是该事项的主管部门，请填写派遣理由', [
    { path: 'note', message: '必填' },
  ]);

/** 转矛盾纠纷 goes through the dispute registration (POST /api/disputes, source case_conversion), which writes both records. */
export const caseActionElsewhere = () =>
  badRequest('case.action_elsewhere', '转矛盾纠纷请通过矛盾纠纷登记（来源“案件转纠纷”）办理', [
    { path: 'action', message: '请使用矛盾纠纷登记' },
  ]);

/** 认领处置完成 goes through the volunteer's route (POST /api/forces/claims/:caseId/close) with a before and an after photo. */
export const claimPhotosRequired = () =>
  badRequest('claim.photos_required', '认领处置完成须通过志愿者认领提交处置前、处置后照片', [
    { path: 'action', message: '请使用志愿者认领' },
  ]);
